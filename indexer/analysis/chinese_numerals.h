// Chinese numerals as legal texts print them: 五十八 (58), 一百零五 (105), 一千二百 (1200), 十 (10),
// 兩千 / 两千, 一萬, 一億, 廿 / 卅, financial forms (壹貳參…), and digit-by-digit 二〇一九. Used to read
// 第五十八條 and to render Word's chineseCounting list numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace provisio {

// The value of `text` (UTF-8, nothing but numeral characters), or nullopt when it is not a
// well-formed Chinese numeral (empty, other characters, units out of order as in 十百).
// Handles values up to 999,999,999,999 (億 / 亿 as the highest unit). The one Chinese-numeral
// parser: citations, the segmenter and the importer all read numerals through it.
std::optional<long> parse_chinese_number(std::string_view text);

// True when `c` is a character parse_chinese_number() understands.
bool is_chinese_numeral_char(char32_t c);

// Renders 1 ≤ n ≤ 99,999 the way legal texts count (十, 十一, 二十, 一百零五, 一百一十, 一千零一).
std::string format_chinese_number(long n);

}  // namespace provisio
