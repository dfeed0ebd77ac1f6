// Web pages (gumbo and the page walker) through the extract library.
#include <cstdint>
#include <string>

#include "html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    provisio::extract::html_blocks(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const provisio::extract::ExtractError&) {
  }
  return 0;
}
