// Emails, read with GMime. GMime decodes the transfer encodings and the encoded-word headers; the
// body's charset is decoded by charset.h, strictly, so that undecodable text is an error rather
// than silent replacement characters.
#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <vector>

#include "charset.h"
#include "docx.h"
#include "formats.h"
#include "gmime_support.h"
#include "ocr.h"
#include "pdf_reader.h"
#include "tidy.h"

namespace provisio::submissions::detail {

namespace {


struct ParseState {
  std::string problem;  // the first serious problem the parser reported
};

void on_parser_warning(gint64 offset, GMimeParserWarning code, const gchar* item, gpointer data) {
  auto* state = static_cast<ParseState*>(data);
  if (!state->problem.empty()) return;
  std::string what;
  switch (code) {
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY: what = "a multipart part has no boundary"; break;
    case GMIME_WARN_MALFORMED_MULTIPART: what = "a multipart part has no parts (its boundary never occurs)"; break;
    case GMIME_WARN_TRUNCATED_MESSAGE: what = "the message is truncated"; break;
    case GMIME_WARN_MALFORMED_MESSAGE: what = "the message is malformed"; break;
    case GMIME_CRIT_INVALID_HEADER_NAME: what = "invalid header name"; break;
    case GMIME_CRIT_CONFLICTING_HEADER: what = "conflicting headers"; break;
    case GMIME_CRIT_CONFLICTING_PARAMETER: what = "conflicting header parameters"; break;
    case GMIME_CRIT_NESTING_OVERFLOW: what = "MIME parts nested too deeply"; break;
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT: what = "a MIME part has neither headers nor content"; break;
    default: return;  // duplicated headers, 8-bit headers and the like are read anyway
  }
  if (item && *item) what += std::string(" (") + item + ")";
  // GMime gives -1 when it has no position (a message that ends inside a part).
  state->problem = offset >= 0 ? what + " at byte " + std::to_string(offset) : what;
}

// The decoded (transfer-encoding removed) bytes of a leaf part.
std::string part_bytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Collected {
  std::vector<std::string> plain, html, attachments;
  std::string charset;  // of the first text part
  std::string problem;
  int ocr_pages = 0;           // pages of PDF and image attachments read by OCR
  long ocr_confidence_sum = 0;  // their confidences, each weighted by its pages
  // What the .docx attachments may still inflate to, all together (a zip bomb guard per email).
  std::uint64_t inflate_budget = extract::kDocxInflateLimit;
};

void collect(GMimeObject* parent, GMimeObject* object, gpointer data) {
  (void)parent;
  auto* c = static_cast<Collected*>(data);
  if (!c->problem.empty() || !GMIME_IS_PART(object)) return;
  GMimePart* part = GMIME_PART(object);
  GMimeContentType* type = g_mime_object_get_content_type(object);
  const char* filename = g_mime_part_get_filename(part);
  std::string name = filename ? lower(filename) : "";
  bool plain = g_mime_content_type_is_type(type, "text", "plain");
  bool html = g_mime_content_type_is_type(type, "text", "html");
  try {
    if (g_mime_part_is_attachment(part) || !name.empty()) {
      // Attachments in the formats we read become part of the text; others are left out.
      bool pdf = ends_with(name, ".pdf");
      // Images are read only when attached: inline ones are logos and signatures.
      bool image = g_mime_part_is_attachment(part) &&
                   (ends_with(name, ".png") || ends_with(name, ".jpg") || ends_with(name, ".jpeg") ||
                    ends_with(name, ".tif") || ends_with(name, ".tiff"));
      bool readable = pdf || image || ends_with(name, ".docx") || ends_with(name, ".txt") ||
                      ends_with(name, ".html") || ends_with(name, ".htm");
      std::string bytes = readable ? part_bytes(part) : std::string();
      if (bytes.size() > kMaxAttachmentBytes)
        throw FormatError("is " + std::to_string(bytes.size() >> 20) + " MB, more than the " +
                          std::to_string(kMaxAttachmentBytes >> 20) + " MB read in an attachment");
      if (pdf || image) {
        ReadSubmission read = pdf ? read_pdf(bytes) : read_image(bytes);
        c->attachments.push_back(read.text);
        c->ocr_pages += read.ocr_pages;
        c->ocr_confidence_sum += static_cast<long>(read.ocr_confidence) * read.ocr_pages;
      } else if (ends_with(name, ".docx")) {
        c->attachments.push_back(docx_text(bytes, c->inflate_budget));
      } else if (ends_with(name, ".txt")) {
        c->attachments.push_back(decode_undeclared(bytes).utf8);
      } else if (ends_with(name, ".html") || ends_with(name, ".htm")) {
        const char* cs = g_mime_content_type_get_parameter(type, "charset");
        c->attachments.push_back(html_text(decode(bytes, cs ? cs : "").utf8));
      }
      return;
    }
    if (!plain && !html) return;
    const char* cs = g_mime_content_type_get_parameter(type, "charset");
    Decoded d = cs ? decode(part_bytes(part), cs) : decode_undeclared(part_bytes(part));
    if (c->charset.empty()) c->charset = d.charset;
    (plain ? c->plain : c->html).push_back(plain ? d.utf8 : html_text(d.utf8));
  } catch (const CharsetError& e) {
    c->problem = std::string(name.empty() ? (html ? "text/html part" : "text/plain part") : "attachment " + std::string(filename)) + ": " + e.what();
  } catch (const FormatError& e) {
    c->problem = "attachment " + std::string(filename ? filename : "") + ": " + e.what();
  }
}

}  // namespace

ReadSubmission read_email(std::string_view bytes) {
  init_gmime();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  ParseState state;
  GMimeParserOptions* options = g_mime_parser_options_new();
  // Unencoded 8-bit headers are tried as UTF-8, then the Chinese charsets HK mail uses.
  const char* fallback[] = {"UTF-8", "Big5-HKSCS", "GB18030", nullptr};
  g_mime_parser_options_set_fallback_charsets(options, fallback);
  g_mime_parser_options_set_warning_callback(options, on_parser_warning, &state);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  g_mime_parser_options_free(options);
  if (!message) throw FormatError("not an email: no message headers found");
  if (!state.problem.empty()) throw FormatError("broken MIME: " + state.problem);
  GMimeObject* body = g_mime_message_get_mime_part(message.get());
  if (!body) throw FormatError("not an email: no message body");
  bool has_header = g_mime_object_get_header(GMIME_OBJECT(message.get()), "From") ||
                    g_mime_object_get_header(GMIME_OBJECT(message.get()), "Date") ||
                    g_mime_object_get_header(GMIME_OBJECT(message.get()), "Subject");
  if (!has_header) throw FormatError("not an email: no From, Date or Subject header");

  Collected c;
  g_mime_message_foreach(message.get(), collect, &c);
  if (!c.problem.empty()) throw FormatError(c.problem);

  ReadSubmission r;
  r.format = "eml";
  r.charset = c.charset.empty() ? "UTF-8" : c.charset;
  for (const auto& t : c.plain.empty() ? c.html : c.plain) r.text += t + "\n\n";
  for (const auto& t : c.attachments) r.text += t + "\n\n";
  r.text = tidy_lines(r.text);
  r.ocr_pages = c.ocr_pages;
  if (c.ocr_pages > 0) r.ocr_confidence = static_cast<int>(c.ocr_confidence_sum / c.ocr_pages);

  if (const char* subject = g_mime_message_get_subject(message.get())) r.subject = subject;
  if (InternetAddressList* from = g_mime_message_get_from(message.get());
      from && internet_address_list_length(from) > 0) {
    InternetAddress* address = internet_address_list_get_address(from, 0);
    const char* name = internet_address_get_name(address);
    std::string mailbox;
    if (INTERNET_ADDRESS_IS_MAILBOX(address))
      mailbox = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
    if (name && *name) r.sender = name, r.sender += mailbox.empty() ? "" : " <" + mailbox + ">";
    else r.sender = mailbox;
  }
  if (GDateTime* date = g_mime_message_get_date(message.get())) {
    gchar* iso = g_date_time_format(date, "%Y-%m-%d");
    r.received = iso;
    g_free(iso);
  }
  return r;
}

}  // namespace provisio::submissions::detail
