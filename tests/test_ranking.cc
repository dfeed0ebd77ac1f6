// Ranking on the bundled corpus (issue 13, item 12) and `search --explain` (item 2): the examples
// the issue reported, and an explanation whose parts add up to each score.
#define BOOST_TEST_MODULE ranking
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "corpus.h"
#include "explain.h"
#include "explain_output.h"
#include "index_writer.h"
#include "ranking.h"
#include "searcher.h"
#include "test_support.h"

using namespace provisio;
using provisio::testing::TempDir;

namespace {

constexpr const char* kCccTesting = "cepa-tis/a1/t2/1fe/1";  // the CCC testing commitment, in force
constexpr const char* kConsultation = "hkctc-views-2019/q1";
constexpr const char* kFactoryInspection = "cepa-tis/a1/t2/1fe/2";
constexpr const char* kShipsReservation = "cepa-tis/a1/t1/1fe/1";
constexpr const char* kSampling = "cepa-tis/a1/t2/1fe/3";

// The bundled corpus, indexed once for every case.
struct IndexedCorpus {
  TempDir dir;
  std::string db = dir / "db";
  IndexedCorpus() {
    Diagnostics d;
    write_index(load_corpus(collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d), {db, {}, {}});
    BOOST_REQUIRE(d.empty());
  }
};

SearchOptions query(const std::string& q) {
  SearchOptions o;
  o.query = q;
  o.as_of = *Date::parse("2026-12-01");
  return o;
}

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits)
    if (!h.superseded) out.push_back(h.id);
  return out;
}

std::size_t rank_of(const std::vector<std::string>& ranking, const std::string& id) {
  auto it = std::find(ranking.begin(), ranking.end(), id);
  return it == ranking.end() ? 0 : static_cast<std::size_t>(it - ranking.begin()) + 1;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ranking_on_the_bundled_corpus, IndexedCorpus)

// Topic queries put the commitment itself above the consultation question that quotes it.
BOOST_AUTO_TEST_CASE(the_commitment_ranks_above_the_consultation_about_it) {
  Searcher s(db);
  for (const char* q : {"CCC testing", "CCC testing scope", "3C 檢測 scope"}) {
    auto r = ids(s.search(query(q)));
    BOOST_TEST_INFO(q);
    BOOST_REQUIRE(!r.empty());
    BOOST_TEST(r.front() == kCccTesting);
    std::size_t consultation = rank_of(r, kConsultation);
    BOOST_TEST((consultation == 0 || consultation > 1));
  }
}

// The acronym alone: the main CCC testing commitment first, in every way of writing it.
BOOST_AUTO_TEST_CASE(the_acronym_alone_finds_the_main_commitment_first) {
  Searcher s(db);
  for (const char* q : {"3C", "CCC", "ＣＣＣ"}) {
    auto r = ids(s.search(query(q)));
    BOOST_TEST_INFO(q);
    BOOST_REQUIRE(!r.empty());
    BOOST_TEST(r.front() == kCccTesting);
  }
}

BOOST_AUTO_TEST_CASE(factory_inspectors_find_factory_inspection_before_ships) {
  Searcher s(db);
  auto r = ids(s.search(query("registering Hong Kong factory inspectors with CCAA")));
  BOOST_REQUIRE(!r.empty());
  BOOST_TEST(r.front() == kFactoryInspection);
  BOOST_TEST(rank_of(r, kShipsReservation) != 1u);
}

BOOST_AUTO_TEST_CASE(follow_up_sampling_finds_item_3) {
  Searcher s(db);
  auto r = ids(s.search(query("follow-up sampling of certified CCC products")));
  BOOST_TEST(rank_of(r, kSampling) == 1u);  // was 2, below cepa-etc/art23/8 (CCC designation)
}

