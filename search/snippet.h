// Picks the passage of a text that best shows why it matched, and marks the matched words.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzer.h"

namespace provisio {

struct Snippet {
  std::string text;  // a passage of the original text, with "…" where it was cut
  // Byte ranges [begin, end) of `text` to highlight, in order and not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

// What a query asks to see highlighted. `terms` count wherever they stand; a phrase (a quoted
// phrase, a glossary form such as 強制性產品認證 or "compulsory product certification", both read
// as a sequence of positional terms) counts only where all its terms stand in order, so one of its
// bigrams or words alone (認證, "product") is not a match.
struct QueryHighlights {
  std::set<std::string> terms;
  std::vector<std::vector<std::string>> phrases;
};

// The highlights of `query`: the terms of its phrases as phrases, its other terms alone; what an
// AND_NOT excludes is not shown as a match.
QueryHighlights query_highlights(const Xapian::Query& query);

// The passage of about `max_chars` characters (code points) of `text` holding the most matches of
// `query` (index terms, as produced by the Analyzer: words, "Z" stems, Chinese bigrams).
// Cuts fall between characters, never inside one, and no spaces are inserted into Chinese text.
// With no match, the start of the text.
Snippet make_snippet(Analyzer& analyzer, std::string_view text, const QueryHighlights& query,
                     std::size_t max_chars = 160);
// The same, each of `query_terms` counting alone.
Snippet make_snippet(Analyzer& analyzer, std::string_view text,
                     const std::set<std::string>& query_terms, std::size_t max_chars = 160);

// `snippet.text` with each highlight wrapped in `open` and `close` (e.g. ANSI bold).
std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close);

}  // namespace provisio
