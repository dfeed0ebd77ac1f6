// The readers of each submission format. Internal to reader.cc: each throws FormatError with a
// message that does not name the file (read_submission() adds it).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "reader.h"

namespace provisio::submissions::detail {

class FormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// .eml: see reader.h. Fills format, charset, text, sender, received and subject.
ReadSubmission read_email(std::string_view bytes);

// .pdf and scanned images (.png, .jpg, .tif): see reader.h. Fill format, charset, text and the OCR
// fields; the text may be empty (read_submission() reports that).
ReadSubmission read_pdf(std::string_view bytes);
ReadSubmission read_image(std::string_view bytes);

// The text of an HTML document given as UTF-8; paragraphs separated by blank lines.
std::string html_text(std::string_view utf8);

// The text of a .docx file; paragraphs separated by blank lines. The second form takes what the
// file inflates to from `inflate_budget` (see extract::docx_blocks), for an email's attachments.
std::string docx_text(std::string_view bytes);
std::string docx_text(std::string_view bytes, std::uint64_t& inflate_budget);

}  // namespace provisio::submissions::detail
