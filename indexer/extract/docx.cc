#include "docx.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include "docx_numbering.h"
#include "tidy.h"
#include "xml_names.h"

namespace provisio::extract {

namespace {

// Zip bomb guards: an archive with more members than this, or whose parts that we read would
// inflate to more than the caller's budget (kDocxInflateLimit by default), is refused before
// inflating. Real agreements are a few megabytes of XML in a few dozen members.
constexpr zip_int64_t kMaxMembers = 10000;

// Deeper XML than this is refused: the readers below walk it recursively (hyperlinks, content
// controls and custom XML nest), and Word itself nests a few dozen levels at most.
constexpr int kMaxXmlDepth = 256;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

ZipPtr open_zip(const std::string& bytes) {
  if (bytes.empty()) throw ExtractError("not a .docx file: the file is empty");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw ExtractError("not a .docx file: " + message);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    int code = zip_error_code_zip(&error);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP) throw ExtractError("not a .docx file: not a zip archive");
    throw ExtractError("not a .docx file: " + message);
  }
  zip_error_fini(&error);
  ZipPtr owned(archive);
  if (zip_get_num_entries(archive, 0) > kMaxMembers)
    throw ExtractError("not a .docx file: more than " + std::to_string(kMaxMembers) + " members in the archive");
  return owned;
}

// The bytes of member `name`, or nullopt when the archive has no such member. Its inflated size is
// taken from `budget` first (a zip bomb guard).
std::optional<std::string> read_member(zip_t* archive, const char* name, std::uint64_t& budget) {
  zip_int64_t index = zip_name_locate(archive, name, 0);
  if (index < 0) return std::nullopt;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
    throw ExtractError(std::string("not a .docx file: cannot read ") + name + ": " + zip_strerror(archive));
  if (stat.size > budget)
    throw ExtractError(std::string("too large: ") + name + " inflates to " + std::to_string(stat.size >> 20) +
                       " MB, more than the " + std::to_string(budget >> 20) + " MB left of the limit");
  budget -= stat.size;
  zip_file_t* file = zip_fopen_index(archive, index, 0);
  if (!file)
    throw ExtractError(std::string("not a .docx file: cannot read ") + name + ": " + zip_strerror(archive));
  std::string content(stat.size, '\0');
  zip_int64_t got = content.empty() ? 0 : zip_fread(file, content.data(), content.size());
  std::string message = got < 0 ? zip_file_strerror(file) : "";
  zip_fclose(file);
  if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size)
    throw ExtractError(std::string("not a .docx file: cannot read ") + name + ": " +
                       (message.empty() ? "truncated member" : message));
  return content;
}

// The depth of the deepest element, walked without recursion (pugixml parses any depth).
int xml_depth(const pugi::xml_node& root) {
  int depth = 0, deepest = 0;
  pugi::xml_node node = root.first_child();
  while (node && node != root) {
    deepest = std::max(deepest, depth + 1);
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node != root && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node != root) node = node.next_sibling();
  }
  return deepest;
}

void parse_part(pugi::xml_document& doc, const std::string& xml, const char* name) {
  pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!result)
    throw ExtractError(std::string("not a .docx file: ") + name + ": " + result.description() + " at byte " +
                       std::to_string(result.offset));
  if (xml_depth(doc) > kMaxXmlDepth)
    throw ExtractError(std::string("not a .docx file: ") + name + ": elements nested more than " +
                       std::to_string(kMaxXmlDepth) + " deep");
}

// What a paragraph style contributes: its heading level and its numbering, after basedOn.
struct StyleInfo {
  std::string name;
  std::string based_on;
  std::optional<int> outline_level;  // 0-based as in OOXML; 9 means body text
  std::string num_id;
  std::optional<int> ilvl;
};

