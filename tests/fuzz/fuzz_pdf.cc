// PDFs (poppler-cpp, then the page cleanup) through the submission reader. OCR is switched off
// (no models where TESSDATA_PREFIX points): a page without text is then refused at once instead of
// taking seconds per input, and Tesseract is not what this harness is for.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool no_ocr = setenv("TESSDATA_PREFIX", "/nonexistent/provisio-fuzz", 1) == 0;
  (void)no_ocr;
  try {
    provisio::submissions::read_submission("fuzz.pdf", std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const provisio::submissions::ReadError&) {
  }
  return 0;
}
