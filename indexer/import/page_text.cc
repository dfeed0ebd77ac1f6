#include "page_text.h"

#include <map>
#include <regex>
#include <set>

#include "tidy.h"
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

bool is_page_number(const std::string& text) {
  static const std::regex kPatterns(
      R"(^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:Page|PAGE|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^\d{1,4}\s*/\s*\d{1,4}$|^第\s*\d{1,4}\s*[頁页](?:\s*[,，]?\s*共\s*\d{1,4}\s*[頁页])?$|^[ivxlc]{1,6}$)");
  return std::regex_match(text, kPatterns);
}

// "Article 1  Objective ........ 3", "第一章 總則……1", or "Chapter 1 General       3" as
// pdftotext lays out a contents page (judged on the raw line, before gaps are collapsed).
bool is_contents_line(const std::string& raw, const std::string& tidy) {
  static const std::regex kLeader(R"((\.{4,}|(?:…){2,}|(?:·){4,}|(?:．){4,}|\. \. \. )\s*\d{1,4}\s*$)");
  static const std::regex kGap(R"(\S\s{6,}\d{1,4}\s*$)");
  if (tidy == "Contents" || tidy == "CONTENTS" || tidy == "Table of Contents" || tidy == "目錄" || tidy == "目录")
    return true;
  if (std::regex_search(raw, kLeader)) return true;
  return std::regex_search(raw, kGap) && find_marker(tidy) && find_marker(tidy)->kind != MarkerKind::Item;
}

bool ends_sentence(const std::string& text) {
  for (std::string_view end : {".", ";", ",", "。", "；", "，"})
    if (text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0) return true;
  return false;
}

}  // namespace

bool is_site_furniture(const std::string& line) {
  static const std::regex kFurniture(
      R"(^(Last (revised|revision date|review date|updated|modified)\b|Copyright\b|©|\(c\) \d{4}|Privacy Policy$|Important Notices?$|Back to top$|Top of page$|Print this page$|最後(修訂|更新|審閱)|更新日期|修訂日期|版權(所有)?|私隱政策|隱私政策|重要告示|返回頁首|返回页首|回到頂部|打印本頁|打印本页))",
      std::regex::icase);
  return std::regex_search(line, kFurniture);
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
    std::string tidy = extract::tidy_whitespace(line);
    if (!tidy.empty() && is_contents_line(line, tidy)) {
      ++cleanup.contents_lines;
      tidy.clear();  // kept as a blank line so the line numbers stay right
    }
    pages.back().push_back({number, tidy});
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
