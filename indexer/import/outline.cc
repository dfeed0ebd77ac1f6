#include "outline.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "line_scan.h"
#include "schedule.h"
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

// Whether a line ends a statement, so that a marker on the next line cannot be the wrapped end
// of a sentence: ".", ";", ":" and their Chinese forms (not commas).
bool ends_statement(const std::string& s) {
  static const char* const kEnds[] = {".", ";", ":", "。", "；", "："};
  for (const char* e : kEnds) {
    std::string_view end(e);
    if (s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0) return true;
  }
  return false;
}

// "Done at …", "IN WITNESS WHEREOF", 以昭信守, or 本協議於…簽署 / 本安排于…签订.
bool is_closing_formula(const std::string& text) {
  for (std::string_view start : {"Done at ", "Done in ", "DONE AT ", "DONE IN ", "IN WITNESS WHEREOF", "In witness whereof",
                                 "以昭信守"})
    if (LineScan(text).eat(start)) return true;
  LineScan s(text);
  if (!s.eat("本") || !(s.eat("協議") || s.eat("协议") || s.eat("安排")) || !(s.eat("於") || s.eat("于"))) return false;
  for (std::string_view signed_word : {"簽署", "签署", "簽訂", "签订"})
    if (s.rest().find(signed_word) != std::string_view::npos) return true;
  return false;
}

// "Article 12", "(ix)", "（五）": a marker as a diagnostic names it.
std::string marker_name(const Marker& m) {
  if (m.kind == MarkerKind::Item) {
    if (m.style == ItemStyle::Decimal) return m.label + ".";
    if (m.style == ItemStyle::CjkComma) return m.label + "、";
    if (m.style == ItemStyle::CjkParen) return "（" + m.label + "）";
    return "(" + m.label + ")";
  }
  std::string word = division_type(m.kind);
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word + " " + m.label;
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
    n.text = tidy_whitespace(n.text);
    n.heading = tidy_whitespace(n.heading);
    tidy_tree(n.children);
  }
}

class Builder {
 public:
  explicit Builder(bool chinese) : chinese_(chinese) { stack_.push_back(&root_); }

  void add(const SourceLine& line) {
    heading_line_ = false;
    if (closing_started_ || !schedule_line(line)) add_line(line);
    previous_ended_ = heading_line_ || ends_statement(line.text);
  }

  Outline finish() {
    if (pending_date_) {
      PendingDate pending = *pending_date_;
      pending_date_.reset();
      add_line(pending.line);
    }
    if (collecting_) end_sector_block();
    close_stretch();
    outline_.top = std::move(root_.children);
    tidy_tree(outline_.top);
    outline_.title = tidy_whitespace(outline_.title);
    outline_.preamble = tidy_whitespace(outline_.preamble);
    outline_.closing = tidy_whitespace(outline_.closing);
    return std::move(outline_);
  }

 private:
  struct PendingDate {
    SourceLine line;
    std::string date;
  };

  // Whether the statement before `line` is finished: a marker there starts a unit (or, out of
  // sequence, is reported) rather than continuing a sentence.
  bool statement_ended(const SourceLine& line) const { return line.after_blank || previous_ended_; }

