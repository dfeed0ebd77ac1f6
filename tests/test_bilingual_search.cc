// Search across languages and scripts, end to end: a small corpus whose provisions are written in
// one language only, indexed and searched through the Searcher.
#define BOOST_TEST_MODULE bilingual_search
#include <boost/test/unit_test.hpp>

#include "corpus.h"
#include "index_writer.h"
#include "searcher.h"
#include "test_support.h"

using namespace provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

std::string provision(const std::string& id, const std::string& lang, const std::string& heading,
                      const std::string& text) {
  return "<provision id=\"x/" + id + "\"><citation lang=\"en\">Item " + id +
         "</citation><topics>ccc</topics><version from=\"2019-01-01\"><heading lang=\"en\">" + heading +
         "</heading><text lang=\"" + lang + "\">" + text + "</text></version></provision>\n";
}

// Each provision speaks one language, so a hit in the other language can only come from the
// analyser (folding, segmentation, glossary).
std::string instrument() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="x" kind="agreement" signed="2019-01-01">
  <title lang="en">Test instrument</title>
  <title lang="zh-Hant">測試文書</title>
)" + provision("ccc-zh", "zh-Hant", "Item one", "香港實驗所可進行強制性產品認證的檢測工作。") +
         provision("ccc-en", "en", "Item two", "Hong Kong bodies may carry out China Compulsory Certification testing.") +
         provision("mr-en", "en", "Item three", "Both sides pursue mutual recognition of results.") +
         provision("mr-zh", "zh-Hant", "Item four", "雙方推動相互承認檢測結果。") +
         provision("acc-zh", "zh-Hant", "Item five", "香港認可處的認可服務。") +
         provision("cma-zh", "zh-Hant", "Item six", "內地檢驗檢測機構須取得資質認定。") +
         provision("word", "zh-Hant", "Item seven", "產品認證的安排。") +
         provision("bigram", "zh-Hant", "Item eight", "確認證書的安排。") +
         provision("lab-cn", "zh-Hans", "Item nine", "内地实验室的质量管理。") +
         provision("art-zh", "zh-Hant", "Item ten", "按第58條辦理。") +
         provision("art-en", "en", "Item eleven", "As provided in Article 59.") +
         // The one provision written in both languages: an exclusion must remove both documents.
         R"(<provision id="x/both"><citation lang="en">Item both</citation><topics>ccc</topics><version from="2019-01-01">
           <heading lang="en">Item twelve</heading>
           <text lang="en">Hong Kong bodies may carry out CCC factory inspections.</text>
           <text lang="zh-Hant">香港機構可進行CCC工廠檢查。</text></version></provision>
)" +
         R"(</instrument>
)";
}

