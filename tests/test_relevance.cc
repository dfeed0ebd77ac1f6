#define BOOST_TEST_MODULE relevance
#include <boost/test/unit_test.hpp>

#include "evaluate.h"
#include "test_support.h"

using namespace provisio;
using namespace provisio::relevance;

BOOST_AUTO_TEST_CASE(measures_follow_their_definitions) {
  std::map<std::string, int> grades = {{"a", 2}, {"b", 1}};
  Metrics perfect = measure({"a", "b", "x"}, grades);
  BOOST_TEST(perfect.mrr == 1.0);
  BOOST_TEST(perfect.recall5 == 1.0);
  BOOST_TEST(perfect.ndcg10 == 1.0, boost::test_tools::tolerance(1e-9));
  Metrics late = measure({"x", "b", "a"}, grades);
  BOOST_TEST(late.mrr == 1.0 / 3);
  BOOST_TEST(late.recall5 == 1.0);
  BOOST_TEST(late.ndcg10 < 1.0);
  Metrics none = measure({"x", "y"}, grades);
  BOOST_TEST(none.mrr == 0.0);
  BOOST_TEST(none.ndcg10 == 0.0);
}

// The split into a tuning and a held-out half follows its stated rule (evaluate.h), never scores:
// alternate units within each language, a unit being consecutive queries with the same text.
BOOST_AUTO_TEST_CASE(halves_alternate_within_each_language) {
  auto q = [](const char* id, const char* text, const char* lang) {
    return JudgedQuery{id, text, lang, "", std::nullopt, {}};
  };
  std::vector<JudgedQuery> queries = {q("1", "a", "en"), q("2", "b", "zh-Hant"), q("3", "c", "en"),
                                      q("4", "c", "en"),  q("5", "d", "en"),      q("6", "e", "zh-Hant")};
  std::vector<std::string> expected = {kTuningHalf, kTuningHalf, kHeldOutHalf, kHeldOutHalf, kTuningHalf, kHeldOutHalf};
  BOOST_TEST(half_by_rule(queries) == expected, boost::test_tools::per_element());
  // The file records the same halves (load_queries checks them), evenly split in every language.
  auto judged = load_queries(PROVISIO_RELEVANCE_QUERIES);
  std::map<std::string, int> balance;
  for (const auto& j : judged) balance[j.lang] += j.half == kTuningHalf ? 1 : -1;
  for (const auto& [lang, b] : balance) BOOST_TEST((b >= 0 && b <= 2), lang << " " << b);
  // A line whose half differs from the rule is refused, naming the file and line.
  testing::TempDir dir;
  std::string bad = dir / "q.jsonl";
  testing::write_file(bad, R"({"id": "x", "query": "a", "lang": "en", "half": "held-out", "judgements": {"p": 2}})" "\n");
  try {
    load_queries(bad);
    BOOST_ERROR("a query in the wrong half was accepted");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find(bad + ":1:") != std::string::npos, e.what());
  }
}

// Fails when a change makes Provisio rank the answers worse than the level measured when this
// floor was set (see README, "Relevance"); raise the floor when ranking improves.
BOOST_AUTO_TEST_CASE(provisio_stays_above_its_floor_and_ahead_of_the_baseline) {
  Diagnostics d;
  Corpus corpus = load_corpus(collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d);
  BOOST_REQUIRE(d.empty());
  auto queries = load_queries(PROVISIO_RELEVANCE_QUERIES);
  BOOST_REQUIRE_GE(queries.size(), 80u);
  testing::TempDir dir;
  Engines engines(corpus, dir / "eval");
  auto ours = evaluate(queries, engines.provisio());
  auto base = evaluate(queries, engines.baseline());
  BOOST_TEST_MESSAGE("MRR " << ours["all"].mrr << " (baseline " << base["all"].mrr << ")");
  constexpr double kMrrFloor = 0.82;  // measured 0.861 on 2026-11-24 (136 queries)
  BOOST_TEST(ours["all"].mrr >= kMrrFloor);
  BOOST_TEST(ours["all"].mrr > base["all"].mrr);
  // The held-out half, never tuned on. Before ranking used instrument kinds, revisions and topics
  // (2026-12-04): MRR 0.913, recall@5 0.817 on 67 queries; with them 0.917 and 0.815; with
  // superseded complete matches placed among the current hits (2026-12-05) 0.939 and 0.840
  // (README, "Relevance"). The floor is today's level: a change that lowers it must say why.
  auto held_out = evaluate(in_half(queries, kHeldOutHalf), engines.provisio());
  BOOST_TEST_MESSAGE("held-out MRR " << held_out["all"].mrr << ", recall@5 " << held_out["all"].recall5);
  BOOST_TEST(held_out["all"].mrr >= 0.939 - 1e-3);
  BOOST_TEST(held_out["all"].recall5 >= 0.840 - 1e-3);
}