  void add_line(const SourceLine& line) {
    auto marker = find_marker(line.text);
    if (orphan_items_ && (!marker || marker->kind == MarkerKind::Item)) {
      extend_stretch(line);
      return;
    }
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
      rejection_.clear();
      if (marker->kind == MarkerKind::Item ? try_item(*marker, line) : try_division(*marker, line)) {
        started_ = true;
        return;
      }
      // Out of sequence after a finished statement: not a wrapped line, so not the previous
      // unit's text either.
      if (started_ && !rejection_.empty() && statement_ended(line)) {
        begin_orphan(line, rejection_);
        return;
      }
    }
    add_body(line);
  }

  // The innermost schedule sector open now, or null.
  OutlineNode* current_sector() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if ((*it)->kind == MarkerKind::Sector) return *it;
    return nullptr;
  }

  // The services-schedule layout (schedule.h); true when `line` was taken as part of it.
  bool schedule_line(const SourceLine& line) {
    ScheduleLabelLine label = schedule_label(line.text);
    if (pending_date_) {
      // A date line outside any sector's block names the day of the blocks that follow it;
      // followed by anything else it was ordinary text.
      PendingDate pending = *pending_date_;
      pending_date_.reset();
      if (label.label == ScheduleLabel::Sectors) default_date_ = pending.date;
      else {
        add_line(pending.line);
        previous_ended_ = heading_line_ || ends_statement(pending.line.text);
        heading_line_ = false;
      }
    }
    if (auto date = effective_date_line(line.text)) {
      heading_line_ = true;
      if (collecting_) block_date_ = *date;
      else if (OutlineNode* sector = current_sector()) sector->effective = *date;
      else pending_date_ = PendingDate{line, *date};
      return true;
    }
    if (label.label == ScheduleLabel::Sectors) {
      if (collecting_) end_sector_block();
      close_stretch();
      awaiting_heading_ = nullptr;
      collecting_ = true;
      started_ = true;
      block_line_ = line;
      heading_line_ = true;
      if (!label.rest.empty()) collect_sector_part(label.rest);
      return true;
    }
    if (label.label == ScheduleLabel::Commitments) {
      // Without a sector block before it, a repeated column label: nothing to open.
      if (collecting_) end_sector_block();
      heading_line_ = true;
      if (!label.rest.empty()) {
        SourceLine rest = line;
        rest.text = label.rest;
        add_line(rest);
      }
      return true;
    }
    if (!collecting_) return false;
    if (auto part = sector_part(line.text)) {
      // "1. …" after the item level (e.) is the first commitment of a table without the label.
      if (part->level == 0 && !parts_.empty() && parts_.back().level == 2) {
        end_sector_block();
        return false;
      }
      collect_sector_part(line.text);
      return true;
    }
    auto marker = find_marker(line.text);
    bool cross_reference = marker && !marker->rest.empty() && marker->rest[0] >= 'a' && marker->rest[0] <= 'z';
    if (marker && marker->kind != MarkerKind::Item && marker->kind != MarkerKind::Sector && !cross_reference) {
      end_sector_block();  // "Annex 2", "Table 3": the block was not finished
      return false;
    }
    if (!parts_.empty()) append_line(parts_.back().name, line.text);
    else extend_stretch(line, kNoSectorCode);
    return true;
  }

  void collect_sector_part(const std::string& text) {
    auto part = sector_part(text);
    if (!part) {
      if (!parts_.empty()) append_line(parts_.back().name, text);
      return;
    }
    while (!parts_.empty() && parts_.back().level >= part->level) parts_.pop_back();
    parts_.push_back(*part);
  }

  // Opens the sector division that the code lines collected name.
  void end_sector_block() {
    collecting_ = false;
    if (parts_.empty()) {
      // No code: the commitments that follow belong to no sector, and are reported rather than
      // added to the sector before.
      if (stretch_.lines == 0) extend_stretch(block_line_, kNoSectorCode);
      orphan_ = orphan_items_ = true;
      return;
    }
    Marker m;
    m.kind = MarkerKind::Sector;
    for (const SectorPart& p : parts_) m.label += (m.label.empty() ? "" : ".") + p.code;
    m.number = parts_.front().level == 0 ? std::stol(parts_.front().code) : 0;
    SourceLine at = block_line_;
    at.heading_level = 1;  // a heading by its place in the layout, whatever its number
    try_division(m, at);
    OutlineNode* sector = stack_.back();
    sector->heading = parts_.back().name;
    sector->effective = block_date_.empty() ? default_date_ : block_date_;
    awaiting_heading_ = nullptr;
    parts_.clear();
    block_date_.clear();
  }

  void begin_orphan(const SourceLine& line, const std::string& reason) {
    close_stretch();
    awaiting_heading_ = nullptr;
    extend_stretch(line, reason);
    orphan_ = true;
  }

  void extend_stretch(const SourceLine& line, const std::string& reason = "") {
    if (stretch_.lines == 0) {
      stretch_.first_line = line.line;
      stretch_.excerpt = line.text;
      stretch_.reason = reason;
    }
    stretch_.last_line = line.line;
    ++stretch_.lines;
  }
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
      // Sector codes follow the classification, not a count: their shape is check enough. A gap
      // (Articles 58, 59, 68 in an extract) is a new unit when a statement ended before it.
      if (m.kind != MarkerKind::Sector && last != last_number_.end() && m.number != last->second + 1 && m.number != 1 &&
          !(m.number > last->second && statement_ended(line))) {
        std::string previous = division_type(m.kind);
        previous[0] = static_cast<char>(previous[0] - 'a' + 'A');
        rejection_ = marker_name(m) + " out of sequence after " + previous + " " + std::to_string(last->second);
        return false;
      }
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
      heading_line_ = true;
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
      heading_line_ = title || ends_statement(m.rest);
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
      // A list may start anywhere ((ii), (v), （五）) in an extract, after a finished statement.
      if (style_in_use || !(m.number == 1 || first_in_division || statement_ended(line))) {
        rejection_ = marker_name(m) + " does not continue the numbering before it";
        return false;
      }
      // A list starting at (c), (d), (l) or (m) is lettered; at (i), (v) or (x), numbered.
      if (m.letter_number && m.number != 1 && m.label != "v" && m.label != "x") {
        m.style = ItemStyle::ParenAlpha;
        m.number = m.letter_number;
      }
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
      heading_line_ = true;
      return;
    }
    awaiting_heading_ = nullptr;
    if (orphan_) {
      extend_stretch(line);
      return;
    }
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
        heading_line_ = true;
        return;
      }
      append_line(top->text, line.text);
      return;
    }
    extend_stretch(line);
  }

  void close_stretch() {
    orphan_ = orphan_items_ = false;
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
  bool previous_ended_ = true;  // the line before ended a statement (or was a heading)
  bool heading_line_ = false;   // the line being added was taken as a heading or label
  bool orphan_ = false;         // the open stretch began with a marker out of sequence
  bool orphan_items_ = false;   // … or with a schedule block without a code: its items go there too
  static constexpr const char* kNoSectorCode = "no sector code after \"Sectors or sub-sectors\"";
  std::string rejection_;       // why the last marker did not start a unit ("" = a wrapped line)
  // Services schedule: the code lines of the block being read, its label line and date.
  bool collecting_ = false;
  std::vector<SectorPart> parts_;
  SourceLine block_line_;
  std::string block_date_, default_date_;
  std::optional<PendingDate> pending_date_;
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
