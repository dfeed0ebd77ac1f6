// Whitespace tidying, in one place: every extractor (HTML, Word, plain text), the corpus parser
// (multi-line XML text) and the one-line snippets of submissions use these, so they all follow the
// same spacing rules.
#pragma once

#include <string>
#include <string_view>

#include "utf8.h"

namespace provisio {

// True for CJK ideographs, CJK punctuation, kana and full-width forms: characters between which a
// line break is not a word space.
bool is_cjk(char32_t c);

// Collapses every run of white space (ASCII, no-break space U+00A0, ideographic space U+3000, the
// U+2000..U+200A spaces) to one ASCII space and trims both ends. A run that contains a line break
// and sits between two CJK characters is removed altogether: source line breaks inside Chinese
// sentences are not spaces. Zero-width characters (U+200B, U+FEFF) and soft hyphens are dropped.
// REQUIRES: `text` is UTF-8 (invalid bytes are passed through unchanged).
std::string tidy_whitespace(std::string_view text);

// Tidies text whose line breaks matter (submission letters and emails, where paragraphs are kept):
// trailing spaces, tabs and CRs of each line are removed, every run of blank lines becomes one
// empty line, and leading and trailing blank lines go. Unlike tidy_whitespace, spaces inside a line
// are kept as they are.
std::string tidy_lines(std::string_view text);

}  // namespace provisio
