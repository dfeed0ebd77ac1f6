// The one set of UTF-8 helpers, on ICU's U8_* macros. Strict: overlong forms (C0 80), surrogates
// (ED A0 80), lead bytes F5..FF and code points above U+10FFFF are invalid, as the Unicode standard
// says. Before this header, one hand-written decoder accepted all of those and another did not.
// All functions are pure and thread-safe.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace provisio {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// The code point at bytes[i], with `i` moved past it. An invalid sequence (ICU's maximal
// subpart: at least one byte) gives U+FFFD and adds one to `invalid`.
inline char32_t next_code_point(const std::uint8_t* bytes, std::int32_t& i, std::int32_t length,
                                std::size_t& invalid) {
  UChar32 cp;
  U8_NEXT(bytes, i, length, cp);
  if (cp >= 0) return static_cast<char32_t>(cp);
  ++invalid;
  return kReplacementChar;
}

// The code point at `pos`, with `pos` moved past it; U+FFFD for an invalid sequence, which `pos`
// moves past as next_code_point() does. REQUIRES: pos < s.size().
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// Appends the UTF-8 encoding of `c`; U+FFFD when `c` is not a Unicode scalar value (a surrogate or
// above U+10FFFF).
void append_utf8(std::string& out, char32_t c);

// The byte offset of the first invalid UTF-8 sequence in `s`, or std::string_view::npos.
std::size_t find_invalid_utf8(std::string_view s);

// True when `s` is entirely valid UTF-8.
inline bool is_valid_utf8(std::string_view s) { return find_invalid_utf8(s) == std::string_view::npos; }

}  // namespace provisio
