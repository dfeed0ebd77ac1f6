#include "citations.h"

#include "chinese_numerals.h"

namespace provisio::import {

namespace {

bool has_kind(const std::vector<const OutlineNode*>& chain, MarkerKind kind) {
  for (const OutlineNode* n : chain)
    if (n->kind == kind) return true;
  return false;
}

// The item's label as English prints it: letters and roman numerals as printed, numbers in digits.
std::string english_item(const OutlineNode& n) {
  return n.style == ItemStyle::ParenAlpha || n.style == ItemStyle::ParenRoman ? n.label : std::to_string(n.number);
}

std::string english(const std::vector<const OutlineNode*>& chain) {
  // Parts, chapters and sections are left out when an article or annex identifies the unit.
  bool anchored = has_kind(chain, MarkerKind::Article) || has_kind(chain, MarkerKind::Annex);
  bool under_article = has_kind(chain, MarkerKind::Article);
  std::string out;
  int item_depth = 0;
  MarkerKind nearest = MarkerKind::Part;
  for (const OutlineNode* n : chain) {
    if (n->is_division()) {
      nearest = n->kind;
      if (anchored && (n->kind == MarkerKind::Part || n->kind == MarkerKind::Chapter || n->kind == MarkerKind::Section))
        continue;
      std::string word = division_type(n->kind);
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
      bool ascii_label = !n->label.empty();
      for (unsigned char c : n->label) ascii_label = ascii_label && c < 0x80;
      out += (out.empty() ? "" : ", ") + word + " " + (ascii_label ? n->label : std::to_string(n->number));
    } else if (++item_depth == 1 && !under_article) {
      const char* word = nearest == MarkerKind::Table || nearest == MarkerKind::Annex || nearest == MarkerKind::Sector
                             ? "item"
                             : "paragraph";
      out += (out.empty() ? std::string(1, static_cast<char>(word[0] - 'a' + 'A')) + (word + 1) : ", " + std::string(word)) +
             " " + english_item(*n);
    } else {
      out += "(" + english_item(*n) + ")";
    }
  }
  return out;
}

std::string chinese(const std::vector<const OutlineNode*>& chain, bool simplified) {
  bool anchored = has_kind(chain, MarkerKind::Article) || has_kind(chain, MarkerKind::Annex);
  std::string out;
  int item_depth = 0;
  for (const OutlineNode* n : chain) {
    std::string num = format_chinese_number(n->number);
    switch (n->kind) {
      case MarkerKind::Part: if (!anchored) out += "第" + num + "部分"; break;
      case MarkerKind::Chapter: if (!anchored) out += "第" + num + "章"; break;
      case MarkerKind::Section: if (!anchored) out += "第" + num + (simplified ? "节" : "節"); break;
      case MarkerKind::Article: out += "第" + num + (simplified ? "条" : "條"); break;
      case MarkerKind::Annex: out += "附件" + std::to_string(n->number); break;
      case MarkerKind::Table: out += "表" + std::to_string(n->number); break;
      case MarkerKind::Sector: out += (simplified ? "部门" : "部門") + n->label; break;
      case MarkerKind::Item:
        ++item_depth;
        if (item_depth == 1 && (has_kind(chain, MarkerKind::Table) || has_kind(chain, MarkerKind::Annex)))
          out += "第" + std::to_string(n->number) + (simplified ? "项" : "項");  // a table's items
        else if (item_depth == 1 && !has_kind(chain, MarkerKind::Article))
          out += "第" + num + "段";  // a plan's numbered paragraphs (一、) under a chapter or section
        else if (item_depth == 1 && (n->style == ItemStyle::Decimal || n->style == ItemStyle::CjkComma ||
                                     n->style == ItemStyle::ParenDecimal))
          out += "第" + num + "款";
        else if (item_depth <= 2)
          out += "第（" + num + "）" + (simplified ? "项" : "項");
        else
          out += "第" + num + "目";
        break;
    }
  }
  return out;
}

}  // namespace

std::string citation(const std::vector<const OutlineNode*>& chain, const std::string& lang) {
  if (lang == "en") return english(chain);
  return chinese(chain, lang == "zh-Hans");
}

}  // namespace provisio::import
