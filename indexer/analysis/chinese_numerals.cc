#include "chinese_numerals.h"

#include "tidy.h"

namespace provisio {

namespace {

int digit_value(char32_t c) {
  switch (c) {
    case U'〇': case U'零': case U'○': case U'Ｏ': return 0;
    case U'一': case U'壹': case U'弌': return 1;
    case U'二': case U'貳': case U'贰': case U'兩': case U'两': return 2;
    case U'三': case U'參': case U'叁': case U'弎': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陸': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

long unit_value(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'萬': case U'万': return 10000;
    case U'億': case U'亿': return 100000000;
    default: return 0;
  }
}

// 廿 and 卅 are shorthand for 二十 and 三十.
long tens_shorthand(char32_t c) { return c == U'廿' ? 20 : c == U'卅' ? 30 : 0; }

}  // namespace

bool is_chinese_numeral_char(char32_t c) {
  return digit_value(c) >= 0 || unit_value(c) > 0 || tens_shorthand(c) > 0;
}

std::optional<long> parse_chinese_number(std::string_view text) {
  std::u32string chars;
  for (std::size_t pos = 0; pos < text.size();) chars += decode_utf8(text, pos);
  if (chars.empty()) return std::nullopt;
  bool has_unit = false;
  for (char32_t c : chars) {
    if (!is_chinese_numeral_char(c)) return std::nullopt;
    has_unit = has_unit || unit_value(c) > 0 || tens_shorthand(c) > 0;
  }
  if (!has_unit) {  // 二〇一九: digit by digit
    if (chars.size() > 12) return std::nullopt;  // beyond what a long holds safely
    // Two digits side by side (五五) are not a numeral; years are written with four (二〇一九).
    if (chars.size() < 3 && chars.size() != 1) return std::nullopt;
    long value = 0;
    for (char32_t c : chars) value = value * 10 + digit_value(c);
    return value;
  }
  long total = 0;     // completed groups of a hundred million (億)
  long myriads = 0;   // the completed group of ten thousand (萬) below them
  long section = 0;   // value below ten thousand being built
  long digit = -1;    // pending digit, -1 when none
  long last_unit = 100000;
  for (char32_t c : chars) {
    if (int d = digit_value(c); d >= 0) {
      if (digit > 0) return std::nullopt;  // 五五 inside a counted numeral
      digit = d == 0 ? -1 : d;             // 零 only marks a gap (一百零五)
    } else if (long t = tens_shorthand(c)) {
      if (digit >= 0 || last_unit <= 10) return std::nullopt;
      section += t;
      last_unit = 10;
    } else if (long u = unit_value(c); u >= 10000) {
      // 萬 and 億 close a group: 一億二千萬 = 1 * 10^8 + 2000 * 10^4.
      if (digit > 0) section += digit;
      if (u == 10000) {
        if (section == 0 || myriads > 0) return std::nullopt;
        myriads = section * 10000;
      } else {
        if (section + myriads == 0 || total > 0) return std::nullopt;
        total = (myriads + section) * u;
        myriads = 0;
      }
      section = 0;
      digit = -1;
      last_unit = 100000;
    } else {
      if (u >= last_unit) return std::nullopt;  // 十百, 百百
      section += (digit > 0 ? digit : 1) * u;
      digit = -1;
      last_unit = u;
    }
  }
  if (digit > 0) section += digit;
  return total + myriads + section;
}

std::string format_chinese_number(long n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kUnits[] = {"", "十", "百", "千", "萬"};
  if (n <= 0 || n > 99999) return std::to_string(n);
  std::string digits = std::to_string(n);
  std::string out;
  bool pending_zero = false;
  int len = static_cast<int>(digits.size());
  for (int i = 0; i < len; ++i) {
    int d = digits[i] - '0';
    int place = len - 1 - i;
    if (d == 0) {
      pending_zero = !out.empty();
      continue;
    }
    if (pending_zero) out += kDigits[0];
    pending_zero = false;
    // 十一 rather than 一十一 when the tens lead the number.
    if (!(d == 1 && place == 1 && out.empty())) out += kDigits[d];
    out += kUnits[place];
  }
  return out;
}

}  // namespace provisio
