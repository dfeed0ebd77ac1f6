#include "encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

#include "line_scan.h"

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
  // The first <meta ... charset=NAME> within the first 4 KB (any case, quotes optional).
  std::string_view head = std::string_view(bytes).substr(0, 4096);
  for (std::size_t lt = head.find('<'); lt != std::string_view::npos; lt = head.find('<', lt + 1)) {
    LineScan tag(head.substr(lt + 1));
    if (!tag.eat_icase("meta")) continue;
    std::string_view inside = tag.rest().substr(0, tag.rest().find('>'));
    for (std::size_t at = 0; at + 7 <= inside.size(); ++at) {
      LineScan s(inside.substr(at));
      if (!s.eat_icase("charset")) continue;
      s.skip_spaces();
      if (!s.eat("=")) continue;
      s.skip_spaces();
      if (!s.eat("\"")) s.eat("'");
      std::string charset;
      for (char c : s.rest()) {
        bool name = LineScan::is_word(c) || c == ':' || c == '.' || c == '-';
        if (!name) break;
        charset += LineScan::lower(c);
      }
      if (!charset.empty()) return charset;
    }
  }
  return std::nullopt;
}

}  // namespace provisio::import
