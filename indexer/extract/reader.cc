#include "reader.h"

#include <glib.h>

#include <algorithm>
#include <filesystem>

#include "charset.h"
#include "formats.h"

namespace provisio::submissions {

namespace detail {

std::string tidy_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t blank_run = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    if (line.empty()) {
      ++blank_run;
    } else {
      if (!out.empty()) out += blank_run ? "\n\n" : "\n";
      out.append(line);
      blank_run = 0;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace detail

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
      r.text = detail::tidy_text(d.utf8);
    } else if (ext == ".eml") {
      r = detail::read_email(bytes);
    } else if (ext == ".html" || ext == ".htm") {
      // Valid UTF-8 is UTF-8 whatever the page says; otherwise its <meta> charset, else detection.
      std::string declared = is_valid_utf8(bytes) ? "" : html_meta_charset(bytes);
      Decoded d = declared.empty() ? decode_undeclared(bytes) : decode(bytes, declared);
      r.format = "html";
      r.charset = d.charset;
      r.text = detail::tidy_text(detail::html_text(d.utf8));
    } else if (ext == ".docx") {
      r.format = "docx";
      r.charset = "UTF-8";
      r.text = detail::tidy_text(detail::docx_text(bytes));
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
