// `provisio analyze` and `provisio segment`, run as a user would.
#define BOOST_TEST_MODULE analysis_cli
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "test_support.h"

using provisio::testing::run_provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

BOOST_AUTO_TEST_CASE(analyze_prints_terms_with_positions) {
  auto r = run_provisio("analyze '3C認證' testing");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err.empty());
  BOOST_TEST(r.out ==
             "1 3c\n2 认\n2 认证\n2 证\n3 testing\n- Ztest\n- Z认证\n");
}

BOOST_AUTO_TEST_CASE(analyze_shows_one_language_on_request) {
  auto en = run_provisio("analyze --lang en '3C認證' testing");
  auto zh = run_provisio("analyze --lang zh '3C認證' testing");
  auto all = run_provisio("analyze '3C認證' testing");
  BOOST_TEST(en.status == 0);
  BOOST_TEST(en.out.find("testing") != std::string::npos);
  BOOST_TEST(en.out.find("认证") == std::string::npos);
  BOOST_TEST(zh.out.find("认证") != std::string::npos);
  BOOST_TEST(zh.out.find("testing") == std::string::npos);
  BOOST_TEST(en.out.size() + zh.out.size() == all.out.size());
  BOOST_TEST(run_provisio("analyze --lang fr x").status == 2);
}

BOOST_AUTO_TEST_CASE(analyze_reports_invalid_utf8) {
  // The argument holds the byte 0xFF, which is not UTF-8.
  TempDir dir;
  write_file(dir / "bad.sh", std::string("'") + PROVISIO_BINARY + "' analyze \"$(printf '\\377檢測')\"\n");
  std::string out = dir / "out", err = dir / "err";
  int raw = std::system(("sh '" + dir / "bad.sh" + "' >'" + out + "' 2>'" + err + "'").c_str());
  BOOST_TEST(WEXITSTATUS(raw) == 0);
  BOOST_TEST(provisio::testing::read_file(err) == "provisio: the text has 1 invalid UTF-8 sequence (analysed as U+FFFD)\n");
  BOOST_TEST(provisio::testing::read_file(out).find("检测") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(segment_reads_lines_and_writes_words) {
  TempDir dir;
  write_file(dir / "in.txt", "粵港澳大灣區的資質認定\n\nCPC8676 與 3C認證\n");
  // run_provisio closes stdin: feed the file through the shell instead.
  std::string out = dir / "out";
  int raw = std::system(("'" + std::string(PROVISIO_BINARY) + "' segment < '" + dir / "in.txt" + "' > '" + out + "'").c_str());
  BOOST_TEST(WEXITSTATUS(raw) == 0);
  BOOST_TEST(provisio::testing::read_file(out) == "粵港澳大灣區 的 資質認定\n\nCPC8676 與 3C 認證\n");
  raw = std::system(("'" + std::string(PROVISIO_BINARY) + "' segment --plain-icu < '" + dir / "in.txt" + "' > '" + out + "'").c_str());
  BOOST_TEST(WEXITSTATUS(raw) == 0);
  BOOST_TEST(provisio::testing::read_file(out) != "粵港澳大灣區 的 資質認定\n\nCPC8676 與 3C 認證\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
  auto r = run_provisio("analyze");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.find("text is required") != std::string::npos);
  r = run_provisio("segment --bogus");
  BOOST_TEST(r.status == 2);
  r = run_provisio("segment --help");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out.find("Example:") != std::string::npos);
}

// The terms of a document depend on the word lists as well as on its text: after an edit to the
// domain lexicon, the next `provisio index` must analyse every document again.
BOOST_AUTO_TEST_CASE(editing_the_lexicon_reindexes_every_document) {
  TempDir dir;
  std::string source = std::string(PROVISIO_SOURCE_DIR) + "/corpus/";
  write_file(dir / "data/glossary.tsv", provisio::testing::read_file(source + "glossary.tsv"));
  write_file(dir / "data/lexicon.txt", provisio::testing::read_file(source + "lexicon.txt"));
  write_file(dir / "corpus/tig.xml", provisio::testing::sample_instrument());
  std::string env = "PROVISIO_DATA='" + dir / "data" + "' XDG_CACHE_HOME='" + dir / "cache" + "'";
  std::string index = "index --json --db '" + dir / "db" + "' '" + dir / "corpus" + "'";

  auto first = run_provisio(index, env);
  BOOST_TEST(first.status == 0);
  BOOST_TEST(first.out.find("\"added\":4") != std::string::npos);
  BOOST_TEST(run_provisio(index, env).out.find("\"changed\":false") != std::string::npos);

  write_file(dir / "data/lexicon.txt", provisio::testing::read_file(dir / "data/lexicon.txt") + "相互承認\n");
  auto after_edit = run_provisio(index, env);
  BOOST_TEST(after_edit.status == 0);
  BOOST_TEST(after_edit.out.find("\"replaced\":4") != std::string::npos);
  BOOST_TEST(run_provisio(index, env).out.find("\"changed\":false") != std::string::npos);
}

// The lexicon cache goes to $XDG_CACHE_HOME/provisio, one file for the current word lists and fold
// table; caches left by earlier word lists or fold tables are removed, a write in progress is not.
BOOST_AUTO_TEST_CASE(lexicon_cache_replaces_stale_caches) {
  TempDir dir;
  std::filesystem::create_directories(dir / "cache/provisio");
  write_file(dir / "cache/provisio/lexicon-0000000000000000.bin", "stale");
  write_file(dir / "cache/provisio/lexicon-1111111111111111.bin.tmp42", "another process writing");
  auto r = run_provisio("analyze 資質認定", "XDG_CACHE_HOME='" + dir / "cache" + "'");
  BOOST_TEST(r.status == 0, r.err);
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir / "cache/provisio"))
    names.push_back(e.path().filename().string());
  BOOST_TEST_REQUIRE(names.size() == 2u);
  // The write in progress is left alone (the new cache's name, a fingerprint, may sort either side).
  auto writing = std::find(names.begin(), names.end(), "lexicon-1111111111111111.bin.tmp42");
  BOOST_TEST_REQUIRE((writing != names.end()));
  const std::string& cache = names[writing == names.begin() ? 1 : 0];
  BOOST_TEST(cache.rfind("lexicon-", 0) == 0u);                 // the new cache…
  BOOST_TEST(cache != "lexicon-0000000000000000.bin");           // …and the stale one is gone
}
