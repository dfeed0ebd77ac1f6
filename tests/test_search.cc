#define BOOST_TEST_MODULE search
#include <boost/test/unit_test.hpp>

#include "corpus.h"
#include "index_writer.h"
#include "searcher.h"
#include "test_support.h"

using namespace provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// Indexes `xml` as DIR/corpus/t.xml into DIR/db (a case's own small corpus) and returns the db.
std::string index_instrument(const TempDir& dir, const std::string& xml, const std::string& file = "t.xml") {
  write_file(dir / ("corpus/" + file), xml);
  Diagnostics d;
  Corpus c = load_corpus(collect_corpus_files({dir / "corpus"}, d), d);
  BOOST_REQUIRE(d.empty());
  write_index(c, {dir / "db", {dir / "corpus"}, {}});
  return dir / "db";
}

// One indexed sample corpus for all cases (read-only once built).
struct Fixture {
  TempDir dir;
  std::string db = index_instrument(dir, testing::sample_instrument(), "tig.xml");
};

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

SearchOptions query(const std::string& q) {
  SearchOptions o;
  o.query = q;
  o.as_of = *Date::parse("2024-01-01");
  return o;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(search, Fixture)

BOOST_AUTO_TEST_CASE(english_query_finds_the_provision_once) {
  Searcher s(db);
  SearchResult r = s.search(query("mutual recognition"));
  BOOST_TEST(r.total == 1u);
  BOOST_TEST(ids(r) == std::vector<std::string>{"tig/art58/2"});
  BOOST_TEST(r.hits[0].heading == "Mutual recognition of test results");
  BOOST_TEST(r.hits[0].citation == "Article 58(2)");
}

BOOST_AUTO_TEST_CASE(stemmed_words_match) {
  Searcher s(db);
  BOOST_TEST(ids(s.search(query("laboratory tests"))) == std::vector<std::string>{"tig/art58/2"});
}

BOOST_AUTO_TEST_CASE(chinese_in_either_script_finds_the_chinese_text) {
  Searcher s(db);
  for (const char* q : {"檢測", "检测", "強制性產品認證", "强制性产品认证", "\"合格評定\""}) {
    SearchResult r = s.search(query(q));
    BOOST_TEST(ids(r) == std::vector<std::string>{"tig/art58/2"}, q);
    BOOST_TEST(r.hits.at(0).lang == "zh-Hant", q);
  }
  BOOST_TEST(s.search(query("\"評定合格\"")).total == 0u);  // a phrase keeps its order
}

BOOST_AUTO_TEST_CASE(snippets_highlight_whole_matches_without_breaking_characters) {
  Searcher s(db);
  Hit h = s.search(query("檢測")).hits.at(0);
  BOOST_REQUIRE_EQUAL(h.snippet.highlights.size(), 1u);
  auto [b, e] = h.snippet.highlights[0];
  BOOST_TEST(h.snippet.text.substr(b, e - b) == "檢測");
  BOOST_TEST(render_snippet(h.snippet, "[", "]").find("認證[檢測]") != std::string::npos);
  Hit en = s.search(query("testing")).hits.at(0);
  BOOST_TEST(render_snippet(en.snippet, "[", "]").find("CCC [testing]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(lang_chooses_the_language_shown) {
  Searcher s(db);
  SearchOptions o = query("mutual recognition");
  o.lang = "zh-Hant";
  Hit h = s.search(o).hits.at(0);
  BOOST_TEST(h.lang == "zh-Hant");
  BOOST_TEST(h.heading == "相互承認檢測結果");
  BOOST_TEST(h.citation == "第五十八條第二款");
}

BOOST_AUTO_TEST_CASE(current_versions_by_default_and_past_ones_as_of_a_date) {
  Searcher s(db);
  Hit now = s.search(query("standards")).hits.at(0);
  BOOST_TEST(now.effective_from == "2020-06-01");
  BOOST_TEST(!now.effective_to.has_value());
  SearchOptions past = query("standards");
  past.as_of = *Date::parse("2019-06-01");
  Hit then = s.search(past).hits.at(0);
  BOOST_TEST(then.effective_from == "2019-01-01");
  BOOST_TEST(*then.effective_to == "2020-06-01");
  SearchOptions before = query("standards");
  before.as_of = *Date::parse("2018-01-01");
  BOOST_TEST(s.search(before).total == 0u);  // not yet in force
  BOOST_TEST(s.search(query("align")).total == 1u);
  BOOST_TEST(s.search(past).total == 1u);
}

BOOST_AUTO_TEST_CASE(filters_by_instrument_and_topic) {
  Searcher s(db);
  SearchOptions o = query("parties OR laboratories");
  BOOST_TEST(s.search(o).total == 2u);
  o.topics = {"ccc"};
  BOOST_TEST(ids(s.search(o)) == std::vector<std::string>{"tig/art58/2"});
  o.topics = {};
  o.instruments = {"nothing"};  // an unknown filter value is an error, not an empty answer
  BOOST_CHECK_THROW(s.search(o), SearchError);
}

BOOST_AUTO_TEST_CASE(relaxes_to_any_word_when_none_has_all) {
  Searcher s(db);
  SearchResult r = s.search(query("standards laboratories"));
  BOOST_TEST(r.total == 2u);
  BOOST_TEST(!r.notes.empty());
}

BOOST_AUTO_TEST_CASE(empty_queries_are_errors) {
  Searcher s(db);
  BOOST_CHECK_THROW(s.search(query("   ")), SearchError);
}

BOOST_AUTO_TEST_CASE(shows_and_suggests_provisions) {
  Searcher s(db);
  BOOST_TEST(s.provision_documents("tig/art58/1").size() == 2u);
  BOOST_TEST(s.provision_documents("tig/art58/9").empty());
  BOOST_TEST((s.nearest_ids("tig/art58") == std::vector<std::string>{"tig/art58/1", "tig/art58/2"}));
  BOOST_TEST(s.nearest_ids("tig/art85/2").at(0) == "tig/art58/2");
}

BOOST_AUTO_TEST_CASE(missing_database_is_an_error) {
  BOOST_CHECK_THROW(Searcher(dir / "nowhere"), SearchError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(query_language, Fixture)

BOOST_AUTO_TEST_CASE(field_prefixes_filter) {
  Searcher s(db);
  BOOST_TEST(ids(s.search(query("topic:ccc parties OR laboratories"))) == std::vector<std::string>{"tig/art58/2"});
  BOOST_TEST(s.search(query("instrument:tig standards")).total == 1u);
  BOOST_TEST(s.search(query("lang:zh-Hant 檢測")).hits.at(0).lang == "zh-Hant");
  // The glossary takes 檢測 to "testing", so the English text is found too.
  BOOST_TEST(s.search(query("lang:en 檢測")).hits.at(0).lang == "en");
  BOOST_TEST(s.search(query("lang:en 結果")).total == 0u);
}

BOOST_AUTO_TEST_CASE(citations_match_in_either_language) {
  Searcher s(db);
  for (const char* q : {"cite:\"Article 58(2)\"", "cite:第五十八條第二款", "art:58 recognition", "cite:\"Art. 58 para 2\""})
    BOOST_TEST(ids(s.search(query(q))).at(0) == "tig/art58/2", q);
  BOOST_TEST(s.search(query("art:58")).total == 2u);
  BOOST_TEST(s.search(query("art:59")).total == 0u);
}

BOOST_AUTO_TEST_CASE(malformed_queries_are_repaired_with_a_note) {
  Searcher s(db);
  SearchResult r = s.search(query("\"mutual recognition"));
  BOOST_TEST(r.total == 1u);
  BOOST_TEST(r.notes.at(0) == "unbalanced quote: read as if closed at the end of the query");
  r = s.search(query("(standards OR recognition"));
  BOOST_TEST(r.total == 2u);
  BOOST_TEST(r.notes.at(0) == "unclosed '(' closed at the end of the query");
  r = s.search(query("standards)"));
  BOOST_TEST(r.notes.at(0) == "unmatched ')' ignored");
  BOOST_TEST(s.search(query("「合格評定」")).total == 1u);
}

BOOST_AUTO_TEST_CASE(malformed_queries_are_rejected_with_the_reason) {
  Searcher s(db);
  auto message = [&](const std::string& q) {
    try {
      s.search(query(q));
    } catch (const SearchError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  BOOST_TEST(message("colour:red testing") ==
             "unknown field 'colour:' in the query (known fields: instrument:, topic:, lang:, year:, cite:, art:)");
  BOOST_TEST(message("topic:cars") ==
             "unknown topic 'cars' in topic:cars (known: ccc, cma, mutual-recognition, gba, accreditation, "
             "conformity-assessment, market-access, promotion, voluntary-certification, inspection, standards, "
             "food-safety, consultation)");
  BOOST_TEST(message("instrument:nope x") == "unknown instrument 'nope' in instrument:nope (known: tig)");
  BOOST_TEST(message("lang:fr x") == "unknown lang 'fr' in lang:fr (known: en, zh-Hant, zh-Hans)");
  BOOST_TEST(message("cite:preamble") ==
             "cannot read the citation in cite:preamble (try cite:\"Article 58\", cite:\"Annex 1 Table 2\", "
             "cite:第五十八條 or art:58)");
  // A rejected value in a negated group after a negation: Xapian's parser crashed (SIGSEGV) on the
  // null query the field gave back (fuzz_query).
  for (const char* q : {"-r -(-cite:u)", "-r -(-art:u", "-r -(-year:x)", "-r -(-topic:cars)"})
    BOOST_TEST((message(q).rfind("cannot read", 0) == 0 || message(q).rfind("unknown", 0) == 0), q);
}

BOOST_AUTO_TEST_CASE(colons_inside_phrases_are_text) {
  Searcher s(db);
  BOOST_TEST(s.search(query("\"note: standards\"")).total == 0u);  // no error: just no match
}

BOOST_AUTO_TEST_CASE(suggests_spellings_from_the_corpus) {
  Searcher s(db);
  SearchResult r = s.search(query("mutual recogniton"));
  BOOST_TEST(r.suggestion == "mutual recognition");
  BOOST_TEST(s.search(query("mutual recognition")).suggestion.empty());
}

BOOST_AUTO_TEST_CASE(all_versions_lists_each_version_current_first) {
  Searcher s(db);
  SearchOptions o = query("standards");
  o.all_versions = true;
  SearchResult r = s.search(o);
  BOOST_REQUIRE_EQUAL(r.total, 2u);
  BOOST_TEST(r.hits[0].effective_from == "2020-06-01");
  BOOST_TEST(r.hits[1].effective_from == "2019-01-01");
  o.as_of = *Date::parse("2019-06-01");  // nothing not yet in force
  BOOST_TEST(s.search(o).total == 1u);
}

BOOST_AUTO_TEST_CASE(facets_count_provisions) {
  Searcher s(db);
  SearchOptions o = query("parties OR laboratories");
  o.facets = true;
  SearchResult r = s.search(o);
  using Counts = std::vector<std::pair<std::string, std::size_t>>;
  BOOST_TEST((r.facets.at("instrument") == Counts{{"tig", 2}}));
  // The Chinese text matches through the glossary (laboratories = 實驗所).
  BOOST_TEST((r.facets.at("lang") == Counts{{"en", 2}, {"zh-Hant", 1}}));
  BOOST_TEST((r.facets.at("year") == Counts{{"2019", 1}, {"2020", 1}}));
  BOOST_TEST(r.facets.at("topic").size() == 3u);
}

BOOST_AUTO_TEST_CASE(the_last_day_is_not_a_day_when_everything_is_in_force) {
  Searcher s(db);
  SearchOptions o = query("standards");
  o.as_of = *Date::parse("9999-12-31");
  o.facets = true;
  SearchResult r = s.search(o);
  using Counts = std::vector<std::pair<std::string, std::size_t>>;
  // Only the 2020 version of tig/art58/1 is in force; the 2019 one ended on 2020-06-01.
  BOOST_TEST((r.facets.at("year") == Counts{{"2020", 1}}));
  BOOST_REQUIRE_EQUAL(r.hits.size(), 1u);
  BOOST_TEST(r.hits[0].effective_from == "2020-06-01");
}

BOOST_AUTO_TEST_CASE(facets_count_what_the_hits_are) {
  Searcher s(db);
  SearchOptions o = query("standards");
  o.facets = true;
  using Counts = std::vector<std::pair<std::string, std::size_t>>;
  SearchResult r = s.search(o);
  BOOST_TEST(r.unit == "provisions");
  BOOST_TEST((r.facets.at("instrument") == Counts{{"tig", 1}}));
  o.all_versions = true;
  r = s.search(o);
  BOOST_TEST(r.unit == "provision versions");
  BOOST_TEST(r.total == 2u);
  BOOST_TEST((r.facets.at("instrument") == Counts{{"tig", 2}}));  // the same unit as the total
  BOOST_TEST((r.facets.at("topic") == Counts{{"standards", 2}}));
  BOOST_TEST((r.facets.at("year") == Counts{{"2019", 1}, {"2020", 1}}));
}

BOOST_AUTO_TEST_CASE(parallel_gives_the_other_language) {
  Searcher s(db);
  SearchOptions o = query("mutual recognition");
  o.parallel = true;
  Hit h = s.search(o).hits.at(0);
  BOOST_REQUIRE_EQUAL(h.parallel.size(), 1u);
  BOOST_TEST(h.parallel[0].lang == "zh-Hant");
  BOOST_TEST(h.parallel[0].heading == "相互承認檢測結果");
}

BOOST_AUTO_TEST_SUITE_END()

// Counting matches exactly visits every matching document, so beyond kExactCountLimit documents
// the totals are Xapian's estimates, and say so; facets still count every match.
BOOST_AUTO_TEST_CASE(totals_beyond_the_exact_count_limit_are_estimates) {
  TempDir dir;
  // Ten short provisions saying "testing" four times come first, so that once the matcher has
  // seen them and kExactCountLimit documents it knows no later one can rank higher, and stops.
  const int n = static_cast<int>(kExactCountLimit) + 300;
  std::string xml = testing::many_provisions("big", n, "testing of many other things in a longer text");
  for (int i = 0; i < 10; ++i) {
    std::string from = ">testing of many other things in a longer text number " + std::to_string(i) + "<";
    xml.replace(xml.find(from), from.size(), ">testing testing testing testing<");
  }
  write_file(dir / "corpus/big.xml", xml);
  Diagnostics d;
  write_index(load_corpus(collect_corpus_files({dir / "corpus"}, d), d), {dir / "db", {dir / "corpus"}, {}});
  BOOST_REQUIRE(d.empty());
  Searcher s(dir / "db");
  SearchResult estimated = s.search(query("testing"));
  BOOST_TEST(!estimated.counts_exact);
  BOOST_TEST(estimated.hits.size() == 10u);
  BOOST_TEST(estimated.total > kExactCountLimit / 2);
  BOOST_TEST(estimated.total < 2u * static_cast<unsigned>(n));
  SearchOptions with_facets = query("testing");
  with_facets.facets = true;
  SearchResult counted = s.search(with_facets);
  BOOST_TEST(counted.counts_exact);
  BOOST_TEST(counted.total == static_cast<std::size_t>(n));
  // Below the limit, counts are exact without facets too.
  SearchResult few = s.search(query("\"number 12\""));
  BOOST_TEST(few.counts_exact);
  BOOST_TEST(few.total == 1u);
}

// A small index is always counted, whatever Xapian's bounds say: on the bundled corpus the date
// filter left them loose although every document was checked, and "mutual recognition" was shown
// as "about 20 provisions" where 9 match.
BOOST_AUTO_TEST_CASE(small_indexes_are_counted_exactly) {
  TempDir dir;
  Diagnostics d;
  write_index(load_corpus(collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d), {dir / "db", {}, {}});
  BOOST_REQUIRE(d.empty());
  Searcher s(dir / "db");
  for (const char* q : {"mutual recognition", "CCC testing", "檢測 認證", "GBA"}) {
    SearchOptions o = query(q);
    SearchResult r = s.search(o);
    BOOST_TEST(r.counts_exact, q);
    o.facets = true;  // facets always count every match: the reference
    BOOST_TEST(r.total == s.search(o).total, q);
  }
}

// --all-versions: the versions in force come first even when a superseded one matches better; by
// default, superseded versions that match better are shown after the current hits.
BOOST_AUTO_TEST_CASE(versions_in_force_come_first_and_better_superseded_ones_follow) {
  TempDir dir;
  Searcher s(index_instrument(dir, R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="t" kind="agreement" signed="2010-01-01">
  <title lang="en">T</title>
  <title lang="zh-Hant">甲</title>
  <provision id="t/1"><citation lang="en">Item 1</citation><topics>ccc</topics>
    <version from="2010-01-01" to="2015-01-01"><heading lang="en">Toys</heading>
      <text lang="en">CCC testing of toys and lighting.</text></version>
    <version from="2015-01-01" to="2020-01-01" by="t-amend-2015"><heading lang="en">Toys and more</heading>
      <text lang="en">CCC testing of toys, lighting and audio equipment.</text></version>
    <version from="2020-01-01" by="t-amend-2020"><heading lang="en">All products</heading>
      <text lang="en">CCC testing of all products in the catalogue.</text></version>
  </provision>
  <provision id="t/2"><citation lang="en">Item 2</citation><topics>ccc</topics>
    <version from="2012-01-01" to="2019-01-01"><heading lang="en">Pilot</heading>
      <text lang="en">A pilot scheme for certification of food in Guangdong.</text></version>
  </provision>
</instrument>
)"));
  SearchOptions o;
  o.query = "CCC testing toys lighting";
  o.all_versions = true;
  o.as_of = *Date::parse("2024-01-01");
  SearchResult r = s.search(o);
  BOOST_REQUIRE_EQUAL(r.hits.size(), 3u);
  BOOST_TEST(r.hits[0].effective_from == "2020-01-01");  // in force, though it lacks two words
  BOOST_TEST(!r.hits[0].effective_to);
  // In force on an earlier day: the version of that day first.
  o.as_of = *Date::parse("2016-01-01");
  r = s.search(o);
  BOOST_REQUIRE_EQUAL(r.hits.size(), 2u);
  BOOST_TEST(r.hits[0].effective_from == "2015-01-01");

  // Without --all-versions, superseded versions that match better than anything in force follow
  // the current hits, marked, with what superseded them.
  o.all_versions = false;
  o.as_of = *Date::parse("2024-01-01");
  r = s.search(o);
  BOOST_REQUIRE_EQUAL(r.hits.size(), 2u);
  BOOST_TEST(r.superseded == 1u);
  BOOST_TEST(r.total == 1u);  // the totals count what is in force
  BOOST_TEST(!r.hits[0].superseded);
  BOOST_TEST(r.hits[0].effective_from == "2020-01-01");
  BOOST_TEST(r.hits[1].superseded);
  BOOST_TEST(r.hits[1].id == "t/1");
  // Its best superseded version (either has every word), and the instrument of the version after it.
  std::string ended = r.hits[1].effective_to.value_or("");
  BOOST_TEST((ended == "2015-01-01" || ended == "2020-01-01"), ended);
  BOOST_TEST(r.hits[1].superseded_by == (ended == "2015-01-01" ? "t-amend-2015" : "t-amend-2020"));
  BOOST_TEST(r.hits[1].rank == 2u);
  // A provision that is no longer in force at all: found, marked, superseded by nothing recorded.
  o.query = "pilot certification of food in Guangdong";
  r = s.search(o);
  BOOST_REQUIRE_EQUAL(r.hits.size(), 1u);
  BOOST_TEST(r.hits[0].id == "t/2");
  BOOST_TEST(r.hits[0].superseded);
  BOOST_TEST(r.hits[0].superseded_by.empty());
  // What is in force and matches best is not followed by older versions that match less well.
  o.query = "CCC testing catalogue";
  r = s.search(o);
  BOOST_TEST(r.superseded == 0u);
  BOOST_TEST(r.hits.size() == 1u);
}

// A superseded provision with every word of the query ranks as a complete match: after the
// current hits with every word, before those with only some (a pilot since widened is what a
// query naming the pilot is about), marked. A provision in force is never preceded by its own
// earlier version.
BOOST_AUTO_TEST_CASE(a_superseded_complete_match_comes_before_partial_current_hits) {
  TempDir dir;
  Searcher s(index_instrument(dir, R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="t" kind="agreement" signed="2010-01-01">
  <title lang="en">T</title>
  <title lang="zh-Hant">甲</title>
  <provision id="t/pilot"><citation lang="en">Item 1</citation><topics>ccc</topics>
    <version from="2012-01-01" to="2019-01-01"><heading lang="en">Pilot</heading>
      <text lang="en">A pilot of CCC testing for toys and lighting.</text></version>
  </provision>
  <provision id="t/all"><citation lang="en">Item 2</citation><topics>ccc</topics>
    <version from="2019-01-01"><heading lang="en">All products</heading>
      <text lang="en">CCC testing of every product in the catalogue.</text></version>
  </provision>
  <provision id="t/toys"><citation lang="en">Item 3</citation><topics>ccc</topics>
    <version from="2012-01-01"><heading lang="en">Toy safety</heading>
      <text lang="en">Cooperation on the safety of toys.</text></version>
  </provision>
  <provision id="t/pilot-toys"><citation lang="en">Item 4</citation><topics>ccc</topics>
    <version from="2012-01-01"><heading lang="en">Toys pilot</heading>
      <text lang="en">A pilot on toys and lighting, without testing.</text></version>
  </provision>
</instrument>
)"));
  SearchOptions o;
  o.as_of = *Date::parse("2024-01-01");
  o.query = "pilot CCC testing toys lighting";
  SearchResult r = s.search(o);
  BOOST_REQUIRE_EQUAL(r.hits.size(), 4u);
  BOOST_TEST(r.total == 3u);
  BOOST_TEST(r.complete == 0u);
  BOOST_REQUIRE_EQUAL(r.notes.size(), 1u);  // about what is in force: the superseded hit has every word
  BOOST_TEST(r.notes[0] == "no provision in force matches every word; showing those matching some of them");
  BOOST_TEST(r.superseded == 1u);
  BOOST_TEST(r.hits[0].id == "t/pilot");
  BOOST_TEST(r.hits[0].superseded);
  BOOST_TEST(r.hits[0].rank == 1u);
  for (std::size_t i = 1; i < r.hits.size(); ++i) {
    BOOST_TEST(!r.hits[i].superseded);
    BOOST_TEST(r.hits[i].rank == i + 1);
  }

  // With a current hit that has every word too, that hit comes first.
  o.query = "pilot toys lighting";
  r = s.search(o);
  BOOST_REQUIRE_GE(r.hits.size(), 1u);
  BOOST_TEST(r.hits[0].id == "t/pilot-toys");
  BOOST_TEST(!r.hits[0].superseded);
}
