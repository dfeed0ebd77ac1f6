#include "page_text.h"

#include <map>
#include <set>

#include "tidy.h"
#include "line_scan.h"
#include "markers.h"

namespace provisio::import {

namespace {

struct RawLine {
  int number;
  std::string text;  // tidied
};

// A line's shape for spotting running headers: digits stand for any digits, so "Page 3" and
// "Page 4" are the same header.
std::string shape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out += '#';
    } else {
      out += c;
    }
  }
  return out;
}

bool eat_dash(LineScan& s) { return s.eat("-") || s.eat("–") || s.eat("—"); }
bool eat_page_word(LineScan& s) { return s.eat("頁") || s.eat("页"); }

// After "Page" or "p.": "2", "2 of 3" or "2/3", with the spaces between; false when no number.
bool eat_page_of_total(LineScan& s) {
  s.skip_spaces();
  if (!s.eat_digits(1, 4)) return false;
  s.skip_spaces();
  if (s.eat("of") || s.eat("/")) {
    s.skip_spaces();
    if (!s.eat_digits(1, 4)) return false;
  }
  return true;
}

// "Page 2", "Page 2 of 3", "PAGE 2/3", "- 2 -", "第 2 頁", "第 2 頁，共 3 頁": page numbers that say so,
// which no sentence or table cell is.
bool is_explicit_page_number(std::string_view text) {
  LineScan s(text);
  if (s.eat("Page") || s.eat("PAGE")) {
    if (!eat_page_of_total(s)) return false;
    s.skip_spaces();
    return s.at_end();
  }
  if (s.eat("第")) {
    s.skip_spaces();
    if (!s.eat_digits(1, 4)) return false;
    s.skip_spaces();
    if (!eat_page_word(s)) return false;
    s.skip_spaces();
    if (s.at_end()) return true;
    if (s.eat(",") || s.eat("，")) s.skip_spaces();
    if (!s.eat("共")) return false;
    s.skip_spaces();
    if (!s.eat_digits(1, 4)) return false;
    s.skip_spaces();
    return eat_page_word(s) && (s.skip_spaces(), s.at_end());
  }
  if (eat_dash(s)) {
    s.skip_spaces();
    if (!s.eat_digits(1, 4)) return false;
    s.skip_spaces();
    return eat_dash(s) && s.at_end();
  }
  return false;
}

// Also the bare forms, which only count at a page's edge: "12", "-12", "p. 4", "2 / 3", "iv".
bool is_page_number(std::string_view text) {
  if (is_explicit_page_number(text)) return true;
  LineScan s(text);
  if (s.eat("p.")) {
    return eat_page_of_total(s) && s.at_end();
  }
  bool dash_before = eat_dash(s);
  if (dash_before) s.skip_spaces();
  if (s.eat_digits(1, 4)) {
    s.skip_spaces();
    if (s.at_end()) return true;
    if (eat_dash(s)) return s.at_end();
    if (dash_before || !s.eat("/")) return false;
    s.skip_spaces();
    return s.eat_digits(1, 4) && s.at_end();
  }
  if (dash_before || text.empty() || text.size() > 6) return false;
  for (char c : text)
    if (c != 'i' && c != 'v' && c != 'x' && c != 'l' && c != 'c') return false;
  return true;
}

// Whether `raw` ends with white space, a page number of 1-4 digits and white space; `before` is
// then the text before that first white space run.
bool ends_with_page_number(std::string_view raw, std::string_view& before, std::size_t& gap) {
  std::string_view t = trim_end(raw);
  std::size_t digits = 0;
  while (digits < t.size() && LineScan::is_digit(t[t.size() - 1 - digits])) ++digits;
  if (digits == 0 || digits > 4) return false;
  t.remove_suffix(digits);
  std::size_t trimmed = trim_end(t).size();
  gap = t.size() - trimmed;
  before = t.substr(0, trimmed);
  return true;
}

bool ends_with_repeated(std::string_view text, std::string_view unit, std::size_t min) {
  std::size_t n = 0;
  while (text.size() >= unit.size() && text.substr(text.size() - unit.size()) == unit) {
    text.remove_suffix(unit.size());
    ++n;
  }
  return n >= min;
}

// "Article 1  Objective ........ 3", "第一章 總則……1", or "Chapter 1 General       3" as
// pdftotext lays out a contents page (judged on the raw line, before gaps are collapsed).
bool is_contents_line(const std::string& raw, const std::string& tidy) {
  if (tidy == "Contents" || tidy == "CONTENTS" || tidy == "Table of Contents" || tidy == "目錄" || tidy == "目录")
    return true;
  std::string_view before;
  std::size_t gap = 0;
  if (!ends_with_page_number(raw, before, gap)) return false;
  // A dot leader: "....", "……", "····", "．．．．", or spaced ". . . " before the number.
  if (ends_with_repeated(before, ".", 4) || ends_with_repeated(before, "…", 2) || ends_with_repeated(before, "·", 4) ||
      ends_with_repeated(before, "．", 4) || (gap > 0 && before.size() >= 5 && before.substr(before.size() - 5) == ". . ."))
    return true;
  // A wide gap after a division heading.
  if (gap < 6 || before.empty()) return false;
  auto marker = find_marker(tidy);
  return marker && marker->kind != MarkerKind::Item;
}

