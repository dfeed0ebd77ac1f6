// The relevance benchmark: judged queries (queries.jsonl), two engines over the same bundled
// corpus — Provisio and a baseline made the way Xapian's documentation suggests for CJK (one
// TermGenerator with FLAG_CJK_NGRAM and the English stemmer, default QueryParser settings) — and
// the measures that compare them.
//
// Measures, per query, averaged over queries:
//   MRR        1 / rank of the first provision judged 2 ("the answer") in the top 10, else 0
//   recall@5   share of the judged provisions (grade 1 or 2) found in the top 5
//   nDCG@10    discounted cumulative gain with gains 2^grade - 1, over the ideal ordering
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

struct JudgedQuery {
  std::string id, query, lang;  // lang: en, zh-Hant, zh-Hans or mixed
  std::optional<Date> as_of;
  std::map<std::string, int> grades;  // provision id -> 1 or 2
};

// Reads queries.jsonl. Throws std::runtime_error naming the file and line on a bad line.
std::vector<JudgedQuery> load_queries(const std::string& path);

struct Metrics {
  std::size_t queries = 0;
  double mrr = 0, recall5 = 0, ndcg10 = 0;
};

// Measures of one ranking (provision ids, best first) against one query's judgements.
Metrics measure(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades);

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
