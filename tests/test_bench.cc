#define BOOST_TEST_MODULE bench
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <filesystem>

#include "baseline_indexer.h"
#include "corpus.h"
#include "index_writer.h"
#include "query_mix.h"
#include "stats.h"
#include "skip_unless.h"
#include "test_support.h"
#include "twlaw_corpus.h"

using namespace provisio;
using namespace provisio::bench;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// Two made-up laws in the source's shape (Chinese lines first, English after them, as in the
// real file): one translated, with a preamble, a repeated article number and layout line breaks;
// one in Chinese only.
const char* kArticles =
    R"({"id": "Z0000001-zh-Hant-0", "lang": "zh-Hant", "pcode": "Z0000001", "law": "測試實驗室管理法", "no": "preamble", "text": "為管理測試\n實驗室，特制定本法。"}
{"id": "Z0000001-zh-Hant-1", "lang": "zh-Hant", "pcode": "Z0000001", "law": "測試實驗室管理法", "no": "第 1 條", "text": "實驗室應經認可。"}
{"id": "Z0000001-zh-Hant-2", "lang": "zh-Hant", "pcode": "Z0000001", "law": "測試實驗室管理法", "no": "第 2-1 條", "text": "檢測報告應保存五年。"}
{"id": "Z0000001-zh-Hant-3", "lang": "zh-Hant", "pcode": "Z0000001", "law": "測試實驗室管理法", "no": "第 2-1 條", "text": "重複條號。"}
{"id": "Z0000002-zh-Hant-0", "lang": "zh-Hant", "pcode": "Z0000002", "law": "樣品抽驗辦法", "no": "1", "text": "一、抽驗樣品由主管機關為之。"}
{"id": "Z0000001-en-0", "lang": "en", "pcode": "Z0000001", "law": "Testing Laboratories Act", "no": "Article 1", "text": "Laboratories shall be accre\ndited."}
{"id": "Z0000001-en-1", "lang": "en", "pcode": "Z0000001", "law": "Testing Laboratories Act", "no": "Article 2-1", "text": "Test reports shall be kept for five years."}
)";

Corpus load(const std::string& dir) {
  Diagnostics d;
  auto files = collect_corpus_files({dir}, d);
  Corpus c = load_corpus(files, d);
  for (const auto& x : d) BOOST_TEST_MESSAGE(x.to_string());
  BOOST_REQUIRE(d.empty());
  return c;
}

const Provision& provision(const Corpus& c, const std::string& id) {
  for (const auto& i : c.instruments)
    for (const auto& p : i.provisions)
      if (p.id == id) return p;
  BOOST_FAIL("no provision " + id);
  throw 0;
}

std::string text_of(const Provision& p, const std::string& lang) {
  for (const auto& t : p.versions.at(0).texts)
    if (t.lang == lang) return t.body;
  return "";
}

std::set<std::string> terms_with_prefix(const std::string& db_path, const std::string& prefix) {
  Xapian::Database db(db_path);
  std::set<std::string> out(db.allterms_begin(prefix), db.allterms_end(prefix));
  return out;
}

std::string shared_data() {
  return std::string(PROVISIO_SOURCE_DIR) + "/../shared/data/twlaw/articles.jsonl.xz";
}

}  // namespace

