#define BOOST_TEST_MODULE link_suggest
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "concepts.h"
#include "corpus.h"
#include "index_writer.h"
#include "report.h"
#include "store.h"
#include "submission_output.h"
#include "suggester.h"
#include "suggester_world.h"
#include "test_support.h"

using namespace provisio::submissions;
using provisio::testing::ids;
using provisio::testing::no_minimum;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// English-only provisions: Chinese submissions can reach them only through concepts.
const char* kEnglishOnly = R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="demo" kind="measure" signed="2020-01-01">
  <title lang="en">Demo measures</title>
  <title lang="zh-Hant">示範措施</title>
  <provision id="demo/cma">
    <citation lang="en">Demo, item 1</citation>
    <topics>cma gba</topics>
    <version from="2020-01-01">
      <heading lang="en">CMA qualification for Hong Kong testing bodies</heading>
      <text lang="en">Hong Kong testing bodies may obtain the China Metrology Accreditation qualification and put the CMA mark on reports.</text>
    </version>
  </provision>
  <provision id="demo/food">
    <citation lang="en">Demo, item 2</citation>
    <topics>food-safety</topics>
    <version from="2020-01-01">
      <heading lang="en">Food safety testing</heading>
      <text lang="en">Hong Kong laboratories may test food for export and report on food safety.</text>
    </version>
  </provision>
  <provision id="demo/q">
    <citation lang="en">Demo, question 1</citation>
    <topics>consultation ccc</topics>
    <version from="2020-01-01">
      <heading lang="en">Views on opening the CCC market</heading>
      <text lang="en">Views are sought on opening the China Compulsory Certification market to Hong Kong testing bodies.</text>
    </version>
  </provision>
</instrument>
)";

