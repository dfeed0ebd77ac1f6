// Reading a submission file: its type from the name, its text (UTF-8), and for email the sender,
// date and subject from the headers.
//
//   .txt   UTF-8, Big5(-HKSCS) or GB18030, detected (charset.h)
//   .eml   RFC 5322 with MIME, read with GMime: multipart, quoted-printable, base64, encoded-word
//          headers; text/plain parts (text/html when there is none) in the declared charset;
//          .txt, .html, .docx and .pdf attachments are read too, and PNG, JPEG and TIFF attachments
//          (not inline images such as logos) by OCR
//   .html  / .htm: the text of the HTML5 document (gumbo, via provisio_extract); UTF-8, else the
//          charset its <meta> declares, else detected
//   .docx  Word's zip of XML (libzip and pugixml, via provisio_extract)
//   .pdf   the text layer (poppler-cpp), page furniture dropped; pages without text by OCR (pdf_reader.h)
//   .png, .jpg / .jpeg, .tif / .tiff: a scan, read by OCR (Tesseract; ocr.h)
//   .msg   refused with a message saying to save the message as .eml: Debian packages no reader
//          of Outlook messages for C or C++ (libolecf opens only the OLE2 container around them)
// Mailbox exports (mbox files, Maildir folders) are split into messages by mailbox.h first.
//
// Thread-safe apart from the LanguageDetector, which callers own.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace provisio::submissions {

// A file that cannot be read. what() is one line that names the file:
//   "letter.odt: unknown file type '.odt' (expected .txt, .eml, .html, .docx, .pdf, .png, .jpg or .tif)"
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ReadSubmission {
  std::string format;    // "txt", "eml", "html", "docx", "pdf", "png", "jpeg", "tiff"
  std::string charset;   // of the text as received ("UTF-8" for .docx, .pdf and images)
  std::string text;      // UTF-8, never empty
  std::string sender;    // email From: "Name <address>", else ""
  std::string received;  // email Date: YYYY-MM-DD as written in the header's own time zone, else ""
  std::string subject;   // email Subject, else ""
  int ocr_pages = 0;       // pages or images whose text is OCR output (0: none)
  int ocr_confidence = 0;  // Tesseract's mean confidence over those pages, 0..100
};

// Files larger than this are refused before they are read; an attachment larger than
// kMaxAttachmentBytes makes its email unreadable. An mbox file may be up to kMaxMailboxBytes: each
// of its messages is then held to kMaxSubmissionBytes.
inline constexpr std::size_t kMaxSubmissionBytes = 64u << 20;
inline constexpr std::size_t kMaxAttachmentBytes = 32u << 20;
inline constexpr std::size_t kMaxMailboxBytes = 1024u << 20;

// Reads `bytes`, the content of the file named `file_name` (the name decides the type).
// Throws ReadError naming `file_name` when the type is unknown or the content cannot be read
// (broken MIME, corrupt zip, damaged PDF, undecodable charset or image, no text at all, larger than
// kMaxSubmissionBytes, an Outlook .msg).
ReadSubmission read_submission(const std::string& file_name, std::string_view bytes);

// Reads `bytes` as an email (.eml) whatever `name` is: a message of a mailbox export (mailbox.h),
// named "inbox.mbox#12" or by its Maildir file name. Throws ReadError naming `name`.
ReadSubmission read_email_message(const std::string& name, std::string_view bytes);

// The SHA-256 of `bytes`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace provisio::submissions
