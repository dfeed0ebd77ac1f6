// Legacy encodings of official texts (Big5 and Big5-HKSCS on older Hong Kong pages, GB 2312 / GBK
// / GB 18030 on Mainland ones) converted to UTF-8 with ICU's converters.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace provisio::import {

class EncodingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `bytes` in `charset` (any name ICU knows: big5, big5-hkscs, gbk, gb18030, windows-1252…) as
// UTF-8. Throws EncodingError("unknown encoding 'x'") or
// EncodingError("not valid big5 text (a byte sequence ICU cannot convert near offset N)").
std::string to_utf8(const std::string& bytes, const std::string& charset);

// The charset an HTML page declares in its first 4 KB (<meta charset=…> or the http-equiv
// content type), lower-cased; nullopt when it declares none.
std::optional<std::string> declared_html_charset(const std::string& bytes);

}  // namespace provisio::import
