#include "schedule.h"

#include <cstdio>

#include "date.h"
#include "line_scan.h"
#include "tidy.h"

namespace provisio::import {

namespace {

// `line` with full-width ASCII forms (０-９, Ａ-Ｚ, ．, ：…) and the ideographic space as ASCII.
std::string narrow(std::string_view line) {
  std::string out;
  for (std::size_t pos = 0; pos < line.size();) {
    char32_t c = decode_utf8(line, pos);
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;
    if (c == 0x3000) c = ' ';
    append_utf8(out, c);
  }
  return out;
}

// The text of `original` from where `narrowed` (its narrow() form) reaches byte `pos`: narrowing
// maps one code point to one, so the code points before `pos` are counted and skipped.
std::string_view original_from(std::string_view original, std::string_view narrowed, std::size_t pos) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < pos && i < narrowed.size(); ++i)
    count += (static_cast<unsigned char>(narrowed[i]) & 0xC0) != 0x80;
  std::size_t at = 0;
  for (; count > 0 && at < original.size(); --count) decode_utf8(original, at);
  return original.substr(at);
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && LineScan::is_space(s.front())) s.remove_prefix(1);
  return std::string(trim_end(s));
}

std::optional<std::string> iso_date(long year, long month, long day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", year, month, day);
  if (!Date::parse(buf)) return std::nullopt;
  return std::string(buf);
}

long month_number(LineScan& s) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  for (int i = 0; i < 12; ++i) {
    LineScan t = s;
    if (t.eat_icase(kMonths[i]) && t.at_word_end()) {
      s = t;
      return i + 1;
    }
  }
  return -1;
}

// "1 March 2025" or "March 1, 2025", then the end of the line (a full stop allowed).
std::optional<std::string> english_date(LineScan s) {
  long day = -1, month = -1, year = -1;
  if ((day = s.eat_number(2)) >= 0) {
    s.eat("st") || s.eat("nd") || s.eat("rd") || s.eat("th");
    s.skip_spaces();
    if ((month = month_number(s)) < 0) return std::nullopt;
    s.skip_spaces();
  } else {
    if ((month = month_number(s)) < 0) return std::nullopt;
    s.skip_spaces();
    if ((day = s.eat_number(2)) < 0) return std::nullopt;
    s.eat(",");
    s.skip_spaces();
  }
  if ((year = s.eat_number(4)) < 0) return std::nullopt;
  s.skip_spaces();
  s.eat(".");
  s.skip_spaces();
  if (!s.at_end()) return std::nullopt;
  return iso_date(year, month, day);
}

}  // namespace

ScheduleLabelLine schedule_label(std::string_view line) {
  std::string text = narrow(line);
  LineScan s(text);
  ScheduleLabelLine out;
  auto sectors = [&] {
    LineScan t = s;
    if (!t.eat_icase("sector")) return false;
    t.eat_icase("s");
    t.skip_spaces();
    if (!t.eat_icase("or")) return false;
    t.skip_spaces();
    if (!t.eat_icase("sub")) return false;
    t.eat("-") || t.eat(" ");
    if (!t.eat_icase("sector")) return false;
    t.eat_icase("s");
    if (!t.at_word_end()) return false;
    s = t;
    return true;
  };
  auto commitments = [&] {
    LineScan t = s;
    if (!t.eat_icase("specific")) return false;
    t.skip_spaces();
    if (!t.eat_icase("commitment")) return false;
    t.eat_icase("s");
    if (!t.at_word_end()) return false;
    s = t;
    return true;
  };
  if (sectors() || s.eat("部門或分部門") || s.eat("部门或分部门")) out.label = ScheduleLabel::Sectors;
  else if (commitments() || s.eat("具體承諾") || s.eat("具体承诺")) out.label = ScheduleLabel::Commitments;
  else return out;
  s.skip_spaces();
  if (s.eat(":") || s.eat("|")) s.skip_spaces();
  out.rest = trimmed(original_from(line, text, s.pos()));
  return out;
}

std::optional<SectorPart> sector_part(std::string_view line) {
  std::string text = narrow(line);
  LineScan s(text);
  SectorPart part;
  std::size_t start = s.pos();
  if (s.eat_digits(1, 2)) {
    part.level = 0;
    part.code = text.substr(start, s.pos() - start);
  } else if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    part.level = 1;
    part.code = text.substr(0, 1);
    s.eat(part.code);
  } else if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
    part.level = 2;
    part.code = text.substr(0, 1);
    s.eat(part.code);
  } else {
    return std::nullopt;
  }
  if (!s.eat(".")) return std::nullopt;
  // "1.5 million" and "e.g." are not codes: a space, the end, or a Chinese character must follow.
  if (!s.at_end() && !LineScan::is_space(s.rest()[0])) {
    std::size_t pos = 0;
    if (!is_cjk(decode_utf8(s.rest(), pos))) return std::nullopt;
  }
  part.name = trimmed(original_from(line, text, s.pos()));
  return part;
}

std::optional<std::string> effective_date_line(std::string_view line) {
  std::string text = narrow(line);
  LineScan s(text);
  if (s.eat_icase("effective")) {
    s.skip_spaces();
    if (!s.eat_icase("from") && !s.eat_icase("on")) return std::nullopt;
  } else if (s.eat_icase("with effect from")) {
  } else {
    // 2025年3月1日起實施, 自2025年3月1日起实施, 2025年3月1日起生效
    s.eat("自");
    s.skip_spaces();
    long year = s.eat_number(4);
    s.skip_spaces();
    if (year < 0 || !s.eat("年")) return std::nullopt;
    s.skip_spaces();
    long month = s.eat_number(2);
    s.skip_spaces();
    if (month < 0 || !s.eat("月")) return std::nullopt;
    s.skip_spaces();
    long day = s.eat_number(2);
    s.skip_spaces();
    if (day < 0 || !s.eat("日")) return std::nullopt;
    s.eat("起");
    if (!(s.eat("實施") || s.eat("实施") || s.eat("生效"))) return std::nullopt;
    s.eat("。");
    s.skip_spaces();
    if (!s.at_end()) return std::nullopt;
    return iso_date(year, month, day);
  }
  s.skip_spaces();
  if (s.eat(":")) s.skip_spaces();
  return english_date(s);
}

}  // namespace provisio::import