// --explain: the concepts that fired, and parts that add up to every score.
BOOST_AUTO_TEST_CASE(explanations_add_up_to_the_scores) {
  Searcher s(db);
  for (const char* q : {"CCC testing", "檢測 scope", "CMA", "registering Hong Kong factory inspectors with CCAA"}) {
    BOOST_TEST_INFO(q);
    SearchOptions o = query(q);
    SearchResult r = s.search(o);
    SearchExplanation e = explain_search(s, o, r);
    BOOST_REQUIRE_EQUAL(e.hits.size(), r.hits.size());
    BOOST_TEST(!e.query.read_as.empty());
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
      const HitExplanation& h = e.hits[i];
      BOOST_TEST(h.id == r.hits[i].id);
      double b = 0;
      for (const auto& [name, w] : h.boosts) b += w;
      double expected = h.complete && e.query.tiers
                            ? ranking::kCompleteMatchScale * (h.relevance_all + b) + h.relevance_any + b
                            : (e.query.tiers ? h.relevance_any : h.relevance_all) + b;
      BOOST_TEST(expected == r.hits[i].score, boost::test_tools::tolerance(1e-6));
      BOOST_TEST(!h.terms.empty());
      for (const auto& t : h.terms) BOOST_TEST(t.weight >= 0.0);
    }
  }
  SearchOptions o = query("CCC testing");
  SearchResult r = s.search(o);
  SearchExplanation e = explain_search(s, o, r);
  std::vector<std::string> concepts;
  for (const auto& c : e.query.concepts) concepts.push_back(c.id);
  BOOST_TEST((std::find(concepts.begin(), concepts.end(), "ccc") != concepts.end()));
  BOOST_TEST((std::find(concepts.begin(), concepts.end(), "testing") != concepts.end()));
  BOOST_TEST(e.query.topics == std::vector<std::string>{"ccc"});
  // 檢測 fires the concept "testing" (testing, 測試), not one that merely shares a word with it.
  SearchOptions zh = query("3C 檢測 scope");
  auto zh_concepts = explain_search(s, zh, s.search(zh)).query.concepts;
  std::vector<std::string> zh_ids;
  for (const auto& c : zh_concepts) zh_ids.push_back(c.id);
  BOOST_TEST(zh_ids == (std::vector<std::string>{"ccc", "testing"}), boost::test_tools::per_element());
  BOOST_TEST(e.query.tiers);
  // The commitment: an agreement filed under ccc, its words in heading and text.
  const HitExplanation& first = e.hits.at(0);
  BOOST_TEST(first.complete);
  BOOST_TEST(first.boosts.size() == 3u);  // agreement, revised, topic ccc
  auto ccc = std::find_if(first.terms.begin(), first.terms.end(), [](const TermExplanation& t) { return t.term == "ccc"; });
  if (first.matched_lang == "en") {
    BOOST_REQUIRE((ccc != first.terms.end()));
    BOOST_TEST((std::find(ccc->fields.begin(), ccc->fields.end(), "heading") != ccc->fields.end()));
    BOOST_TEST(!ccc->glossary);
  }
  // The same in JSON and text.
  auto j = nlohmann::json::parse(output::search_json_explained(r, o, e));
  BOOST_TEST(j["explain"]["topics"][0] == "ccc");
  BOOST_TEST(j["results"][0]["explain"]["complete"] == true);
  std::string text = output::search_text_explained(r, o, e, output::Style{});
  BOOST_TEST(text.find("glossary ccc") != std::string::npos);
  BOOST_TEST(text.find("Scores explained") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(kind_boosts_put_commitments_above_consultations) {
  BOOST_TEST(ranking::kind_boost("agreement") > ranking::kind_boost("notice"));
  BOOST_TEST(ranking::kind_boost("notice") > ranking::kind_boost("plan"));
  BOOST_TEST(ranking::kind_boost("consultation") == 0.0);
  BOOST_TEST(ranking::kind_boost("unknown") == 0.0);
  auto parts = ranking::boost_parts("supplement", 2, {"ccc", "gba"}, {"gba", "cma"});
  BOOST_REQUIRE_EQUAL(parts.size(), 3u);
  BOOST_TEST(parts[0].first == "instrument kind supplement");
  BOOST_TEST(parts[1].first == "revised (2 versions)");
  BOOST_TEST(parts[2].first == "topic gba");
  BOOST_TEST(ranking::boost_parts("consultation", 1, {"ccc"}, {}).empty());
}

BOOST_AUTO_TEST_CASE(describe_query_reads_like_the_query) {
  Xapian::Query q(Xapian::Query::OP_AND, Xapian::Query("ccc"),
                  Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Ztest"),
                                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("检测"), 0.4)));
  BOOST_TEST(describe_query(q, "") == "ccc\nAND (stem:test OR 0.4×(检测))");
}
