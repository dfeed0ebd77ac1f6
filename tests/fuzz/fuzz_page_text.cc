// The text importer's page cleaning (running headers, page numbers, contents lines).
#include <cstdint>
#include <string>

#include "charset.h"
#include "page_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!provisio::submissions::is_valid_utf8(text)) return 0;  // the importer decodes first
  provisio::import::PageCleanup cleanup;
  provisio::import::clean_page_text(text, cleanup);
  return 0;
}
