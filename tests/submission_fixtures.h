// Small worlds for the submission tests: text in legacy Chinese charsets, MIME emails built from
// parts (base64, quoted-printable, encoded-word headers), all from literals written here.
#pragma once

#include <glib.h>
#include <unicode/ucnv.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace provisio::testing {

// `utf8` converted to `charset` with ICU (throws if a character has no mapping there).
inline std::string encode_as(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<char> out(utf8.size() * 4 + 16);
  UConverter* to = ucnv_open(charset, &status);
  UConverter* from = ucnv_open("UTF-8", &status);
  ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  ucnv_close(to);
  ucnv_close(from);
  // ucnv_convert substitutes rather than stops: check by decoding back.
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + charset);
  std::string encoded(out.data(), static_cast<std::size_t>(n));
  std::vector<char> back(encoded.size() * 4 + 16);
  status = U_ZERO_ERROR;
  int32_t m = ucnv_convert("UTF-8", charset, back.data(), static_cast<int32_t>(back.size()), encoded.data(),
                           static_cast<int32_t>(encoded.size()), &status);
  if (std::string(back.data(), static_cast<std::size_t>(m)) != utf8)
    throw std::runtime_error(std::string("text does not round-trip through ") + charset);
  return encoded;
}

inline std::string base64(const std::string& bytes, bool wrap = true) {
  gchar* b = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string s(b);
  g_free(b);
  if (!wrap) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size(); i += 76) out += s.substr(i, 76) + "\r\n";
  return out;
}

inline std::string quoted_printable(const std::string& bytes) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  std::size_t line = 0;
  for (unsigned char c : bytes) {
    std::string piece;
    if (c == '\n') {
      out += "\r\n";
      line = 0;
      continue;
    }
    if (c == '\r') continue;
    if ((c >= 33 && c <= 126 && c != '=') || c == ' ') piece = std::string(1, static_cast<char>(c));
    else piece = std::string("=") + hex[c >> 4] + hex[c & 15];
    if (line + piece.size() > 72) {
      out += "=\r\n";
      line = 0;
    }
    out += piece;
    line += piece.size();
  }
  return out;
}

// An RFC 2047 encoded word (B encoding) for `utf8` in `charset`.
inline std::string encoded_word(const std::string& utf8, const char* charset) {
  return std::string("=?") + charset + "?B?" + base64(encode_as(utf8, charset), false) + "?=";
}

struct MailPart {
  std::string content_type;  // e.g. "text/plain; charset=big5"
  std::string encoding;      // "base64", "quoted-printable", "8bit"
  std::string body;          // already in the part's charset
  std::string disposition;   // e.g. "attachment; filename=views.docx" or ""
};

inline std::string encode_body(const MailPart& p) {
  if (p.encoding == "base64") return base64(p.body);
  if (p.encoding == "quoted-printable") return quoted_printable(p.body) + "\r\n";
  return p.body + "\r\n";
}

// A whole message: headers, then one part or a multipart/mixed of several.
inline std::string make_email(const std::string& from, const std::string& subject, const std::string& date,
                              const std::vector<MailPart>& parts, const std::string& multipart = "mixed") {
  std::string m = "From: " + from + "\r\nTo: views@hkctc.example\r\nSubject: " + subject + "\r\nDate: " + date +
                  "\r\nMIME-Version: 1.0\r\n";
  auto part_headers = [](const MailPart& p) {
    std::string h = "Content-Type: " + p.content_type + "\r\nContent-Transfer-Encoding: " + p.encoding + "\r\n";
    if (!p.disposition.empty()) h += "Content-Disposition: " + p.disposition + "\r\n";
    return h;
  };
  if (parts.size() == 1) return m + part_headers(parts[0]) + "\r\n" + encode_body(parts[0]);
  m += "Content-Type: multipart/" + multipart + "; boundary=\"=-=sep=-=\"\r\n\r\nThis is a MIME message.\r\n";
  for (const auto& p : parts) m += "--=-=sep=-=\r\n" + part_headers(p) + "\r\n" + encode_body(p);
  return m + "--=-=sep=-=--\r\n";
}

}  // namespace provisio::testing
