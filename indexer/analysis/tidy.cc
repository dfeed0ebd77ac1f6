#include "tidy.h"

namespace provisio::extract {

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

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
  unsigned char b = static_cast<unsigned char>(s[pos]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return b;
  }
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int i = 1; i < len; ++i) {
    unsigned char cont = static_cast<unsigned char>(s[pos + i]);
    if ((cont & 0xC0) != 0x80) {
      ++pos;
      return b;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  pos += len;
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[pos]);
    std::size_t start = pos;
    char32_t c = decode_utf8(s, pos);
    // decode_utf8 returns the lead byte itself for invalid sequences; a real decoded character
    // equal to a byte value >= 0x80 needs at least two bytes.
    if (b >= 0x80 && pos == start + 1) return start;
    if (c >= 0xD800 && c <= 0xDFFF) return start;
  }
  return std::string_view::npos;
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

}  // namespace provisio::extract
