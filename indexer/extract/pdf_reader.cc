#include "pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

#include "ocr.h"
#include "page_text.h"
#include "tidy.h"

namespace provisio::extract {

namespace {

void quiet_poppler() {
  // Poppler prints every syntax problem of a damaged file on stderr; the caller reports one line.
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

bool has_visible_text(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c > ' '; });
}

// Renders a page in grey and reads it by OCR. A page larger than A4 is rendered at a lower
// resolution so that it stays within kOcrMaxPixels.
OcrText ocr_page(const poppler::page& page) {
  // Before rendering: without the models the page would be rendered for nothing.
  if (!ocr_available())
    throw OcrError("OCR needs the Tesseract models for English, Traditional and Simplified Chinese "
                   "(Debian: tesseract-ocr-eng tesseract-ocr-chi-tra tesseract-ocr-chi-sim)");
  poppler::rectf box = page.page_rect();
  double points = std::max(1.0, box.width()) * std::max(1.0, box.height());  // 1/72 inch squared
  double dpi = kPdfOcrDpi;
  double pixels = points * (dpi / 72) * (dpi / 72);
  if (pixels > kOcrMaxPixels) dpi = 72 * std::sqrt(kOcrMaxPixels / points);
  if (dpi < 50) throw PdfError("a page without text is too large to read by OCR");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid()) throw PdfError("a page without text could not be rendered for OCR");
  return ocr_gray(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(), image.height(),
                  image.bytes_per_row(), static_cast<int>(dpi));
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

PdfText pdf_text(std::string_view bytes) {
  quiet_poppler();
  if (!looks_like_pdf(bytes)) throw PdfError("not a PDF (no %PDF- header)");
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw PdfError("the PDF is larger than poppler reads (2 GB)");
  // load_from_raw_data reads `bytes` in place; they outlive the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw PdfError("the PDF cannot be opened (damaged, or not a PDF)");
  if (doc->is_locked()) throw PdfError("the PDF is password-protected; save an unprotected copy");
  PdfText out;
  out.pages = doc->pages();
  if (out.pages > kPdfMaxPages)
    throw PdfError("the PDF has " + std::to_string(out.pages) + " pages, more than the " +
                   std::to_string(kPdfMaxPages) + " read");
  std::string all;  // pages separated by form feeds, as pdftotext writes them
  long confidence_sum = 0;
  for (int i = 0; i < out.pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    std::string text = utf8(page->text(poppler::rectf(), poppler::page::physical_layout));
    if (!has_visible_text(text)) {
      if (out.ocr_pages == kOcrMaxPages)
        throw PdfError("more than " + std::to_string(kOcrMaxPages) + " pages have no text layer, the most read by OCR");
      try {
        OcrText ocr = ocr_page(*page);
        text = ocr.text;
        ++out.ocr_pages;
        confidence_sum += ocr.confidence;
      } catch (const OcrError& e) {
        throw PdfError("page " + std::to_string(i + 1) + " has no text layer and OCR failed: " + e.what());
      }
    }
    if (i > 0) all += '\f';
    all += text;
  }
  if (out.ocr_pages > 0) out.ocr_confidence = static_cast<int>(confidence_sum / out.ocr_pages);

  // The importer's page cleanup: running headers and footers, page numbers.
  import::PageCleanup cleanup;
  std::string joined;
  for (const auto& line : import::clean_page_text(all, cleanup)) {
    if (!joined.empty()) joined += line.after_blank ? "\n\n" : "\n";
    joined += line.text;
  }
  out.text = tidy_lines(joined);
  return out;
}

}  // namespace provisio::extract
