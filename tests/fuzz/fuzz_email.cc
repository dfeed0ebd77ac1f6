// Emails (GMime, charsets, attachments) through the submission reader.
#include <cstdint>
#include <string_view>

#include "reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    provisio::submissions::read_submission("fuzz.eml", std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const provisio::submissions::ReadError&) {
  }
  return 0;
}
