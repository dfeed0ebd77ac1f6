// Optical character recognition of scanned letters: Tesseract over images decoded by Leptonica
// (PNG, JPEG, TIFF, every page of a multi-page TIFF) or pixels rendered from a PDF page.
//
// Each page is read twice, with Traditional Chinese + English and with Simplified Chinese +
// English, and the reading Tesseract is surer of is kept. One pass with all three models mixes the
// scripts badly (a Traditional letter came back as Latin gibberish at confidence 13), and Chinese
// letters quote English words (CCC, CEPA), which both passes read.
//
// Tesseract writes a space between Chinese characters; the text returned has those removed, so
// "檢 測 結 果" comes back as "檢測結果", while spaces between Latin words stay.
//
// The models are looked up where Tesseract looks ($TESSDATA_PREFIX, else Debian's
// /usr/share/tesseract-ocr/5/tessdata). Each thread keeps one recogniser per pass, made on first
// use (loading the models takes about a second); calls are thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace provisio::extract {

// An image that cannot be recognised (undecodable, too large, no models). what() does not name
// the file; the caller adds it.
class OcrError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What OCR read.
struct OcrText {
  std::string text;     // UTF-8, "" when nothing was recognised
  int pages = 0;        // images (or TIFF pages) recognised
  int confidence = 0;   // Tesseract's mean word confidence, 0..100, averaged over the pages
};

// Pixels and pages beyond these are refused rather than recognised: a 20,000 x 20,000 image would
// take gigabytes and minutes. A page of A4 at 300 dpi is 2480 x 3508, about 8.7 million pixels.
inline constexpr std::int64_t kOcrMaxPixels = 60'000'000;
inline constexpr int kOcrMaxPages = 200;

// The language sets passed to Tesseract, one per pass.
inline constexpr const char* kOcrPasses[] = {"chi_tra+eng", "chi_sim+eng"};

// True when the Tesseract models are installed (Debian: tesseract-ocr-eng, tesseract-ocr-chi-tra,
// tesseract-ocr-chi-sim). Tests skip OCR when it is false.
bool ocr_available();

// Recognises an encoded image: PNG, JPEG or TIFF (all its pages). Throws OcrError when the bytes
// are not such an image, an image is larger than kOcrMaxPixels, a TIFF has more than kOcrMaxPages
// pages, or the models are missing.
OcrText ocr_image(std::string_view encoded);

// Recognises 8-bit grey pixels (`bytes_per_line` bytes per row, at `dpi`), e.g. a rendered PDF page.
// Throws OcrError when the models are missing or the image is larger than kOcrMaxPixels.
OcrText ocr_gray(const unsigned char* pixels, int width, int height, int bytes_per_line, int dpi);

// What the file starts with says it is an image Leptonica can decode (PNG, JPEG, TIFF).
bool looks_like_image(std::string_view bytes);

// Removes the spaces Tesseract puts between two CJK characters (or a CJK character and CJK
// punctuation) on a line; other spaces stay. Exposed for tests.
std::string join_cjk_spaces(std::string_view text);

}  // namespace provisio::extract
