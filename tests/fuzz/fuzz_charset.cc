// Charset detection and decoding (UTF-8, Big5-HKSCS, GB18030), declared and undeclared.
#include <cstdint>
#include <string_view>

#include "charset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  using namespace provisio::submissions;
  try {
    decode_undeclared(bytes);
  } catch (const CharsetError&) {
  }
  for (const char* label : {"big5", "gb2312", "utf-8"}) try {
      decode(bytes, label);
    } catch (const CharsetError&) {
    }
  return 0;
}