class Styles {
 public:
  explicit Styles(const pugi::xml_document& doc) {
    for (pugi::xml_node style : children_named(first_child_named(doc, "styles"), "style")) {
      if (attr(style, "type") != "paragraph") continue;
      StyleInfo info;
      info.name = attr(first_child_named(style, "name"), "val");
      info.based_on = attr(first_child_named(style, "basedOn"), "val");
      pugi::xml_node ppr = first_child_named(style, "pPr");
      if (pugi::xml_node o = first_child_named(ppr, "outlineLvl")) info.outline_level = std::atoi(attr(o, "val").c_str());
      if (pugi::xml_node num = first_child_named(ppr, "numPr")) {
        info.num_id = attr(first_child_named(num, "numId"), "val");
        if (pugi::xml_node i = first_child_named(num, "ilvl")) info.ilvl = std::atoi(attr(i, "val").c_str());
      }
      styles_[attr(style, "styleId")] = info;
    }
  }

  // 1..6 from "heading N" / "Title" or the outline level along the basedOn chain; 0 otherwise.
  int heading_level(const std::string& id) const {
    std::string current = id;
    for (int depth = 0; depth < 16 && !current.empty(); ++depth) {
      auto it = styles_.find(current);
      if (it == styles_.end()) break;
      std::string name = lower(it->second.name);
      if (name == "title") return 1;
      if (name.size() == 9 && name.rfind("heading ", 0) == 0 && name[8] >= '1' && name[8] <= '9')
        return std::min(6, name[8] - '0');
      if (it->second.outline_level) return to_heading(*it->second.outline_level);
      current = it->second.based_on;
    }
    return 0;
  }

  // The numbering a style applies to its paragraphs (numId, ilvl), along the basedOn chain.
  std::pair<std::string, std::optional<int>> numbering(const std::string& id) const {
    std::string current = id;
    for (int depth = 0; depth < 16 && !current.empty(); ++depth) {
      auto it = styles_.find(current);
      if (it == styles_.end()) break;
      if (!it->second.num_id.empty()) return {it->second.num_id, it->second.ilvl};
      current = it->second.based_on;
    }
    return {"", std::nullopt};
  }

  static int to_heading(int outline_level) { return outline_level >= 0 && outline_level <= 5 ? outline_level + 1 : 0; }

 private:
  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  std::map<std::string, StyleInfo> styles_;
};

bool is_hidden_run(const pugi::xml_node& run) {
  pugi::xml_node vanish = first_child_named(first_child_named(run, "rPr"), "vanish");
  if (!vanish) return false;
  std::string val = attr(vanish, "val");
  return val.empty() || (val != "0" && val != "false" && val != "off");
}

// Appends the visible text under `node` (a paragraph or any inline container) to `out`.
void collect_text(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const char* name = local_name(child.name());
    if (!std::strcmp(name, "t")) {
      out += child.text().get();
    } else if (!std::strcmp(name, "tab") || !std::strcmp(name, "br") || !std::strcmp(name, "cr")) {
      out += ' ';
    } else if (!std::strcmp(name, "noBreakHyphen")) {
      out += '-';
    } else if (!std::strcmp(name, "r")) {
      if (!is_hidden_run(child)) collect_text(child, out);
    } else if (!std::strcmp(name, "del") || !std::strcmp(name, "moveFrom") || !std::strcmp(name, "pPr") ||
               !std::strcmp(name, "rPr") || !std::strcmp(name, "drawing") || !std::strcmp(name, "pict") ||
               !std::strcmp(name, "AlternateContent") || !std::strcmp(name, "object") ||
               !std::strcmp(name, "instrText") || !std::strcmp(name, "delText")) {
      continue;
    } else {
      collect_text(child, out);  // hyperlink, ins, smartTag, fldSimple, sdt, sdtContent…
    }
  }
}

class BodyReader {
 public:
  BodyReader(const Styles& styles, DocxNumbering& numbering) : styles_(styles), numbering_(numbering) {}

  void read_container(const pugi::xml_node& container) {
    for (pugi::xml_node child : container.children()) {
      if (is_named(child, "p")) {
        read_paragraph(child);
      } else if (is_named(child, "tbl")) {
        read_table(child);
      } else if (is_named(child, "sdt")) {
        read_container(first_child_named(child, "sdtContent"));
      } else if (is_named(child, "customXml") || is_named(child, "ins") || is_named(child, "moveTo")) {
        read_container(child);
      }
    }
  }

  std::vector<Block> take() { return std::move(blocks_); }