BOOST_AUTO_TEST_CASE(converter_pairs_translations_by_law_and_article_number) {
  TempDir dir;
  write_file(dir / "articles.jsonl", kArticles);
  ConvertReport r = convert_twlaw({dir / "articles.jsonl", dir / "corpus"});
  BOOST_TEST(r.articles == 7u);
  BOOST_TEST(r.english == 2u);
  BOOST_TEST(r.laws == 2u);
  BOOST_TEST(r.provisions == 5u);  // preamble, 1, 2-1, 2-1 again, and the second law's 1
  BOOST_TEST(r.paired == 2u);

  Corpus c = load(dir / "corpus");
  BOOST_TEST(c.instruments.size() == 2u);
  const Provision& art1 = provision(c, "tw-z0000001/1");
  BOOST_TEST(text_of(art1, "en") == "Laboratories shall be accre dited.");  // a line break is a space
  BOOST_TEST(text_of(art1, "zh-Hant") == "實驗室應經認可。");
  BOOST_TEST(art1.citations.at("en") == "Testing Laboratories Act, Article 1");
  BOOST_TEST(art1.citations.at("zh-Hant") == "《測試實驗室管理法》第 1 條");
  BOOST_TEST(text_of(provision(c, "tw-z0000001/preamble"), "zh-Hant") == "為管理測試實驗室，特制定本法。");
  BOOST_TEST(text_of(provision(c, "tw-z0000001/2-1"), "en") == "Test reports shall be kept for five years.");
  BOOST_TEST(text_of(provision(c, "tw-z0000001/2-1_2"), "zh-Hant") == "重複條號。");
  BOOST_TEST(text_of(provision(c, "tw-z0000001/2-1_2"), "en") == "");
  const Instrument& chinese_only = c.instruments[0].id == "tw-z0000002" ? c.instruments[0] : c.instruments[1];
  BOOST_TEST(chinese_only.titles.at("en") == "Taiwan law Z0000002 (no English translation)");
  BOOST_TEST(chinese_only.titles.at("zh-Hant") == "樣品抽驗辦法");
}

BOOST_AUTO_TEST_CASE(converter_slices_whole_laws_and_changes_a_fraction) {
  TempDir dir;
  write_file(dir / "articles.jsonl", kArticles);
  ConvertReport slice = convert_twlaw({dir / "articles.jsonl", dir / "slice", 1});
  // One article asked for: the first law in the fixed order, whole (1 or 6 articles).
  BOOST_TEST(slice.laws == 1u);
  BOOST_TEST((slice.articles == 1u || slice.articles == 6u));

  ConvertReport all = convert_twlaw({dir / "articles.jsonl", dir / "changed", 0, 1.0, 3});
  BOOST_TEST(all.changed == 7u);
  Corpus c = load(dir / "changed");
  BOOST_TEST(text_of(provision(c, "tw-z0000001/1"), "en") ==
             "Laboratories shall be accre dited. (amended for the benchmark)");
  BOOST_TEST(text_of(provision(c, "tw-z0000001/1"), "zh-Hant") == "實驗室應經認可。（基準測試修訂）");

  ConvertReport none = convert_twlaw({dir / "articles.jsonl", dir / "changed", 0, 0.0, 3});
  BOOST_TEST(none.changed == 0u);
  BOOST_TEST(std::distance(std::filesystem::directory_iterator(dir / "changed"),
                           std::filesystem::directory_iterator()) == 2);
}

BOOST_AUTO_TEST_CASE(converter_names_the_file_and_line_of_bad_input) {
  TempDir dir;
  write_file(dir / "bad.jsonl", std::string(kArticles).substr(0, std::string(kArticles).find('\n') + 1) +
                                    "{\"id\": \"x\"}\n");
  try {
    convert_twlaw({dir / "bad.jsonl", dir / "out"});
    BOOST_FAIL("no error");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) == dir / "bad.jsonl" + ":2: no string field 'lang'");
  }
  try {
    convert_twlaw({dir / "missing.jsonl", dir / "out"});
    BOOST_FAIL("no error");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) == dir / "missing.jsonl" + ": no such file");
  }
}

