// Whitespace tidying shared by every extractor, so HTML, Word and plain text end up with the same
// spacing rules.
#pragma once

#include <string>
#include <string_view>

namespace provisio::extract {

// True for CJK ideographs, CJK punctuation, kana and full-width forms: characters between which a
// line break is not a word space.
bool is_cjk(char32_t c);

// Collapses every run of white space (ASCII, no-break space U+00A0, ideographic space U+3000, the
// U+2000..U+200A spaces) to one ASCII space and trims both ends. A run that contains a line break
// and sits between two CJK characters is removed altogether: source line breaks inside Chinese
// sentences are not spaces. Zero-width characters (U+200B, U+FEFF) and soft hyphens are dropped.
// REQUIRES: `text` is UTF-8 (invalid bytes are passed through unchanged).
std::string tidy_whitespace(std::string_view text);

// Decodes the UTF-8 character at `pos`, advancing `pos`; an invalid byte decodes as itself
// (0x80..0xFF) and advances by one.
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

// The byte offset of the first invalid UTF-8 sequence in `s`, or std::string_view::npos.
std::size_t find_invalid_utf8(std::string_view s);

}  // namespace provisio::extract
