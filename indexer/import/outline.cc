#include "outline.h"

#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <regex>

#include "tidy.h"

namespace provisio::import {

namespace {

int rank(MarkerKind kind) {
  switch (kind) {
    case MarkerKind::Part: case MarkerKind::Annex: return 0;
    case MarkerKind::Chapter: return 1;
    case MarkerKind::Section: case MarkerKind::Table: return 2;
    case MarkerKind::Article: case MarkerKind::Sector: return 3;
    case MarkerKind::Item: return 4;
  }
  return 4;
}

const char* key_prefix(MarkerKind kind) {
  switch (kind) {
    case MarkerKind::Part: return "p";
    case MarkerKind::Chapter: return "ch";
    case MarkerKind::Section: return "s";
    case MarkerKind::Article: return "art";
    case MarkerKind::Annex: return "a";
    case MarkerKind::Table: return "t";
    case MarkerKind::Sector: return "";
    case MarkerKind::Item: return "";
  }
  return "";
}

// Units that may hold text of their own; text directly under a part, chapter or section
// heading has no provision to go to.
bool holds_text(const OutlineNode& n) {
  return n.kind == MarkerKind::Article || n.kind == MarkerKind::Annex || n.kind == MarkerKind::Table ||
         n.kind == MarkerKind::Sector ||
         n.kind == MarkerKind::Item;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ends_like_sentence(const std::string& s) {
  static const char* const kEnds[] = {".", ";", ",", ":", "。", "；", "，", "：", "、"};
  for (const char* e : kEnds) {
    std::string_view end(e);
    if (s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0) return true;
  }
  return false;
}

// "Conformity Assessment Procedures", "Scope and coverage": at least half of the words other than
// articles, conjunctions and prepositions start with a capital or a digit ("The two sides shall
// review this" does not).
bool mostly_capitalised(const std::string& text) {
  static const std::set<std::string> kSmall = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to",
                                               "with", "by", "at", "from", "under", "between", "into", "as"};
  int significant = 0, capitalised = 0;
  std::istringstream words(text);
  for (std::string w; words >> w;) {
    if (kSmall.count(w)) continue;
    ++significant;
    unsigned char c = static_cast<unsigned char>(w[0]);
    capitalised += std::isupper(c) || std::isdigit(c) || c >= 0x80 || c == '"' || c == '(';
  }
  return significant == 0 || capitalised * 2 >= significant;
}

bool is_closing_formula(const std::string& s) {
  static const std::regex kClosing(
      R"(^(Done (at|in) |DONE (AT|IN) |IN WITNESS WHEREOF|In witness whereof|以昭信守)|^本(協議|协议|安排)[於于].*(簽署|签署|簽訂|签订))");
  return std::regex_search(s, kClosing);
}

// Appends a wrapped line to a unit's text: an English word split by a line-break hyphen is
// rejoined; otherwise the lines are separated by a line break, which tidying turns into a space
// (or into nothing between Chinese characters).
void append_line(std::string& text, const std::string& line) {
  if (text.empty()) {
    text = line;
    return;
  }
  std::size_t n = text.size();
  bool hyphenated = n >= 2 && text[n - 1] == '-' && text[n - 2] >= 'a' && text[n - 2] <= 'z' && !line.empty() &&
                    line[0] >= 'a' && line[0] <= 'z';
  if (hyphenated) {
    text.pop_back();
    text += line;
  } else {
    text += "\n" + line;
  }
}

void tidy_tree(std::vector<OutlineNode>& nodes) {
  for (OutlineNode& n : nodes) {
    n.text = extract::tidy_whitespace(n.text);
    n.heading = extract::tidy_whitespace(n.heading);
    tidy_tree(n.children);
  }
}

class Builder {
 public:
  explicit Builder(bool chinese) : chinese_(chinese) { stack_.push_back(&root_); }

  void add(const SourceLine& line) {
    auto marker = find_marker(line.text);
    if (closing_started_) {
      // Annexes follow the signatures: a new division ends the closing formula.
      if (marker && marker->kind != MarkerKind::Item && try_division(*marker, line)) {
        closing_started_ = false;
        return;
      }
      append_line(outline_.closing, line.text);
      return;
    }
    if (started_ && is_closing_formula(line.text)) {
      close_stretch();
      closing_started_ = true;
      awaiting_heading_ = nullptr;
      if (outline_.closing.empty()) outline_.closing_line = line.line;
      append_line(outline_.closing, line.text);
      return;
    }
    if (marker) {
      if (marker->kind == MarkerKind::Item ? try_item(*marker, line) : try_division(*marker, line)) {
        started_ = true;
        return;
      }
    }
    add_body(line);
  }

