#include "markers.h"

#include <algorithm>

#include <cctype>

#include "chinese_numerals.h"
#include "docx_numbering.h"
#include "tidy.h"

namespace provisio::import {

namespace {


std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) out += decode_utf8(s, pos);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

// Full-width ASCII forms as ASCII, the ideographic space as a space; one code point for one.
char32_t narrow(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  if (c == 0x3000) return ' ';
  return c;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_space(char32_t c) { return c == ' ' || c == '\t'; }

// The text after position `pos` of the original line, skipping spaces and marker punctuation.
std::string rest_after(const std::u32string& original, const std::u32string& norm, std::size_t pos) {
  while (pos < norm.size() && (is_space(norm[pos]) || norm[pos] == '.' || norm[pos] == ':' || norm[pos] == U'、' ||
                               norm[pos] == U'—' || norm[pos] == U'–' || norm[pos] == '-' || norm[pos] == '|'))
    ++pos;  // '|' separates table cells: "1. | Testing | …"
  return encode(std::u32string_view(original).substr(pos));
}

// A label's number; past kMaxLabelNumber (no real article or item is numbered so high) it stays
// at that cap rather than overflowing: "Article 1000000000000000000000" was undefined behaviour
// (found by fuzz_page_text).
constexpr long kMaxLabelNumber = 1'000'000'000;
long parse_arabic(const std::u32string& digits) {
  long value = 0;
  for (char32_t c : digits) value = std::min(kMaxLabelNumber, value * 10 + (c - '0'));
  return value;
}

// An English division word followed by a number: "Article 58", "CHAPTER IV".
std::optional<Marker> english_division(const std::u32string& original, const std::u32string& norm) {
  struct Word {
    const char32_t* title;
    const char32_t* upper;
    MarkerKind kind;
    bool roman_allowed;
  };
  static const Word kWords[] = {{U"Part", U"PART", MarkerKind::Part, true},
                                {U"Chapter", U"CHAPTER", MarkerKind::Chapter, true},
                                {U"Section", U"SECTION", MarkerKind::Section, true},
                                {U"Article", U"ARTICLE", MarkerKind::Article, false},
                                {U"Annex", U"ANNEX", MarkerKind::Annex, true},
                                {U"Table", U"TABLE", MarkerKind::Table, false}};
  for (const Word& w : kWords) {
    std::u32string_view title(w.title), upper(w.upper);
    std::u32string_view head = std::u32string_view(norm).substr(0, title.size());
    if (head != title && head != upper) continue;
    std::size_t pos = title.size();
    if (pos >= norm.size() || !is_space(norm[pos])) continue;
    while (pos < norm.size() && is_space(norm[pos])) ++pos;
    std::size_t start = pos;
    auto roman_letter = [&](char32_t c) { return w.roman_allowed && (c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'); };
    while (pos < norm.size() && (is_digit(norm[pos]) || roman_letter(norm[pos]))) ++pos;
    if (pos == start) continue;
    if (pos < norm.size() && !(is_space(norm[pos]) || norm[pos] == '.' || norm[pos] == ':' || norm[pos] == U'—' ||
                               norm[pos] == U'–' || norm[pos] == '-'))
      continue;  // "Article 5bis", "Table 2A": not a plain number
    std::u32string label = norm.substr(start, pos - start);
    Marker m;
    m.kind = w.kind;
    m.label = encode(label);
    if (is_digit(label[0])) {
      for (char32_t c : label)
        if (!is_digit(c)) return std::nullopt;
      m.number = parse_arabic(label);
    } else {
      std::string lower = m.label;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      m.number = roman_value(lower);
      if (m.number == 0) continue;
    }
    m.rest = rest_after(original, norm, pos);
    return m;
  }
  return std::nullopt;
}

// "1.F.e Technical testing and analysis services": a services-schedule sector code.
std::optional<Marker> sector(const std::u32string& original, const std::u32string& norm) {
  std::size_t pos = 0;
  while (pos < norm.size() && pos < 2 && is_digit(norm[pos])) ++pos;
  auto at = [&](std::size_t i) { return i < norm.size() ? norm[i] : U'\0'; };
  if (pos == 0 || at(pos) != '.' || !(at(pos + 1) >= 'A' && at(pos + 1) <= 'Z') || at(pos + 2) != '.' ||
      !(at(pos + 3) >= 'a' && at(pos + 3) <= 'z'))
    return std::nullopt;
  std::size_t end = pos + 4;
  if (at(end) == '.') ++end;
  if (end < norm.size() && !is_space(norm[end]) && !is_cjk(norm[end])) return std::nullopt;
  Marker m;
  m.kind = MarkerKind::Sector;
  m.label = encode(norm.substr(0, pos + 4));
  m.number = parse_arabic(norm.substr(0, pos));
  m.rest = rest_after(original, norm, end);
  return m;
}

// A run of Chinese numeral characters or ASCII digits starting at `pos`; advances `pos`.
std::optional<long> numeral_at(const std::u32string& norm, std::size_t& pos, std::string& label) {
  std::size_t start = pos;
  if (pos < norm.size() && is_digit(norm[pos])) {
    while (pos < norm.size() && is_digit(norm[pos])) ++pos;
    label = encode(std::u32string_view(norm).substr(start, pos - start));
    return parse_arabic(norm.substr(start, pos - start));
  }
  while (pos < norm.size() && is_chinese_numeral_char(norm[pos])) ++pos;
  if (pos == start) return std::nullopt;
  label = encode(std::u32string_view(norm).substr(start, pos - start));
  auto value = parse_chinese_number(label);
  if (!value) pos = start;
  return value;
}

// 第五十八條, 第5章, 第一部分, 附件1, 附件一, 表2.
std::optional<Marker> chinese_division(const std::u32string& original, const std::u32string& norm) {
  Marker m;
  std::size_t pos = 0;
  if (norm[0] == U'第') {
    pos = 1;
    auto value = numeral_at(norm, pos, m.label);
    if (!value || pos >= norm.size()) return std::nullopt;
    char32_t unit = norm[pos];
    if (unit == U'章') m.kind = MarkerKind::Chapter;
    else if (unit == U'節' || unit == U'节') m.kind = MarkerKind::Section;
    else if (unit == U'條' || unit == U'条') m.kind = MarkerKind::Article;
    else if (unit == U'編' || unit == U'编') m.kind = MarkerKind::Part;
    else if (unit == U'部' && pos + 1 < norm.size() && norm[pos + 1] == U'分') m.kind = MarkerKind::Part, ++pos;
    else return std::nullopt;
    ++pos;
    m.number = *value;
  } else if (norm.compare(0, 2, U"附件") == 0 || norm[0] == U'表') {
    m.kind = norm[0] == U'表' ? MarkerKind::Table : MarkerKind::Annex;
    pos = m.kind == MarkerKind::Table ? 1 : 2;
    while (pos < norm.size() && is_space(norm[pos])) ++pos;
    auto value = numeral_at(norm, pos, m.label);
    if (!value) return std::nullopt;
    // 表二中 or 附件一所列 are words in a sentence, not headings.
    if (pos < norm.size() && !(is_space(norm[pos]) || norm[pos] == ':' || norm[pos] == U'：' || norm[pos] == '.'))
      return std::nullopt;
    m.number = *value;
  } else {
    return std::nullopt;
  }
  m.rest = rest_after(original, norm, pos);
  return m;
}

std::optional<Marker> item(const std::u32string& original, const std::u32string& norm) {
  Marker m;
  m.kind = MarkerKind::Item;
  std::size_t pos = 0;
  if (is_digit(norm[0])) {  // 1.  1．  1、
    while (pos < norm.size() && is_digit(norm[pos]) && pos < 3) ++pos;
    if (pos >= norm.size() || !(norm[pos] == '.' || norm[pos] == U'、')) return std::nullopt;
    std::size_t after = pos + 1;
    // "1.5 million" and "2019." are not items; "1. The" and "1．本" are.
    if (after < norm.size() && !is_space(norm[after]) && !is_cjk(norm[after]) && norm[after] != '|')
      return std::nullopt;
    if (after < norm.size() && norm[pos] == '.' && is_digit(norm[after])) return std::nullopt;
    m.style = ItemStyle::Decimal;
    m.label = encode(norm.substr(0, pos));
    m.number = parse_arabic(norm.substr(0, pos));
    m.rest = rest_after(original, norm, after);
    return m;
  }
  if (norm[0] == '(') {
    std::size_t close = norm.find(')');
    if (close == std::u32string::npos || close < 2 || close > 8) return std::nullopt;
    std::u32string inside = norm.substr(1, close - 1);
    std::string label = encode(inside);
    bool digits = true, lower = true;
    for (char32_t c : inside) {
      digits = digits && is_digit(c);
      lower = lower && c >= 'a' && c <= 'z';
    }
    if (digits) {
      m.style = ItemStyle::ParenDecimal;
      m.number = parse_arabic(inside);
    } else if (lower) {
      long roman = roman_value(label);
      bool single_letter = inside.size() == 1;
      if (roman) {
        m.style = ItemStyle::ParenRoman;
        m.number = roman;
        if (single_letter) m.letter_number = inside[0] - 'a' + 1;
      } else if (single_letter || (inside.size() == 2 && inside[0] == inside[1])) {
        m.style = ItemStyle::ParenAlpha;  // (a) … (z), then (aa), (bb) as Word and drafters do
        m.number = (inside[0] - 'a' + 1) + 26 * static_cast<long>(inside.size() - 1);
      } else {
        return std::nullopt;
      }
    } else if (auto value = parse_chinese_number(label)) {
      m.style = ItemStyle::CjkParen;
      m.number = *value;
    } else {
      return std::nullopt;
    }
    m.label = label;
    m.rest = rest_after(original, norm, close + 1);
    return m;
  }
  // 一、
  std::size_t comma = norm.find(U'、');
  if (comma != std::u32string::npos && comma > 0 && comma <= 4) {
    std::string label = encode(norm.substr(0, comma));
    if (auto value = parse_chinese_number(label)) {
      m.style = ItemStyle::CjkComma;
      m.number = *value;
      m.label = label;
      m.rest = rest_after(original, norm, comma + 1);
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace

long roman_value(std::string_view s) {
  if (s.empty() || s.size() > 12) return 0;
  long value = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto digit = [](char c) -> long {
      switch (c) {
        case 'i': return 1; case 'v': return 5; case 'x': return 10; case 'l': return 50;
        case 'c': return 100; case 'd': return 500; case 'm': return 1000; default: return 0;
      }
    };
    long d = digit(s[i]);
    if (!d) return 0;
    long next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
    value += d < next ? -d : d;
  }
  // Only canonical numerals ("iv", not "iiii" or "vx").
  return value > 0 && extract::format_list_number(value, "lowerRoman") == s ? value : 0;
}

const char* division_type(MarkerKind kind) {
  switch (kind) {
    case MarkerKind::Part: return "part";
    case MarkerKind::Chapter: return "chapter";
    case MarkerKind::Section: return "section";
    case MarkerKind::Article: return "article";
    case MarkerKind::Annex: return "annex";
    case MarkerKind::Table: return "table";
    case MarkerKind::Sector: return "sector";
    case MarkerKind::Item: return "item";
  }
  return "item";
}

std::optional<Marker> find_marker(std::string_view line) {
  std::u32string original = decode(line);
  if (original.empty()) return std::nullopt;
  std::u32string norm = original;
  for (char32_t& c : norm) c = narrow(c);
  if (auto m = english_division(original, norm)) return m;
  if (auto m = chinese_division(original, norm)) return m;
  if (auto m = sector(original, norm)) return m;
  return item(original, norm);
}

}  // namespace provisio::import
