#include "reader.h"

#include <glib.h>

#include <algorithm>
#include <filesystem>

#include "charset.h"
#include "formats.h"
#include "ocr.h"
#include "pdf_reader.h"
#include "tidy.h"

namespace provisio::submissions {

std::string sha256_hex(std::string_view bytes) {
  gchar* hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()),
                                           bytes.size());
  std::string out(hex);
  g_free(hex);
  return out;
}

namespace {

// A submission whose text came from the PDF or OCR readers (always UTF-8), with how much was OCR.
ReadSubmission extracted(std::string format, std::string text, int ocr_pages, int ocr_confidence) {
  ReadSubmission r;
  r.format = std::move(format);
  r.charset = "UTF-8";
  r.text = std::move(text);
  r.ocr_pages = ocr_pages;
  r.ocr_confidence = ocr_confidence;
  return r;
}

}  // namespace

namespace detail {

ReadSubmission read_pdf(std::string_view bytes) {
  try {
    extract::PdfText pdf = extract::pdf_text(bytes);
    return extracted("pdf", std::move(pdf.text), pdf.ocr_pages, pdf.ocr_confidence);
  } catch (const extract::PdfError& e) {
    throw FormatError(e.what());
  }
}

ReadSubmission read_image(std::string_view bytes) {
  try {
    extract::OcrText ocr = extract::ocr_image(bytes);
    // The format is what the bytes are, whatever the name says (a .jpg that is a PNG is read).
    std::string format = bytes.substr(0, 4) == "\x89PNG" ? "png" : bytes.substr(0, 2) == "\xFF\xD8" ? "jpeg" : "tiff";
    return extracted(std::move(format), std::move(ocr.text), ocr.pages, ocr.confidence);
  } catch (const extract::OcrError& e) {
    throw FormatError(e.what());
  }
}

}  // namespace detail

namespace {

// Reads `bytes` as a file whose extension is `ext` (lower case, with its dot).
ReadSubmission read_as(const std::string& file_name, const std::string& ext, std::string_view bytes) {
  ReadSubmission r;
  try {
    if (bytes.empty()) throw detail::FormatError("the file is empty");
    if (bytes.size() > kMaxSubmissionBytes)
      throw detail::FormatError("the file is " + std::to_string(bytes.size() >> 20) + " MB, more than the " +
                                std::to_string(kMaxSubmissionBytes >> 20) + " MB read");
    if (ext == ".txt") {
      Decoded d = decode_undeclared(bytes);
      r.format = "txt";
      r.charset = d.charset;
      r.text = tidy_lines(d.utf8);
    } else if (ext == ".eml") {
      r = detail::read_email(bytes);
    } else if (ext == ".html" || ext == ".htm") {
      // Valid UTF-8 is UTF-8 whatever the page says; otherwise its <meta> charset, else detection.
      std::string declared = is_valid_utf8(bytes) ? "" : html_meta_charset(bytes);
      Decoded d = declared.empty() ? decode_undeclared(bytes) : decode(bytes, declared);
      r.format = "html";
      r.charset = d.charset;
      r.text = tidy_lines(detail::html_text(d.utf8));
    } else if (ext == ".docx") {
      r.format = "docx";
      r.charset = "UTF-8";
      r.text = tidy_lines(detail::docx_text(bytes));
    } else if (ext == ".pdf") {
      r = detail::read_pdf(bytes);
    } else if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff") {
      r = detail::read_image(bytes);
    } else if (ext == ".msg") {
      throw ReadError(file_name + ": Outlook .msg files cannot be read: save the message as .eml "
                      "(in Outlook on the web or the new Outlook: More actions > Download) and file that");
    } else {
      throw ReadError(file_name + ": unknown file type" + (ext.empty() ? "" : " '" + ext + "'") +
                      " (expected .txt, .eml, .html, .docx, .pdf, .png, .jpg or .tif)");
    }
  } catch (const detail::FormatError& e) {
    throw ReadError(file_name + ": " + e.what());
  } catch (const CharsetError& e) {
    throw ReadError(file_name + ": " + e.what());
  }
  if (r.text.empty())
    throw ReadError(file_name + ": no text found in the " + r.format + " file" +
                    (r.ocr_pages > 0 ? " (OCR recognised nothing)" : ""));
  return r;
}

}  // namespace

ReadSubmission read_submission(const std::string& file_name, std::string_view bytes) {
  std::string ext = std::filesystem::path(file_name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return read_as(file_name, ext, bytes);
}

ReadSubmission read_email_message(const std::string& name, std::string_view bytes) {
  return read_as(name, ".eml", bytes);
}

}  // namespace provisio::submissions