 private:
  void read_paragraph(const pugi::xml_node& p) {
    Block block;
    std::string raw;
    collect_text(p, raw);
    block.text = tidy_whitespace(raw);
    pugi::xml_node ppr = first_child_named(p, "pPr");
    block.style = attr(first_child_named(ppr, "pStyle"), "val");
    block.heading_level = styles_.heading_level(block.style);
    if (pugi::xml_node o = first_child_named(ppr, "outlineLvl"))
      block.heading_level = Styles::to_heading(std::atoi(attr(o, "val").c_str()));
    auto [num_id, ilvl] = styles_.numbering(block.style);
    if (pugi::xml_node num = first_child_named(ppr, "numPr")) {
      if (pugi::xml_node id = first_child_named(num, "numId")) num_id = attr(id, "val");
      if (pugi::xml_node i = first_child_named(num, "ilvl")) ilvl = std::atoi(attr(i, "val").c_str());
    }
    block.source_line = ++unit_count_;
    if (block.text.empty()) return;  // an empty numbered paragraph does not advance Word's count either
    if (!num_id.empty() && num_id != "0") {
      block.list_level = ilvl.value_or(0);
      block.list_label = numbering_.next_label(num_id, block.list_level);
    }
    blocks_.push_back(std::move(block));
  }

  // One block per row; a cell's paragraphs (and nested tables) become its text.
  void read_table(const pugi::xml_node& table) {
    for (pugi::xml_node row : children_named(table, "tr")) {
      int line = ++unit_count_;
      std::string text;
      for (pugi::xml_node cell : children_named(row, "tc")) {
        std::string raw;
        collect_cell(cell, raw);
        std::string cell_text = tidy_whitespace(raw);
        if (cell_text.empty()) continue;
        if (!text.empty()) text += " | ";
        text += cell_text;
      }
      if (text.empty()) continue;
      Block block;
      block.text = std::move(text);
      // Rows marked to repeat as the table header (w:tblHeader) are header rows.
      block.style = first_child_named(first_child_named(row, "trPr"), "tblHeader") ? "th" : "tr";
      block.source_line = line;
      blocks_.push_back(std::move(block));
    }
  }

  static void collect_cell(const pugi::xml_node& node, std::string& out) {
    for (pugi::xml_node child : node.children()) {
      if (is_named(child, "p")) {
        out += ' ';
        collect_text(child, out);
      } else if (is_named(child, "tbl") || is_named(child, "tr") || is_named(child, "tc") || is_named(child, "sdt") ||
                 is_named(child, "sdtContent") || is_named(child, "customXml")) {
        collect_cell(child, out);
      }
    }
  }

  const Styles& styles_;
  DocxNumbering& numbering_;
  std::vector<Block> blocks_;
  int unit_count_ = 0;  // body paragraphs and table rows seen so far
};

}  // namespace

std::vector<Block> docx_blocks(const std::string& bytes) {
  std::uint64_t budget = kDocxInflateLimit;
  return docx_blocks(bytes, budget);
}

std::vector<Block> docx_blocks(const std::string& bytes, std::uint64_t& inflate_budget) {
  ZipPtr archive = open_zip(bytes);
  std::optional<std::string> document_xml = read_member(archive.get(), "word/document.xml", inflate_budget);
  if (!document_xml) throw ExtractError("not a .docx file: no word/document.xml in the archive");
  pugi::xml_document document, styles_doc, numbering_doc;
  parse_part(document, *document_xml, "word/document.xml");
  // Styles and numbering are optional parts: without them there are no headings or labels.
  if (auto xml = read_member(archive.get(), "word/styles.xml", inflate_budget))
    parse_part(styles_doc, *xml, "word/styles.xml");
  if (auto xml = read_member(archive.get(), "word/numbering.xml", inflate_budget))
    parse_part(numbering_doc, *xml, "word/numbering.xml");
  Styles styles(styles_doc);
  DocxNumbering numbering(numbering_doc);
  BodyReader reader(styles, numbering);
  pugi::xml_node body = first_child_named(first_child_named(document, "document"), "body");
  if (!body) throw ExtractError("not a .docx file: word/document.xml has no w:body");
  reader.read_container(body);
  return reader.take();
}

}  // namespace provisio::extract
