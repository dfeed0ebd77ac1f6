#include "html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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

// Gumbo's tree builder scans the stack of open elements for many start tags, so its time grows
// with the square of the nesting depth (8,000 nested <span> take half a minute; 200,000 run for
// hours) and its own clean-up recurses once per level. Real pages nest a few dozen levels deep;
// deeper pages are refused before gumbo sees them.
constexpr int kMaxHtmlDepth = 512;

// Elements that never hold children, and those whose end tag HTML lets the next sibling imply
// (an unclosed <p> or <li> does not nest the next one): neither makes the tree deeper.
bool opens_no_level(std::string_view name) {
  static const std::string_view kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
      "option", "optgroup", "rb", "rt", "rp", "rtc", "html", "head", "body", "frame", "basefont", "bgsound"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// An upper estimate of how deep the elements of `html` nest: start tags not yet ended, counting
// neither the elements above nor comments, doctype and the raw text of script, style, textarea
// and title (whose '<' are not tags). "/>" ends an element only inside svg and math, as in HTML.
int html_nesting_estimate(std::string_view html) {
  int open = 0, deepest = 0, foreign = 0;
  std::size_t i = 0;
  const std::size_t n = html.size();
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.substr(i, 3) == "!--") {
      std::size_t end = html.find("-->", i + 3);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    bool closing = i < n && html[i] == '/';
    if (closing) ++i;
    if (i >= n || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;  // "<!", "<?", "a < b"
    std::string name;
    while (i < n && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == ':'))
      name += lower(html[i++]);
    // The end of the tag, skipping quoted attribute values (which may hold '>').
    char quote = 0;
    bool self_closing = false;
    for (; i < n; ++i) {
      char c = html[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closing = html[i - 1] == '/';
        break;
      }
    }
    if (closing) {
      if (!opens_no_level(name)) open = std::max(0, open - 1);
      if ((name == "svg" || name == "math") && foreign > 0) --foreign;
      continue;
    }
    if (opens_no_level(name) || (self_closing && foreign > 0)) continue;
    deepest = std::max(deepest, ++open);
    if (name == "svg" || name == "math") ++foreign;
    if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp") {
      // Raw text up to the matching end tag (case-insensitive).
      std::string end_tag = "</" + name;
      std::size_t at = i;
      for (; at < n; ++at) {
        at = html.find("</", at);
        if (at == std::string_view::npos) break;
        bool match = at + end_tag.size() <= n;
        for (std::size_t k = 2; match && k < end_tag.size(); ++k) match = lower(html[at + k]) == end_tag[k];
        if (match) break;
      }
      i = at == std::string_view::npos ? n : at;
    }
  }
  return deepest;
}

// A list number written in the page: digits only, within what a list can reach; nullopt otherwise
// (a browser ignores such values too). "1000000000000" would make a 1 GB roman numeral.
constexpr long kMaxListNumber = kMaxListStart;
std::optional<long> list_number(const char* text) {
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  long value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size() || value < 0 || value > kMaxListNumber) return std::nullopt;
  return value;
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
      if (const char* start = attribute(node, "start")) list.next = list_number(start).value_or(1);
      lists_.push_back(list);
      walk_children(node);
      flush();
      lists_.pop_back();
    } else {
      if (tag == GUMBO_TAG_LI) {
        context_.list_level = lists_.empty() ? 0 : static_cast<int>(lists_.size()) - 1;
        context_.list_label.clear();
        if (!lists_.empty() && lists_.back().ordered) {
          if (const char* value = attribute(node, "value"))
            if (auto number = list_number(value)) lists_.back().next = *number;
          // Counting on past the cap (a list of a million items) shows plain numbers.
          long number = lists_.back().next++;
          context_.list_label =
              format_list_number(number, number > kMaxListNumber ? "decimal" : lists_.back().format) + ".";
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
  if (html_nesting_estimate(utf8_bytes) > kMaxHtmlDepth)
    throw ExtractError("elements nested more than " + std::to_string(kMaxHtmlDepth) + " deep");
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8_bytes.data(), utf8_bytes.size()));
  PageReader reader;
  reader.read(output->document);
  return reader.take();
}

}  // namespace provisio::extract