bool ends_sentence(const std::string& text) {
  for (std::string_view end : {".", ";", ",", "。", "；", "，"})
    if (text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0) return true;
  return false;
}

}  // namespace

bool is_site_furniture(const std::string& line) {
  LineScan s(line);
  // English words: some start a longer line ("Last updated: 3 May 2020"), some are the whole line.
  if (s.eat_icase("last ")) {
    for (std::string_view w : {"revised", "revision date", "review date", "updated", "modified"}) {
      LineScan after = s;
      if (after.eat_icase(w) && after.at_word_end()) return true;
    }
    return false;
  }
  if ((s.eat_icase("copyright") && s.at_word_end()) || LineScan(line).eat("©")) return true;
  {
    LineScan c(line);
    if (c.eat_icase("(c) ") && c.eat_digits(4, 64)) return true;
  }
  for (std::string_view whole : {"Privacy Policy", "Important Notice", "Important Notices", "Back to top", "Top of page",
                                 "Print this page"})
    if (equals_icase(line, whole)) return true;
  for (std::string_view start : {"最後修訂", "最後更新", "最後審閱", "更新日期", "修訂日期", "版權", "私隱政策", "隱私政策",
                                 "重要告示", "返回頁首", "返回页首", "回到頂部", "打印本頁", "打印本页"})
    if (std::string_view(line).substr(0, start.size()) == start) return true;
  return false;
}

std::vector<SourceLine> clean_page_text(const std::string& text, PageCleanup& cleanup) {
  // Split into pages of lines, keeping line numbers; a form feed starts a new page.
  std::vector<std::vector<RawLine>> pages(1);
  std::vector<bool> blank_before_line;
  int number = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    std::size_t ff;
    while ((ff = line.find('\f')) != std::string::npos) {
      line.erase(ff, 1);
      if (!pages.back().empty()) pages.emplace_back();
    }
    std::string tidy = tidy_whitespace(line);
    if (!tidy.empty() && is_contents_line(line, tidy)) {
      ++cleanup.contents_lines;
      tidy.clear();  // kept as a blank line so the line numbers stay right
    }
    // Text copied from a PDF viewer has no form feeds, but its footers ("Page 2 of 3",
    // "第 2 頁，共 3 頁") still mark where a page ends, so running headers can be found.
    bool footer = is_explicit_page_number(tidy);
    bool page_has_text = false;
    for (const auto& l : pages.back()) page_has_text |= !l.text.empty();
    pages.back().push_back({number, tidy});
    if (footer && page_has_text) pages.emplace_back();
    ++number;
    if (end == text.size()) break;
    start = end + 1;
  }
  cleanup.pages = 0;
  for (const auto& page : pages)
    for (const auto& l : page)
      if (!l.text.empty()) {
        ++cleanup.pages;
        break;
      }

  // The first and last two non-blank lines of each page are candidates for furniture.
  constexpr int kEdge = 2;
  std::vector<std::set<int>> edges(pages.size());
  std::map<std::string, int> shape_pages;  // shape -> pages it appears on as an edge line
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<int> non_blank;
    for (std::size_t i = 0; i < pages[p].size(); ++i)
      if (!pages[p][i].text.empty()) non_blank.push_back(static_cast<int>(i));
    for (int k = 0; k < static_cast<int>(non_blank.size()); ++k)
      if (k < kEdge || k >= static_cast<int>(non_blank.size()) - kEdge) edges[p].insert(non_blank[k]);
    std::set<std::string> seen;
    for (int i : edges[p]) seen.insert(shape(pages[p][i].text));
    for (const auto& s : seen) ++shape_pages[s];
  }
  auto is_running = [&](const std::string& s) {
    int n = shape_pages[s];
    return cleanup.pages >= 2 && n >= 2 && n * 2 >= cleanup.pages;
  };

  std::vector<SourceLine> out;
  bool blank = true;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    blank = true;  // a page break separates like a blank line
    for (std::size_t i = 0; i < pages[p].size(); ++i) {
      const RawLine& l = pages[p][i];
      if (l.text.empty()) {
        blank = true;
        continue;
      }
      if (is_explicit_page_number(l.text)) {  // wherever it is
        ++cleanup.page_numbers;
        continue;
      }
      if (edges[p].count(static_cast<int>(i))) {
        if (is_page_number(l.text)) {
          ++cleanup.page_numbers;
          continue;
        }
        // A heading such as "Article 3" may open several pages, and a line ending a sentence is
        // text that happens to recur: neither is furniture.
        if (is_running(shape(l.text)) && !find_marker(l.text) && !ends_sentence(l.text)) {
          ++cleanup.furniture_lines;
          continue;
        }
      }
      SourceLine s;
      s.line = l.number;
      s.text = l.text;
      s.after_blank = blank;
      out.push_back(std::move(s));
      blank = false;
    }
  }
  return out;
}

}  // namespace provisio::import
