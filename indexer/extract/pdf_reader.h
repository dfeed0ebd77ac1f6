// The text of a PDF letter, read in-process with poppler's C++ API: each page's text layer in
// physical layout (as `pdftotext -layout` writes it), then the page furniture the importer drops
// (running headers and footers, page numbers; page_text.h) is dropped here too. A page without a
// text layer (a scan) is rendered at 300 dpi in grey and read by OCR (ocr.h).
//
// Thread-safe (poppler documents are per call; OCR keeps one recogniser per thread).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace provisio::extract {

// A PDF that cannot be read (damaged, encrypted, too many pages, a scan that OCR cannot read).
// what() does not name the file.
class PdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PdfText {
  std::string text;         // UTF-8, furniture removed, paragraphs kept; may be ""
  int pages = 0;            // pages in the document
  int ocr_pages = 0;        // pages read by OCR (no text layer)
  int ocr_confidence = 0;   // mean Tesseract confidence over those pages, 0..100
};

// Pages beyond this are refused: a letter is a few pages, a submission with annexes a few hundred.
inline constexpr int kPdfMaxPages = 2000;
// The resolution scans are rendered at for OCR.
inline constexpr int kPdfOcrDpi = 300;

// True when `bytes` starts like a PDF ("%PDF-" within the first 1024 bytes, as readers allow).
bool looks_like_pdf(std::string_view bytes);

// Reads `bytes`. Throws PdfError when poppler cannot open it, it is password-protected, it has more
// than kPdfMaxPages pages, or a page without text cannot be read by OCR (e.g. the models are
// missing: the message says which packages to install).
PdfText pdf_text(std::string_view bytes);

}  // namespace provisio::extract