struct Fixture {
  TempDir dir;
  std::string db = dir / "db";
  Fixture() {
    write_file(dir / "corpus/x.xml", instrument());
    Diagnostics d;
    Corpus c = load_corpus(collect_corpus_files({dir / "corpus"}, d), d);
    BOOST_REQUIRE(d.empty());
    write_index(c, {db, {dir / "corpus"}, {}});
  }
  std::vector<std::string> ids(const std::string& q) {
    Searcher s(db);
    SearchOptions o;
    o.query = q;
    o.as_of = *Date::parse("2024-01-01");
    o.limit = 20;
    std::vector<std::string> out;
    for (const auto& h : s.search(o).hits) out.push_back(h.id);
    return out;
  }
  bool finds(const std::string& q, const std::string& id) {
    auto found = ids(q);
    return std::find(found.begin(), found.end(), "x/" + id) != found.end();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(bilingual, Fixture)

BOOST_AUTO_TEST_CASE(traditional_and_simplified_queries_find_the_same) {
  BOOST_TEST(ids("检测") == ids("檢測"));
  BOOST_TEST(ids("资质认定") == ids("資質認定"));
  BOOST_TEST(finds("资质认定", "cma-zh"));
  BOOST_TEST(finds("ｃｃｃ", "ccc-en"));  // full-width letters
}

BOOST_AUTO_TEST_CASE(english_finds_chinese_only_provisions_and_back) {
  BOOST_TEST(finds("China Compulsory Certification", "ccc-zh"));
  BOOST_TEST(finds("CCC", "ccc-zh"));
  BOOST_TEST(finds("3C", "ccc-zh"));
  BOOST_TEST(finds("強制性產品認證", "ccc-en"));
  BOOST_TEST(finds("强制性产品认证", "ccc-en"));
  BOOST_TEST(finds("mutual recognition", "mr-zh"));
  BOOST_TEST(finds("互認", "mr-en"));
  BOOST_TEST(finds("HKAS", "acc-zh"));
  BOOST_TEST(finds("CMA", "cma-zh"));
  BOOST_TEST(finds("Article 58", "art-zh"));
  BOOST_TEST(finds("第59條", "art-en"));
  // Article 59 shares only the word "article": at most a partial match, ranked below.
  BOOST_TEST(ids("Article 58").front() == "x/art-zh");
}

BOOST_AUTO_TEST_CASE(regional_wording_finds_the_other_region) {
  BOOST_TEST(finds("實驗所", "lab-cn"));  // Hong Kong word, Mainland text
  BOOST_TEST(finds("質素", "lab-cn"));
  BOOST_TEST(finds("實驗室", "ccc-zh"));  // Mainland word, Hong Kong text
}

BOOST_AUTO_TEST_CASE(literal_words_rank_above_expanded_concepts) {
  auto found = ids("mutual recognition");
  for (auto& f : found) BOOST_TEST_MESSAGE(f);
  BOOST_TEST(found == (std::vector<std::string>{"x/mr-en", "x/mr-zh"}), boost::test_tools::per_element());
  found = ids("強制性產品認證");
  BOOST_REQUIRE(found.size() >= 2u);
  BOOST_TEST(found[0] == "x/ccc-zh");
}

BOOST_AUTO_TEST_CASE(sharing_a_character_is_not_a_match) {
  BOOST_TEST(!finds("互認", "acc-zh"));  // 認 alone is not 互認
  BOOST_TEST(!finds("認監委", "acc-zh"));
  BOOST_TEST(ids("認監委").empty());
}

BOOST_AUTO_TEST_CASE(words_rank_above_bigram_only_matches) {
  // 認證 is a word of 產品認證 but only a bigram across 確認|證書.
  auto found = ids("認證");
  BOOST_REQUIRE(found.size() >= 2u);
  auto word = std::find(found.begin(), found.end(), "x/word");
  auto bigram = std::find(found.begin(), found.end(), "x/bigram");
  BOOST_REQUIRE((word != found.end() && bigram != found.end()));
  BOOST_TEST((word < bigram));
}

BOOST_AUTO_TEST_CASE(phrases_work_in_both_languages) {
  BOOST_TEST(ids("\"強制性產品認證\"") == std::vector<std::string>{"x/ccc-zh"});
  BOOST_TEST(ids("\"mutual recognition\"") == std::vector<std::string>{"x/mr-en"});
  BOOST_TEST(ids("\"認證強制性\"").empty());  // the same characters in another order
  BOOST_TEST(ids("\"recognition mutual\"").empty());
}

BOOST_AUTO_TEST_CASE(mixed_script_queries_do_not_fail) {
  for (const char* q : {"ISO 認可實驗室 17025", "HOKLAS 認可abc", "3C認證 檢測", "CMA標誌", "第58條", "Article 58"})
    BOOST_CHECK_NO_THROW(ids(q));
  BOOST_TEST(finds("香港 強制性產品認證 testing", "ccc-zh"));  // relaxed to any word when none has all
}

BOOST_AUTO_TEST_CASE(exclusions_keep_their_meaning_across_languages) {
  // The excluded word names a concept: its Chinese forms are excluded too (檢測 in ccc-zh).
  for (const char* q : {"CCC NOT testing", "CCC -testing", "3C NOT testing"}) {
    BOOST_TEST(!finds(q, "ccc-zh"), q);
    BOOST_TEST(!finds(q, "ccc-en"), q);
    BOOST_TEST(finds(q, "both"), q);
  }
  BOOST_TEST(!finds("CCC -\"China Compulsory Certification\"", "ccc-zh"));  // a phrase naming a concept
  BOOST_TEST(finds("testing NOT CCC", "mr-zh"));
  BOOST_TEST(!finds("testing NOT CCC", "ccc-zh"));
  // A word only the English text has: the version is excluded, not just its English document.
  BOOST_TEST(finds("CCC", "both"));
  BOOST_TEST(!finds("CCC NOT factory", "both"));
  BOOST_TEST(!finds("CCC -factory", "both"));
  BOOST_TEST(finds("CCC NOT factory", "ccc-zh"));
}

BOOST_AUTO_TEST_CASE(a_query_of_exclusions_only_finds_everything_else) {
  auto found = ids("-CCC");
  BOOST_TEST(!found.empty());
  for (const char* id : {"ccc-en", "ccc-zh", "both"}) BOOST_TEST(!finds("-CCC", id), id);
  BOOST_TEST(finds("-CCC", "mr-en"));
  BOOST_TEST(!finds("-CCC -testing", "mr-zh"));  // 檢測結果
  BOOST_TEST(finds("-CCC -testing", "acc-zh"));
}

BOOST_AUTO_TEST_SUITE_END()