struct World : provisio::testing::SuggesterWorld {
  World() : SuggesterWorld({{"demo.xml", kEnglishOnly}, {"tig.xml", provisio::testing::sample_instrument()}}) {}
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(suggest, World)

BOOST_AUTO_TEST_CASE(concepts_are_found_in_any_language_and_script) {
  auto names = [](const std::string& text) {
    std::string out;
    for (const auto* c : find_concepts(text)) out += (out.empty() ? "" : " ") + c->id;
    return out;
  };
  BOOST_TEST(names("We lack the CMA mark.") == "cma");
  BOOST_TEST(names("香港機構欠缺資質認定") == "cma");
  BOOST_TEST(names("香港机构欠缺资质认定") == "cma");
  BOOST_TEST(names("ＣＭＡ and 強制性產品認證") == "ccc cma");
  BOOST_TEST(names("dogma and accent") == "");  // no "cma" or "ccc" inside other words
}

BOOST_AUTO_TEST_CASE(a_chinese_submission_reaches_english_only_provisions) {
  LinkSuggester suggester(db, no_minimum());
  auto s = suggester.suggest("我們希望香港檢測機構可取得資質認定，報告可加蓋標誌。", 3);
  BOOST_REQUIRE(!s.empty());
  BOOST_TEST(s[0].id == "demo/cma");
  BOOST_TEST(s[0].kind == "provision");
  BOOST_REQUIRE(!s[0].concepts.empty());
  BOOST_TEST(s[0].concepts[0]->id == "cma");
  BOOST_TEST(s[0].submission_snippet.find("資質認定") != std::string::npos);

  // Without concepts nothing in the Chinese text can match the English-only provision.
  SuggestTuning off = no_minimum();
  off.concept_boost = 0;
  off.topic_bonus = 0;
  LinkSuggester plain(db, off);
  auto without = ids(plain.suggest("我們希望香港檢測機構可取得資質認定，報告可加蓋標誌。", 3));
  BOOST_TEST((std::find(without.begin(), without.end(), "demo/cma") == without.end()));
}

BOOST_AUTO_TEST_CASE(suggestions_explain_themselves_and_mark_questions) {
  LinkSuggester suggester(db, no_minimum());
  auto s = suggester.suggest("Please open the CCC market further: Hong Kong testing bodies should test all CCC products.", 5);
  BOOST_REQUIRE(!s.empty());
  BOOST_TEST(s[0].id == "demo/q");
  BOOST_TEST(s[0].kind == "question");
  BOOST_TEST(s[0].score > 0);
  BOOST_TEST((std::find(s[0].matched_words.begin(), s[0].matched_words.end(), "CCC") != s[0].matched_words.end()));
  BOOST_TEST((std::find(s[0].matched_words.begin(), s[0].matched_words.end(), "market") != s[0].matched_words.end()));
  BOOST_TEST(s[0].provision_snippet.find("China Compulsory Certification market") != std::string::npos);
  for (std::size_t i = 1; i < s.size(); ++i) BOOST_TEST(s[i - 1].score >= s[i].score);
  BOOST_TEST(suggester.suggest("zzzz qqqq", 5).empty());
}

BOOST_AUTO_TEST_CASE(suggestions_read_a_bounded_beginning_of_long_submissions) {
  // A 1 MB submission took 19 s and 170 MB to suggest for; only its first kMaxSuggestCharacters
  // characters are read (whole characters: the cut never splits a UTF-8 sequence).
  std::string filler;
  while (filler.size() < kMaxSuggestCharacters) filler += "zzzz qqqq ";
  filler.resize(kMaxSuggestCharacters - 1);
  std::string text = filler + "檢 Please open the CCC market further: Hong Kong testing bodies should test all CCC products.";
  BOOST_TEST(suggestion_input(text) == filler + "檢");
  BOOST_TEST(suggestion_input(filler) == filler);
  SuggestTuning any_score;  // this small index scores below the bundled corpus's minimum
  any_score.min_score = 0;
  LinkSuggester suggester(db, any_score);
  BOOST_TEST(suggester.suggest(text, 5).empty());  // the words past the limit are not read
  BOOST_TEST(!suggester.suggest(text.substr(kMaxSuggestCharacters - 10), 5).empty());
}

BOOST_AUTO_TEST_CASE(reports_group_links_by_provision_question_and_topic) {
  Store store(dir / "s.db");
  Submission a, b;
  a.sha256 = "a", a.file_name = "a.txt", a.format = "txt", a.lang = "en", a.text = "x", a.original = "a";
  a.sender = "Lab, \"A\"", a.received = "2019-05-20", a.added_by = "t";
  b = a;
  b.sha256 = "b", b.sender = "陳大文", b.received = "";
  store.add_submissions({a, b});
  store.add_links("sub-0001", {{"demo/q", "question", "manual", {}, ""}, {"demo/cma", "provision", "manual", {}, ""}}, "t");
  store.add_links("sub-0002", {{"demo/cma", "provision", "suggested", 3.0, ""}}, "t");
  store.add_links("sub-0002", {{"demo/food", "provision", "manual", {}, ""}}, "t");
  store.remove_link("sub-0002", "demo/food", "t");
  LinkSuggester index(db);

  auto by_provision = build_report(store, index, "provision", "en");
  BOOST_REQUIRE(by_provision.rows.size() == 2u);  // removed links do not count
  BOOST_TEST(by_provision.rows[0].key == "demo/cma");
  BOOST_TEST(by_provision.rows[0].submissions.size() == 2u);
  BOOST_TEST(by_provision.rows[1].kind == "question");

  auto by_question = build_report(store, index, "question", "en");
  BOOST_REQUIRE(by_question.rows.size() == 1u);
  BOOST_TEST(by_question.rows[0].key == "demo/q");

  auto by_topic = build_report(store, index, "topic", "en");
  std::string topics;
  for (const auto& r : by_topic.rows) topics += r.key + "=" + std::to_string(r.submissions.size()) + " ";
  BOOST_TEST(topics == "cma=2 gba=2 ccc=1 consultation=1 ");

  BOOST_TEST(provisio::output::format_report(by_provision, "csv") ==
             "\xEF\xBB\xBFprovision,kind,heading,count,letters,submissions\r\n"
             "demo/cma,provision,CMA qualification for Hong Kong testing bodies,2,2,sub-0001; sub-0002\r\n"
             "demo/q,question,Views on opening the CCC market,1,1,sub-0001\r\n");
  BOOST_TEST(provisio::output::format_report(by_question, "md") ==
             "| question | kind | heading | count | letters | submissions |\n|---|---|---|---:|---:|---|\n"
             "| demo/q | question | Views on opening the CCC market | 1 | 1 | sub-0001 |\n");
  BOOST_TEST(provisio::output::format_report(by_question, "table") ==
             "demo/q  (1 submission)  Views on opening the CCC market\n    sub-0001  2019-05-20  Lab, \"A\"\n");
  auto json = nlohmann::json::parse(provisio::output::format_report(by_provision, "json"));
  BOOST_TEST(json["rows"][0]["count"] == 2);
  BOOST_TEST(json["rows"][0]["submissions"][1]["sender"] == "陳大文");
  BOOST_TEST(json["submissions_total"] == 2);
  BOOST_TEST(json["rows"][0]["submissions"][1]["received"].is_null());  // unknown: null, not ""

  // Every active link on its own line, with the submission's details and the target's citation.
  auto by_link = build_report(store, index, "link", "en");
  BOOST_TEST(by_link.rows.empty());
  BOOST_REQUIRE(by_link.links.size() == 3u);
  BOOST_TEST(by_link.links[0].sender == "Lab, \"A\"");
  BOOST_TEST(by_link.links[0].citation == "Demo, question 1");
  BOOST_TEST(provisio::output::format_report(by_link, "csv").find(
                 "sub-0001,\"Lab, \"\"A\"\"\",2019-05-20,,demo/q,\"Demo, question 1\",t,") != std::string::npos);
  // A period counts only the submissions received in it (sub-0002's date is unknown).
  SubmissionFilter may;
  may.since = "2019-05-01";
  may.until = "2019-05-31";
  auto in_may = build_report(store, index, "provision", "en", may);
  BOOST_TEST(in_may.submissions_total == 1u);
  BOOST_REQUIRE(in_may.rows.size() == 2u);
  BOOST_TEST(in_may.rows[0].submissions.size() == 1u);
  // A removed submission leaves the report.
  store.remove_submission("sub-0001", "t");
  BOOST_TEST(build_report(store, index, "link", "en").links.size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_minimum_score_leaves_out_weak_suggestions) {
  std::string text = "Please open the CCC market further: Hong Kong testing bodies should test all CCC products.";
  auto all = LinkSuggester(db, no_minimum()).suggest(text, 5);
  BOOST_REQUIRE(all.size() >= 2u);
  SuggestTuning t = no_minimum();
  t.min_score = (all[0].score + all[1].score) / 2;
  BOOST_TEST(ids(LinkSuggester(db, t).suggest(text, 5)) == std::vector<std::string>{all[0].id});
}

BOOST_AUTO_TEST_SUITE_END()