  Outline finish() {
    close_stretch();
    outline_.top = std::move(root_.children);
    tidy_tree(outline_.top);
    outline_.title = extract::tidy_whitespace(outline_.title);
    outline_.preamble = extract::tidy_whitespace(outline_.preamble);
    outline_.closing = extract::tidy_whitespace(outline_.closing);
    return std::move(outline_);
  }

 private:
  // Whether a line without a marker reads as a heading rather than the first line of a wrapped
  // paragraph: short, no closing punctuation, and in English mostly capitalised words.
  bool heading_like(const SourceLine& line) const {
    if (line.heading_level > 0) return true;
    if (find_marker(line.text) || ends_like_sentence(line.text)) return false;
    if (chinese_) {
      for (const char* p : {"，", "。", "；", "、"})
        if (line.text.find(p) != std::string::npos) return false;
      return code_points(line.text) <= 16;  // headings are short; a wrapped line runs the full width
    }
    return code_points(line.text) <= 80 && mostly_capitalised(line.text);
  }

  bool try_division(const Marker& m, const SourceLine& line) {
    if (line.heading_level == 0) {
      // "Article 5 of this Agreement", "Annex 1, paragraph 2": a wrapped cross-reference.
      if (!m.rest.empty() && ((m.rest[0] >= 'a' && m.rest[0] <= 'z') || m.rest[0] == ',' || m.rest[0] == ';' ||
                              m.rest[0] == ')' || m.rest.rfind("，", 0) == 0 || m.rest.rfind("的", 0) == 0 ||
                              m.rest.rfind("所", 0) == 0 || m.rest.rfind("規定", 0) == 0 || m.rest.rfind("规定", 0) == 0))
        return false;
      auto last = last_number_.find(m.kind);
      // Sector codes follow the classification, not a count: their shape is check enough.
      if (m.kind != MarkerKind::Sector && last != last_number_.end() && m.number != last->second + 1 && m.number != 1)
        return false;
    }
    close_stretch();
    awaiting_heading_ = nullptr;
    while (stack_.size() > 1 && rank(stack_.back()->kind) >= rank(m.kind)) stack_.pop_back();
    if (m.kind == MarkerKind::Annex)  // numbering of articles, tables… restarts in each annex
      for (auto it = last_number_.begin(); it != last_number_.end();)
        it = it->first == MarkerKind::Annex || it->first == MarkerKind::Part ? std::next(it) : last_number_.erase(it);
    last_number_[m.kind] = m.number;
    OutlineNode node;
    node.kind = m.kind;
    node.number = m.number;
    node.label = m.label;
    node.key = key_prefix(m.kind) + std::to_string(m.number);
    if (m.kind == MarkerKind::Sector) {  // "1.F.e" -> "1fe", as in cepa-tis/a1/t2/1fe/1
      node.key.clear();
      for (char c : m.label)
        if (c != '.') node.key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    node.line = line.line;
    OutlineNode& added = stack_.back()->children.emplace_back(std::move(node));
    stack_.push_back(&added);
    if (m.rest.empty()) {
      awaiting_heading_ = &added;
    } else {
      SourceLine rest = line;
      rest.text = m.rest;
      // After "Chapter 5", "Annex 1", "Table 2" or "1.F.e" the rest of the line is the title, in
      // whatever case; after "Article 5" it may be the start of the article's text.
      bool title = m.kind == MarkerKind::Article
                       ? heading_like(rest)
                       : !ends_like_sentence(m.rest) && code_points(m.rest) <= (chinese_ ? 40u : 120u);
      if (title) added.heading = m.rest;
      else append_line(added.text, m.rest);
    }
    return true;
  }

  static bool same_style(const OutlineNode& n, const Marker& m) { return n.style == m.style; }

  bool try_item(Marker m, const SourceLine& line) {
    std::size_t base = stack_.size() - 1;  // the nearest division (or the root)
    while (base > 0 && stack_[base]->kind == MarkerKind::Item) --base;
    std::size_t level = 0;  // stack index the new item replaces, 0 when it nests under the top
    for (std::size_t i = stack_.size() - 1; i > base && level == 0; --i) {
      const OutlineNode& n = *stack_[i];
      if (m.letter_number && n.style == ItemStyle::ParenAlpha && m.letter_number == n.number + 1) {
        m.style = ItemStyle::ParenAlpha;  // (i) after (h) is a letter
        m.number = m.letter_number;
        level = i;
      } else if (same_style(n, m) && m.number == n.number + 1) {
        level = i;
      }
    }
    if (level == 0) {
      bool style_in_use = false;
      for (std::size_t i = base + 1; i < stack_.size(); ++i) style_in_use |= same_style(*stack_[i], m);
      bool division_has_items = false;
      for (const auto& c : stack_[base]->children) division_has_items |= c.kind == MarkerKind::Item;
      bool first_in_division = stack_.size() - 1 == base && !division_has_items;
      if (style_in_use || !(m.number == 1 || first_in_division)) return false;
      level = stack_.size();
    }
    close_stretch();
    awaiting_heading_ = nullptr;
    stack_.resize(level);
    OutlineNode node;
    node.kind = MarkerKind::Item;
    node.style = m.style;
    node.number = m.number;
    node.label = m.label;
    bool lettered = m.style == ItemStyle::ParenAlpha || m.style == ItemStyle::ParenRoman;
    node.key = lettered ? m.label : std::to_string(m.number);
    node.depth = static_cast<int>(level - base);
    node.line = line.line;
    append_line(node.text, m.rest);
    OutlineNode& added = stack_.back()->children.emplace_back(std::move(node));
    stack_.push_back(&added);
    return true;
  }

  void add_body(const SourceLine& line) {
    if (awaiting_heading_ && heading_like(line)) {
      awaiting_heading_->heading = line.text;
      awaiting_heading_ = nullptr;
      return;
    }
    awaiting_heading_ = nullptr;
    if (!started_) {
      // Before any unit: the title (the first heading, or the first lines up to a blank line),
      // then the preamble.
      // The title is the first heading-like line (a site's banner may come before it) and, in
      // plain text, the lines that continue it without a blank line.
      bool title_open = outline_.title.empty() || (!title_closed_ && !line.after_blank && title_lines_ < 3);
      if (title_open && heading_like(line)) {
        append_line(outline_.title, line.text);
        ++title_lines_;
        return;
      }
      title_closed_ = !outline_.title.empty();
      if (outline_.preamble.empty()) outline_.preamble_line = line.line;
      append_line(outline_.preamble, line.text);
      return;
    }
    OutlineNode* top = stack_.back();
    if (holds_text(*top)) {
      close_stretch();
      // A heading block right after a division marker line names the division.
      if (line.heading_level > 0 && top->is_division() && top->heading.empty() && top->text.empty()) {
        top->heading = line.text;
        return;
      }
      append_line(top->text, line.text);
      return;
    }
    if (stretch_.lines == 0) {
      stretch_.first_line = line.line;
      stretch_.excerpt = line.text;
    }
    stretch_.last_line = line.line;
    ++stretch_.lines;
  }

  void close_stretch() {
    if (stretch_.lines == 0) return;
    if (code_points(stretch_.excerpt) > 60) {
      std::string cut;
      std::size_t n = 0;
      for (std::size_t i = 0; i < stretch_.excerpt.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(stretch_.excerpt[i]);
        if ((c & 0xC0) != 0x80 && ++n > 60) break;
        cut += stretch_.excerpt[i];
      }
      stretch_.excerpt = cut + "…";
    }
    outline_.unplaced.push_back(stretch_);
    stretch_ = Stretch{};
  }

  bool chinese_;
  OutlineNode root_;
  std::vector<OutlineNode*> stack_;
  std::map<MarkerKind, long> last_number_;
  OutlineNode* awaiting_heading_ = nullptr;
  bool started_ = false, closing_started_ = false, title_closed_ = false;
  int title_lines_ = 0;
  Stretch stretch_;
  Outline outline_;
};

void count(const std::vector<OutlineNode>& nodes, std::map<std::string, int>& counts) {
  for (const auto& n : nodes) {
    if (n.is_division()) ++counts[division_type(n.kind)];
    else ++counts[n.depth == 1 ? "paragraph" : n.depth == 2 ? "subparagraph" : "item"];
    count(n.children, counts);
  }
}

}  // namespace

Outline build_outline(const std::vector<SourceLine>& lines, bool chinese) {
  Builder builder(chinese);
  for (const SourceLine& line : lines) builder.add(line);
  return builder.finish();
}

std::vector<std::pair<std::string, int>> count_levels(const Outline& outline) {
  std::map<std::string, int> counts;
  count(outline.top, counts);
  static const std::pair<const char*, const char*> kOrder[] = {
      {"part", "parts"},         {"chapter", "chapters"},   {"section", "sections"},
      {"article", "articles"},   {"annex", "annexes"},      {"table", "tables"},  {"sector", "sectors"},
      {"paragraph", "paragraphs"}, {"subparagraph", "subparagraphs"}, {"item", "items"}};
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [key, plural] : kOrder)
    if (counts[key]) out.emplace_back(plural, counts[key]);
  return out;
}

}  // namespace provisio::import
