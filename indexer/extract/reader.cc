#include "reader.h"

#include <glib.h>

#include <algorithm>
#include <filesystem>

#include "charset.h"
#include "formats.h"
#include "tidy.h"

namespace provisio::submissions {

std::string sha256_hex(std::string_view bytes) {
  gchar* hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()),
                                           bytes.size());
  std::string out(hex);
  g_free(hex);
  return out;
}

ReadSubmission read_submission(const std::string& file_name, std::string_view bytes) {
  std::string ext = std::filesystem::path(file_name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  ReadSubmission r;
  try {
    if (bytes.empty()) throw detail::FormatError("the file is empty");
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
    } else {
      throw ReadError(file_name + ": unknown file type" + (ext.empty() ? "" : " '" + ext + "'") +
                      " (expected .txt, .eml, .html or .docx)");
    }
  } catch (const detail::FormatError& e) {
    throw ReadError(file_name + ": " + e.what());
  } catch (const CharsetError& e) {
    throw ReadError(file_name + ": " + e.what());
  }
  if (r.text.empty()) throw ReadError(file_name + ": no text found in the " + r.format + " file");
  return r;
}

}  // namespace provisio::submissions
