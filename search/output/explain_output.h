// `provisio search --explain`: the query as read and each hit's score taken apart (explain.h), as
// text after the results and as the "explain" objects of the JSON result. Shared by the CLI and
// the web server.
//
// Pure functions of their arguments: thread-safe. Text ends every line with "\n".
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "explain.h"
#include "history.h"
#include "searcher.h"
#include "style.h"

namespace provisio::output {

// The query part: {"query", "read_as", "concepts": [{"id", "forms", "weight"}], "tiers", "filters", "topics"}.
nlohmann::json query_explanation_json(const QueryExplanation& e);

// One hit's part: {"matched_lang", "complete", "relevance_all", "relevance_any", "boosts": [{"name",
// "weight"}], "score", "terms": [{"term", "shown", "fields", "weight", "glossary"}]}.
nlohmann::json hit_explanation_json(const HitExplanation& e);

// search_json() with "explain" added at the top and to each result.
std::string search_json_explained(const SearchResult& result, const SearchOptions& options,
                                  const SearchExplanation& explanation, const StoredGraph* graph = nullptr);

// The query as read: its words, the glossary concepts expanded, the tiers, filters and boosts.
std::string query_explanation_text(const QueryExplanation& e, const Style& style);

// One hit's score taken apart: a line "RANK. ID (LANG document)  score S", then indented lines.
std::string hit_explanation_text(std::size_t rank, const HitExplanation& e, const Style& style);

// search_text() with the query's explanation before it and the hits' scores taken apart after it
// ("Scores explained:", in rank order).
std::string search_text_explained(const SearchResult& result, const SearchOptions& options,
                                  const SearchExplanation& explanation, const Style& style,
                                  std::size_t side_by_side_columns = 0, const StoredGraph* graph = nullptr);

}  // namespace provisio::output
