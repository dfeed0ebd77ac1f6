// Why a search ranks its hits as it does (`provisio search --explain`): the query as read and
// expanded, and each hit's score taken apart.
//
// Xapian 1.4 has no per-document explanation, so this is computed from what is known: the query
// tree (Xapian::Query::get_type()/get_subquery()), the terms a document matches
// (Enquire::get_matching_terms), each term's BM25 weight alone in that document (a one-term query
// on it), the relevance of the query's parts in that document (the same query filtered to it) and
// the boosts of ranking.h, which are ours. The parts add up to the score (tests/test_ranking.cc).
//
// Not thread-safe: uses the caller's Analyzer.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "searcher.h"

namespace provisio {

// A glossary concept the query named, expanded into its other forms at Analyzer::kExpansionWeight.
struct ExpandedConcept {
  std::string id;                  // glossary concept id ("ccc"); "" for an article citation (Article 58 = 第58條)
  std::vector<std::string> forms;  // the other forms searched, as the glossary writes them
  double weight = Analyzer::kExpansionWeight;
};

// The concepts expanded in `query` (a QueryBuilder result), in query order. Each expansion is an
// OP_SCALE_WEIGHT subquery of factor Analyzer::kExpansionWeight; its concept is the glossary
// concept whose forms give most of its terms.
std::vector<ExpandedConcept> expanded_concepts(const Xapian::Query& query);

// The concepts of `concept_ids` (BuiltQuery::concepts) that are also corpus topics (known_topics()).
std::vector<std::string> topics_named(const std::vector<std::string>& concept_ids);

// `query` written for people: operators in capitals, phrases in quotes, stems as stem:WORD,
// Chinese as the folded (Simplified) bigrams and words the index holds, weights as 0.4×(...),
// boolean filters as field:value. Top-level parts of AND/OR one per line, indented by `indent`.
std::string describe_query(const Xapian::Query& query, const std::string& indent = "  ");

struct QueryExplanation {
  std::string query;                     // as typed
  std::string read_as;                   // describe_query() of the words (filters apart)
  std::vector<ExpandedConcept> concepts;
  bool tiers = false;                    // complete matches first, then those with some words
  std::vector<std::string> filters;      // "in force on 2026-12-01", "instrument cepa-tis", ...
  std::vector<std::string> topics;       // topics named by the query, boosted (ranking.h)
};

struct TermExplanation {
  std::string term;                 // as the index holds it
  std::string shown;                // describe_query() form: ccc, stem:test, 检测
  std::vector<std::string> fields;  // where the document has it: citation, heading, text
  double weight = 0;                // its BM25 weight alone in this document
  bool glossary = false;            // only from a glossary expansion (weighted Analyzer::kExpansionWeight)
};

struct HitExplanation {
  std::string id;
  std::string matched_lang;  // the document (language) that matched best: the one scored
  bool complete = false;     // matched every word (ranking::kCompleteMatchScale tier)
  double relevance_all = 0;  // BM25 of the query read with AND (complete matches only)
  double relevance_any = 0;  // BM25 of the query read with OR (= relevance_all for a one-part query)
  std::vector<std::pair<std::string, double>> boosts;  // ranking::boost_parts()
  double score = 0;          // as ranked (Hit::score)
  std::vector<TermExplanation> terms;
};

struct SearchExplanation {
  QueryExplanation query;
  std::vector<HitExplanation> hits;  // one per SearchResult::hits, same order
};

// Explains `result`, the result of `searcher.search(options)`.
SearchExplanation explain_search(Searcher& searcher, const SearchOptions& options, const SearchResult& result);

}  // namespace provisio
