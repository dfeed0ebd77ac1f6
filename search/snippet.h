// Picks the passage of a text that best shows why it matched, and marks the matched words.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer.h"

namespace provisio {

struct Snippet {
  std::string text;  // a passage of the original text, with "…" where it was cut
  // Byte ranges [begin, end) of `text` to highlight, in order and not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

// The passage of about `max_chars` characters (code points) of `text` holding the most matches of
// `query_terms` (index terms, as produced by the Analyzer: words, "Z" stems, Chinese bigrams).
// Cuts fall between characters, never inside one, and no spaces are inserted into Chinese text.
// With no match, the start of the text.
Snippet make_snippet(Analyzer& analyzer, std::string_view text,
                     const std::set<std::string>& query_terms, std::size_t max_chars = 160);

// `snippet.text` with each highlight wrapped in `open` and `close` (e.g. ANSI bold).
std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close);

}  // namespace provisio
