// Character sets of what the sector sends and of the official texts we import: UTF-8, Big5 (and
// its Hong Kong extension HKSCS), GB18030 and GB2312 (or any other charset ICU knows), converted to
// UTF-8 with ICU; and the charset an HTML page declares in its <meta>. The one charset module: the
// submission reader and the importer both use it.
//
// Thread-safe (no shared state).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "utf8.h"

namespace provisio::submissions {

// Bytes that cannot be decoded: an unknown charset name, or bytes invalid in it. what() is one
// line without a file name; callers prefix the file.
class CharsetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Decoded {
  std::string utf8;
  std::string charset;  // what it was decoded from: "UTF-8", "Big5", "Big5-HKSCS", "GB18030", …
};

// Decodes `bytes` from the charset named `label` (a MIME charset name, any case; "" = UTF-8).
// Strict: invalid bytes are an error, never replacement characters. Being generous where mail
// programs are sloppy, Big5 that holds HKSCS characters is read as Big5-HKSCS, and GB2312 that
// holds GBK characters as GB18030 (each the superset of the other), and "charset" is set to what
// actually decoded it. A UTF-8 byte-order mark is dropped.
// Throws CharsetError: "unknown character set 'x-foo'" or "the text is not valid Big5 (byte 12)"
// (the byte is where the first undecodable sequence starts, also for UTF-8).
Decoded decode(std::string_view bytes, std::string_view label);

// Decodes text whose charset nobody declared (.txt files): UTF-8 when the bytes are valid UTF-8,
// else the likeliest of Big5-HKSCS and GB18030 (ICU's detector, confirmed by a strict decode).
// Throws CharsetError("cannot tell the character set: not UTF-8, Big5 or GB18030") otherwise.
Decoded decode_undeclared(std::string_view bytes);

// True when `label` names a charset `decode` can read (any case; "" = UTF-8).
bool is_known_charset(std::string_view label);

// The charset an HTML page declares in its first 4 KB (where browsers look for it): the first
// <meta charset=NAME> or <meta http-equiv="Content-Type" content="text/html; charset=NAME">, any
// case, quotes and spaces around '=' optional; lower-cased. "" when the page declares none.
std::string html_meta_charset(std::string_view bytes);

// True when `bytes` is valid UTF-8 (the strict check of utf8.h).
using provisio::is_valid_utf8;

}  // namespace provisio::submissions
