#include "text_layout.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace provisio::output {

namespace {

struct Piece {
  std::string text;   // one character, or one whole style sequence
  std::size_t width;  // 0 for a style sequence
  bool breakable_after = false;
};

std::vector<Piece> pieces(std::string_view text) {
  std::vector<Piece> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    if (s[i] == 0x1B) {  // ESC [ ... m
      int32_t j = i + 1;
      while (j < n && s[j] != 'm') ++j;
      out.push_back({std::string(text.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(j + 1 - i))), 0});
      i = j + 1;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    std::size_t w = (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
    bool wide = w == 2;
    out.push_back({std::string(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start))), w,
                   c == ' ' || wide});
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t w = 0;
  for (const auto& p : pieces(text)) w += p.width;
  return w;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  auto ps = pieces(text);
  std::string style;  // the style in effect, re-opened at the start of each line
  std::string line = style;
  std::size_t line_width = 0;
  std::size_t i = 0;
  while (i < ps.size()) {
    // The next unbreakable run: up to and including a breakable piece.
    std::size_t j = i, run_width = 0;
    while (j < ps.size()) {
      run_width += ps[j].width;
      if (ps[j++].breakable_after) break;
    }
    if (line_width > 0 && line_width + run_width > width + (ps[j - 1].text == " " ? 1 : 0)) {
      lines.push_back(line + (style.empty() ? "" : "\033[0m"));
      line = style;
      line_width = 0;
      if (ps[i].text == " ") ++i;  // no leading space on a new line
      continue;
    }
    for (; i < j; ++i) {
      if (ps[i].width == 0) style = ps[i].text == "\033[0m" ? "" : ps[i].text;
      line += ps[i].text;
      line_width += ps[i].width;
    }
  }
  if (line_width > 0) lines.push_back(line);
  return lines;
}

std::string side_by_side(std::string_view left, std::string_view right, std::size_t width,
                         std::string_view indent) {
  auto l = wrap(left, width), r = wrap(right, width);
  std::string out;
  for (std::size_t k = 0; k < std::max(l.size(), r.size()); ++k) {
    std::string a = k < l.size() ? l[k] : "", b = k < r.size() ? r[k] : "";
    std::size_t pad = width > display_width(a) ? width - display_width(a) : 0;
    out += std::string(indent) + a + std::string(pad, ' ') + " │ " + b + "\n";
  }
  return out;
}

}  // namespace provisio::output
