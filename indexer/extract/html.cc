#include "html.h"

#include <gumbo.h>

#include <cctype>
#include <memory>
#include <string>

#include "docx_numbering.h"
#include "tidy.h"

namespace provisio::extract {

namespace {

bool is_dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEAD: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OPTION: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MAIN: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
      return true;
    default:
      return false;
  }
}

int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

const GumboVector& children(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

const GumboNode* child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(children(node).data[i]);
}

bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

// Site furniture around the content: page headers and footers, breadcrumbs, navigation roles.
bool is_page_furniture(const GumboNode* node) {
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER) return true;
  if (const char* role = attribute(node, "role")) {
    std::string r = role;
    if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "search") return true;
  }
  for (const char* name : {"id", "class"})
    if (const char* value = attribute(node, name)) {
      std::string v = value;
      for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (v.find("breadcrumb") != std::string::npos || v.find("footer") != std::string::npos ||
          v.find("skip-link") != std::string::npos)
        return true;
    }
  return false;
}

// True when anything under `node` is a block element (a layout cell rather than a data cell).
bool contains_block(const GumboNode* node) {
  for (unsigned i = 0; i < children(node).length; ++i) {
    const GumboNode* c = child(node, i);
    if (!is_element(c) || is_dropped(c->v.element.tag)) continue;
    if (is_block(c->v.element.tag) || contains_block(c)) return true;
  }
  return false;
}

// True when no cell of the row holds a block element.
bool is_data_row(const GumboNode* row) {
  for (unsigned i = 0; i < children(row).length; ++i)
    if (is_element(child(row, i)) && contains_block(child(row, i))) return false;
  return true;
}

// The numFmt-style name for an <ol type>.
std::string ol_format(const char* type) {
  if (!type) return "decimal";
  std::string t = type;
  if (t == "a") return "lowerLetter";
  if (t == "A") return "upperLetter";
  if (t == "i") return "lowerRoman";
  if (t == "I") return "upperRoman";
  return "decimal";
}

class PageReader {
 public:
  void read(const GumboNode* node) { walk(node); flush(); }
  std::vector<Block> take() { return std::move(blocks_); }

 private:
  struct Context {
    std::string style = "body";
    int heading_level = 0;
    int list_level = -1;
    std::string list_label;
  };
  struct OrderedList {
    long next = 1;
    std::string format;
    bool ordered = false;
  };

  void walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      if (text_line_ == 0 && node->type != GUMBO_NODE_WHITESPACE) text_line_ = static_cast<int>(node->v.text.start_pos.line);
      text_ += node->v.text.text;
      return;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) {
      walk_children(node);
      return;
    }
    if (!is_element(node)) return;  // comments
    GumboTag tag = node->v.element.tag;
    if (is_dropped(tag) || attribute(node, "hidden") || is_page_furniture(node)) return;
    if (tag == GUMBO_TAG_BR) {
      flush();
      return;
    }
    if (tag == GUMBO_TAG_TR && is_data_row(node)) {
      read_data_row(node);
      return;
    }
    if (!is_block(tag)) {
      walk_children(node);
      return;
    }
    flush();
    Context saved = context_;
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
      OrderedList list;
      list.ordered = tag == GUMBO_TAG_OL;
      list.format = ol_format(attribute(node, "type"));
      if (const char* start = attribute(node, "start")) list.next = std::atol(start);
      lists_.push_back(list);
      walk_children(node);
      flush();
      lists_.pop_back();
    } else {
      if (tag == GUMBO_TAG_LI) {
        context_.list_level = lists_.empty() ? 0 : static_cast<int>(lists_.size()) - 1;
        context_.list_label.clear();
        if (!lists_.empty() && lists_.back().ordered) {
          if (const char* value = attribute(node, "value")) lists_.back().next = std::atol(value);
          context_.list_label = format_list_number(lists_.back().next++, lists_.back().format) + ".";
        }
      } else if (int level = heading_level(tag)) {
        context_.heading_level = level;
      }
      if (tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML) context_.style = gumbo_normalized_tagname(tag);
      walk_children(node);
      flush();
    }
    context_ = saved;
  }

  void walk_children(const GumboNode* node) {
    for (unsigned i = 0; i < children(node).length; ++i) walk(child(node, i));
  }

  // A row of data cells: one block, cells joined by " | ".
  void read_data_row(const GumboNode* row) {
    flush();
    std::string joined;
    bool all_header_cells = true;
    for (unsigned i = 0; i < children(row).length; ++i) {
      const GumboNode* cell = child(row, i);
      if (!is_element(cell) || attribute(cell, "hidden")) continue;
      all_header_cells = all_header_cells && cell->v.element.tag == GUMBO_TAG_TH;
      PageReader inner;
      inner.walk_children(cell);
      std::string cell_text = tidy_whitespace(inner.text_);
      if (cell_text.empty()) continue;
      if (!joined.empty()) joined += " | ";
      joined += cell_text;
    }
    if (joined.empty()) return;
    Block block;
    block.text = std::move(joined);
    block.style = all_header_cells ? "th" : "tr";
    block.source_line = static_cast<int>(row->v.element.start_pos.line);
    blocks_.push_back(std::move(block));
  }

  // Ends the block being gathered; an li's label goes only to its first block.
  void flush() {
    std::string text = tidy_whitespace(text_);
    int line = text_line_;
    text_.clear();
    text_line_ = 0;
    if (text.empty()) return;
    Block block;
    block.source_line = line;
    block.text = std::move(text);
    block.style = context_.style;
    block.heading_level = context_.heading_level;
    block.list_level = context_.list_level;
    block.list_label = context_.list_label;
    context_.list_label.clear();
    blocks_.push_back(std::move(block));
  }

  Context context_;
  std::vector<OrderedList> lists_;
  std::string text_;
  int text_line_ = 0;  // source line of the first non-blank text in text_
  std::vector<Block> blocks_;
};

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

std::vector<Block> html_blocks(const std::string& utf8_bytes) {
  if (std::size_t bad = find_invalid_utf8(utf8_bytes); bad != std::string::npos)
    throw ExtractError("not UTF-8 text: invalid byte at offset " + std::to_string(bad));
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8_bytes.data(), utf8_bytes.size()));
  PageReader reader;
  reader.read(output->document);
  return reader.take();
}

}  // namespace provisio::extract
