#include "encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>
#include <regex>
#include <vector>

namespace provisio::import {

std::string to_utf8(const std::string& bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(charset.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) throw EncodingError("unknown encoding '" + charset + "'");
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> utf16(bytes.size() * 2 + 16);
  const char* source = bytes.data();
  UChar* target = utf16.data();
  ucnv_toUnicode(converter.get(), &target, utf16.data() + utf16.size(), &source, bytes.data() + bytes.size(), nullptr,
                 true, &status);
  if (U_FAILURE(status))
    throw EncodingError("not valid " + charset + " text (a byte sequence ICU cannot convert near offset " +
                        std::to_string(source - bytes.data()) + ")");
  int32_t length16 = static_cast<int32_t>(target - utf16.data());
  std::string out(static_cast<std::size_t>(length16) * 3 + 4, '\0');
  int32_t length8 = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &length8, utf16.data(), length16, &status);
  if (U_FAILURE(status)) throw EncodingError("cannot convert " + charset + " text to UTF-8");
  out.resize(static_cast<std::size_t>(length8));
  return out;
}

std::optional<std::string> declared_html_charset(const std::string& bytes) {
  static const std::regex kCharset(R"(<meta[^>]*charset\s*=\s*["']?([A-Za-z0-9_:.-]+))", std::regex::icase);
  std::smatch m;
  std::string head = bytes.substr(0, 4096);
  if (!std::regex_search(head, m, kCharset)) return std::nullopt;
  std::string charset = m[1].str();
  for (char& c : charset) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return charset;
}

}  // namespace provisio::import
