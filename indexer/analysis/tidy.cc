#include "tidy.h"

namespace provisio {

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||   // radicals
         (c >= 0x3001 && c <= 0x303F) ||   // CJK punctuation (not U+3000, the ideographic space)
         (c >= 0x3040 && c <= 0x30FF) ||   // kana
         (c >= 0x3400 && c <= 0x4DBF) ||   // extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||   // compatibility forms
         (c >= 0xFF01 && c <= 0xFF60) ||   // full-width ASCII and punctuation
         (c >= 0x20000 && c <= 0x3134F);   // supplementary ideographs
}

namespace {

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F;
}

bool is_dropped(char32_t c) { return c == 0x200B || c == 0xFEFF || c == 0xAD; }

}  // namespace

std::string tidy_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  bool pending_space = false, pending_break = false;
  char32_t previous = 0;  // last character written
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t c = decode_utf8(text, pos);
    if (is_dropped(c)) continue;
    if (is_space(c)) {
      pending_space = true;
      pending_break = pending_break || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
      continue;
    }
    if (pending_space && !out.empty() && !(pending_break && is_cjk(previous) && is_cjk(c))) out += ' ';
    pending_space = pending_break = false;
    out.append(text.substr(start, pos - start));
    previous = c;
  }
  return out;
}

std::string tidy_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t blank_run = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    if (line.empty()) {
      ++blank_run;
    } else {
      if (!out.empty()) out += blank_run ? "\n\n" : "\n";
      out.append(line);
      blank_run = 0;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace provisio