BOOST_AUTO_TEST_CASE(baseline_indexes_the_same_documents_with_ngrams) {
  TempDir dir;
  write_file(dir / "articles.jsonl", kArticles);
  convert_twlaw({dir / "articles.jsonl", dir / "corpus"});
  Corpus c = load(dir / "corpus");
  write_index(c, {dir / "ours", {dir / "corpus"}, {}});
  BaselineReport r = write_baseline_index(c, dir / "baseline");
  BOOST_TEST(r.documents == 7u);
  BOOST_TEST((terms_with_prefix(dir / "ours", "Q") == terms_with_prefix(dir / "baseline", "Q")));
  Xapian::Database base(dir / "baseline");
  // Xapian's n-grams: unfolded Traditional bigrams (the law's title is in every Chinese citation).
  BOOST_TEST(base.get_termfreq("檢測") == 1u);
  BOOST_TEST(base.get_termfreq("实验") == 0u);
  BOOST_TEST(base.get_termfreq("實驗") == 4u);
  BOOST_TEST(base.get_termfreq("Zlaboratori") == 2u);
  try {
    write_baseline_index(c, dir / "baseline");
    BOOST_FAIL("no error");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) == dir / "baseline" + ": already exists; the baseline writes a new index");
  }
}

BOOST_AUTO_TEST_CASE(query_mix_has_every_kind_of_query) {
  auto queries = load_query_mix(std::string(PROVISIO_SOURCE_DIR) + "/bench/queries.tsv");
  BOOST_TEST(queries.size() >= 200u);
  std::map<std::string, std::size_t> per_category;
  for (const auto& q : queries) ++per_category[q.category];
  for (const char* c : {"en", "zh-Hant", "zh-Hans", "mixed", "phrase", "filter", "as-of"})
    BOOST_TEST(per_category[c] >= 10u, c);
  BOOST_TEST(per_category.size() == 7u);
}

BOOST_AUTO_TEST_CASE(query_mix_errors_name_the_line) {
  TempDir dir;
  write_file(dir / "q.tsv", "# comment\nen\ttesting\tlang=en as-of=2020-01-01\nen\ttesting\tcolour=red\n");
  try {
    load_query_mix(dir / "q.tsv");
    BOOST_FAIL("no error");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) == dir / "q.tsv" + ":3: unknown option 'colour'");
  }
  write_file(dir / "q.tsv", "en\ttesting\tas-of=2020-02-30\n");
  try {
    load_query_mix(dir / "q.tsv");
    BOOST_FAIL("no error");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) == dir / "q.tsv" + ":1: bad date '2020-02-30': expected YYYY-MM-DD");
  }
}

BOOST_AUTO_TEST_CASE(quantiles_use_the_nearest_rank) {
  std::vector<double> v;
  for (int i = 100; i >= 1; --i) v.push_back(i);
  BOOST_TEST(quantile(v, 0.5) == 50.0);
  BOOST_TEST(quantile(v, 0.95) == 95.0);
  BOOST_TEST(quantile(v, 0.99) == 99.0);
  BOOST_TEST(quantile(v, 1.0) == 100.0);
  BOOST_TEST(median({3.0, 1.0, 2.0, 10.0}) == 2.5);
  BOOST_TEST(quantile({}, 0.5) == 0.0);
}

// The smoke test of the real benchmark: a tiny slice of the shared corpus, every table printed.
BOOST_AUTO_TEST_CASE(benchmark_smoke_on_the_shared_corpus, *provisio::testing::skip_unless_exists(shared_data())) {
  TempDir dir;
  auto r = testing::run_program(std::string("'") + PROVISIO_BENCH_BINARY + "' run --slices 300 --runs 1 " +
                                "--query-repeat 1 --search-runs 1 --work '" + (dir / "work") + "'");
  BOOST_TEST(r.status == 0, r.err);
  for (const char* expected : {"| provisio |", "| xapian n-gram |", "**ratio**", "| all | ",
                               "Whole-process `provisio search`", "| unchanged corpus |",
                               "| 1% of articles changed |", "| quest (xapian n-gram) |",
                               "| xapian n-gram (baseline, same queries) |", "Against the targets (issue 17)",
                               "| whole-process search p50 < 20 ms (bundled corpus) |"})
    BOOST_TEST(r.out.find(expected) != std::string::npos, expected);
  BOOST_TEST(!std::filesystem::exists(dir / "work/slice-300"));  // cleaned up without --keep
  BOOST_TEST(!std::filesystem::exists(dir / "work/bundled-baseline"));
}
