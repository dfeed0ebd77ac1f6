// The relevance benchmark: judged queries (queries.jsonl), two engines over the same bundled
// corpus — Provisio and a baseline made the way Xapian's documentation suggests for CJK (one
// TermGenerator with FLAG_CJK_NGRAM and the English stemmer, default QueryParser settings) — and
// the measures that compare them.
//
// Measures, per query, averaged over queries:
//   MRR        1 / rank of the first provision judged 2 ("the answer") in the top 10, else 0
//   recall@5   share of the judged provisions (grade 1 or 2) found in the top 5
//   nDCG@10    discounted cumulative gain with gains 2^grade - 1, over the ideal ordering
//
// Two halves (issue 13, item 13): every query is in the tuning half, on which ranking may be
// tuned, or in the held-out half, which only reports. The split is fixed by a rule that never looks
// at scores (half_by_rule()); each line of queries.jsonl records its half and load_queries() checks
// it against the rule, so a query cannot move between halves unnoticed.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus.h"
#include "date.h"

namespace provisio::relevance {

inline constexpr const char* kTuningHalf = "tuning";
inline constexpr const char* kHeldOutHalf = "held-out";

struct JudgedQuery {
  std::string id, query, lang;  // lang: en, zh-Hant, zh-Hans or mixed
  std::string half;             // kTuningHalf or kHeldOutHalf
  std::optional<Date> as_of;
  std::map<std::string, int> grades;  // provision id -> 1 or 2
};

// The halves the rule gives `queries` (in file order): within each language, in file order, a run
// of consecutive queries with the same text (one question asked on several dates) is one unit, and
// units alternate tuning, held-out, tuning, ... So each language is split evenly, near-duplicates
// stay together, and a query added at the end of its language's queries does not move the others.
std::vector<std::string> half_by_rule(const std::vector<JudgedQuery>& queries);

// Reads queries.jsonl. Throws std::runtime_error naming the file and line on a bad line, and on a
// line whose "half" differs from half_by_rule().
std::vector<JudgedQuery> load_queries(const std::string& path);

// The queries of one half.
std::vector<JudgedQuery> in_half(const std::vector<JudgedQuery>& queries, const std::string& half);

struct Metrics {
  std::size_t queries = 0;
  double mrr = 0, recall5 = 0, ndcg10 = 0;
};

// Measures of one ranking (provision ids, best first) against one query's judgements.
Metrics measure(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades);

// The 1-based rank of the first provision judged 2 in `ranking`, 0 if none is there.
std::size_t first_answer_rank(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades);

// An engine: ranked provision ids for a query.
using Ranker = std::function<std::vector<std::string>(const JudgedQuery&)>;

// Averages by query language, plus "all".
std::map<std::string, Metrics> evaluate(const std::vector<JudgedQuery>& queries, const Ranker& ranker);

// Both engines, indexed from `corpus` into folders under `work_dir` (created).
class Engines {
 public:
  Engines(const Corpus& corpus, const std::string& work_dir);
  ~Engines();
  Ranker provisio();
  Ranker baseline();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace provisio::relevance
