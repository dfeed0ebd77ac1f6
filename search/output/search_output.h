// How provision search results are shown: one JSON object (`search --json`) or the text the CLI
// prints. Also the submissions' side of search (`search --type submission`).
//
// Pure functions of their arguments: thread-safe. Text formatters end every line with "\n".
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "searcher.h"
#include "style.h"
#include "submission_index.h"

namespace provisio::output {

// One hit as JSON. Parallel hits drop what they share with their hit (rank, score, instrument,
// topics, dates).
nlohmann::json hit_json(const Hit& hit);

// Facet counts as {"instrument": [{"value": ..., "count": n}, ...], ...}.
nlohmann::json facets_json(const Facets& facets);

// The whole result as one JSON line: query, as_of, totals, results, notes, suggestion, and the
// facets when `options.facets`.
std::string search_json(const SearchResult& result, const SearchOptions& options);

// The result as text: a summary line, the facets when asked for, then each hit. With
// `side_by_side_columns` of 100 or more, a hit's first parallel text is laid out beside it in that
// many columns (a wide terminal); otherwise parallel texts follow the hit.
std::string search_text(const SearchResult& result, const SearchOptions& options, const Style& style,
                         std::size_t side_by_side_columns = 0);

// Submission search results, as JSON and as text.
std::string submission_search_json(const submissions::SubmissionSearchResult& result);
std::string submission_search_text(const submissions::SubmissionSearchResult& result, const Style& style);

}  // namespace provisio::output
