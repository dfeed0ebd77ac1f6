#include "utf8.h"

#include <algorithm>
#include <limits>

namespace provisio {

namespace {

// U8_NEXT takes an int32_t length; longer texts are read in windows of this size.
constexpr std::size_t kWindow = static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());

}  // namespace

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data() + pos);
  std::int32_t length = static_cast<std::int32_t>(std::min(s.size() - pos, kWindow));
  std::int32_t i = 0;
  std::size_t invalid = 0;
  char32_t c = next_code_point(bytes, i, length, invalid);
  pos += static_cast<std::size_t>(i);
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacementChar;
  std::uint8_t buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data() + pos);
    std::int32_t length = static_cast<std::int32_t>(std::min<std::size_t>(s.size() - pos, 4));
    std::int32_t i = 0;
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) return pos;
    pos += static_cast<std::size_t>(i);
  }
  return std::string_view::npos;
}

}  // namespace provisio
