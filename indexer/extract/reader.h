// Reading a submission file: its type from the name, its text (UTF-8), and for email the sender,
// date and subject from the headers.
//
//   .txt   UTF-8, Big5(-HKSCS) or GB18030, detected (charset.h)
//   .eml   RFC 5322 with MIME, read with GMime: multipart, quoted-printable, base64, encoded-word
//          headers; text/plain parts (text/html when there is none) in the declared charset;
//          .txt, .html and .docx attachments are read too
//   .html  / .htm: the text of the HTML5 document (gumbo, via provisio_extract); UTF-8, else the
//          charset its <meta> declares, else detected
//   .docx  Word's zip of XML (libzip and pugixml, via provisio_extract)
//
// Thread-safe apart from the LanguageDetector, which callers own.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace provisio::submissions {

// A file that cannot be read. what() is one line that names the file:
//   "letter.pdf: unknown file type '.pdf' (expected .txt, .eml, .html or .docx)"
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ReadSubmission {
  std::string format;    // "txt", "eml", "html", "docx"
  std::string charset;   // of the text as received ("UTF-8" for .docx)
  std::string text;      // UTF-8, never empty
  std::string sender;    // email From: "Name <address>", else ""
  std::string received;  // email Date: YYYY-MM-DD as written in the header's own time zone, else ""
  std::string subject;   // email Subject, else ""
};

// Reads `bytes`, the content of the file named `file_name` (the name decides the type).
// Throws ReadError naming `file_name` when the type is unknown or the content cannot be read
// (broken MIME, corrupt zip, undecodable charset, no text at all).
ReadSubmission read_submission(const std::string& file_name, std::string_view bytes);

// The SHA-256 of `bytes`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace provisio::submissions
