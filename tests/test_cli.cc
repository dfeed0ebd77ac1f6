#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "terminal_run.h"
#include "test_support.h"

using provisio::testing::CommandResult;
using provisio::testing::run_provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// A folder with the sample corpus, and the environment that keeps the user's own index out of reach.
struct World {
  TempDir dir;
  std::string corpus = dir / "corpus";
  std::string db = dir / "db";
  std::string env = "HOME='" + (dir / "home") + "' XDG_DATA_HOME= PROVISIO_DB= PROVISIO_HOME= NO_COLOR=1";
  World() { write_file(corpus + "/tig.xml", provisio::testing::sample_instrument()); }
  CommandResult run(const std::string& args) const { return run_provisio(args, env); }
  CommandResult index() const { return run("index --db '" + db + "' '" + corpus + "'"); }
};

// A digest of every file of a database folder: equal digests mean the database was not touched.
std::string snapshot(const std::string& folder) {
  std::string s;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.is_regular_file())
      s += e.path().filename().string() + ":" + provisio::testing::read_file(e.path().string()) + "\n";
  return s;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli, World)

BOOST_AUTO_TEST_CASE(index_prints_a_summary_and_is_idempotent) {
  CommandResult r = index();
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("indexed 1 instruments, 2 provisions, 3 versions (en, zh-Hant) into ") == 0u, r.out);
  BOOST_TEST(r.out.find("4 added, 0 replaced, 0 deleted") != std::string::npos, r.out);
  r = index();
  BOOST_TEST(r.out.find("nothing changed") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(malformed_corpus_is_reported_and_leaves_the_index_alone) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  std::string before = snapshot(db);
  write_file(corpus + "/broken.xml", "<instrument id=\"b\" kind=\"plan\" signed=\"2019-01-01\">\n  <title lang=\"en\">B</title>\n  <oops>\n</instrument>\n");
  CommandResult r = index();
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find(corpus + "/broken.xml:4:3: malformed XML: Start-end tags mismatch\n") == 0u, r.err);
  BOOST_TEST(r.err.find("was not changed") != std::string::npos, r.err);
  BOOST_TEST(snapshot(db) == before);

  write_file(corpus + "/broken.xml", "<instrument id=\"b\" kind=\"plan\" signed=\"2019-31-01\">\n<title lang=\"en\">B</title><title lang=\"zh-Hant\">乙</title></instrument>\n");
  r = index();
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find(corpus + "/broken.xml:1:1: bad date '2019-31-01' in 'signed'") == 0u, r.err);
  BOOST_TEST(snapshot(db) == before);
}

BOOST_AUTO_TEST_CASE(search_prints_json_of_the_documented_shape) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("search --db '" + db + "' --json mutual recognition");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["query"] == "mutual recognition");
  BOOST_TEST(j["total"] == 1);
  const auto& hit = j["results"].at(0);
  for (const char* key : {"id", "instrument", "citation", "heading", "lang", "score", "snippet", "topics",
                          "effective_from", "effective_to"})
    BOOST_TEST(hit.contains(key), key);
  BOOST_TEST(hit["id"] == "tig/art58/2");
  BOOST_TEST(hit["instrument"] == "tig");
  BOOST_TEST(hit["score"].is_number());
  BOOST_TEST(hit["effective_to"].is_null());
  BOOST_TEST((hit["topics"] == nlohmann::json{"mutual-recognition", "ccc"}));
}

BOOST_AUTO_TEST_CASE(hits_are_shown_in_the_language_of_the_query) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  // "conformity assessment" also matches the Chinese text through the glossary (合格評定).
  auto en = nlohmann::json::parse(run("search --db '" + db + "' --json conformity assessment").out);
  BOOST_TEST(en["results"][0]["lang"] == "en");
  auto zh = nlohmann::json::parse(run("search --db '" + db + "' --json 合格評定").out);
  BOOST_TEST(zh["results"][0]["lang"] == "zh-Hant");
}

// Colour appears on a terminal, and never there with NO_COLOR (https://no-color.org). The test runs
// provisio on a pseudo-terminal: with stdout on a file, both halves would pass whatever it did.
BOOST_AUTO_TEST_CASE(colour_only_on_a_terminal_and_never_with_no_color) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  std::string search = std::string("'") + PROVISIO_BINARY + "' search --db '" + db + "' 检测";
  std::string home = "HOME='" + (dir / "home") + "' ";
  std::string coloured = provisio::testing::run_on_terminal("env -u NO_COLOR " + home + search);
  BOOST_TEST(coloured.find("tig/art58/2") != std::string::npos, coloured);
  BOOST_TEST(coloured.find("\033[1m") != std::string::npos, coloured);
  std::string plain = provisio::testing::run_on_terminal("env NO_COLOR=1 " + home + search);
  BOOST_TEST(plain.find("tig/art58/2") != std::string::npos, plain);
  BOOST_TEST(plain.find("\033[") == std::string::npos, plain);
}

BOOST_AUTO_TEST_CASE(search_in_chinese_and_with_no_result) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("search --db '" + db + "' 检测");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("1. tig/art58/2") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("\033[") == std::string::npos);  // not a terminal (and NO_COLOR)
  r = run("search --db '" + db + "' zebra");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out.find("No provision in force on") == 0u, r.out);
}

BOOST_AUTO_TEST_CASE(show_known_and_unknown_ids) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("show --db '" + db + "' tig/art58/1");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("Version 1 of 2: from 2019-01-01, to 2020-06-01") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("Version 2 of 2: from 2020-06-01, in force (by amendment)") != std::string::npos, r.out);
  r = run("show --db '" + db + "' --json tig/art58/2");
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["versions"].size() == 1u);
  BOOST_TEST(j["versions"][0]["texts"].size() == 2u);
  BOOST_TEST((j["refs"] == nlohmann::json{"tig/art58/1"}));
  r = run("show --db '" + db + "' tig/art58/3");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: unknown provision id 'tig/art58/3'; did you mean tig/art58/1, tig/art58/2?\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2_and_bad_input_exits_1) {
  BOOST_TEST(run("").status == 2);
  BOOST_TEST(run("frobnicate").status == 2);
  CommandResult typo = run("serach testing");
  BOOST_TEST(typo.status == 2);
  BOOST_TEST(typo.err == "provisio: unknown command 'serach'; did you mean 'search'?\n"
                         "Run 'provisio --help' for the list of commands.\n");
  BOOST_TEST(run("search --db x --frob q").status == 2);
  BOOST_TEST(run("search --db x --lang fr q").status == 2);
  CommandResult help = run("search --help");
  BOOST_TEST(help.status == 0);
  BOOST_TEST(help.out.find("--as-of") != std::string::npos);
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("search --db '" + db + "' --as-of 2019-02-30 testing");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: bad date '2019-02-30' for --as-of: expected YYYY-MM-DD\n");
  r = run("search --db '" + db + "' '  '");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: empty query: give some words to search for\n");
  r = run("search --db '" + (dir / "none") + "' testing");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: no index at ") == 0u, r.err);
  r = run("index --db '" + db + "' '" + (dir / "missing") + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find(dir / "missing" + ": no such file or folder\n") == 0u, r.err);
}

BOOST_AUTO_TEST_CASE(search_builds_the_default_index_from_the_bundled_corpus) {
  CommandResult r = run_provisio("search --json testing", env + " PROVISIO_CORPUS='" + corpus + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.err.find("building it from the bundled corpus") != std::string::npos, r.err);
  BOOST_TEST(std::filesystem::exists(dir / "home/.local/share/provisio/index"));
  BOOST_TEST(nlohmann::json::parse(r.out)["total"].get<int>() >= 1);
}

BOOST_AUTO_TEST_CASE(diff_marks_changes_without_a_terminal) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("diff --db '" + db + "' tig/art58/1");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "tig/art58/1 [en, digest]: version from 2019-01-01 → version from 2020-06-01\n\n"
                      "Standards cooperation\n\n"
                      "The parties exchange information on standards{+ and align technical regulations+}.\n");
  r = run("diff --db '" + db + "' --json --from 2019-05-01 --to 2021-01-01 tig/art58/1");
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["from"]["effective_from"] == "2019-01-01");
  BOOST_TEST(j["to"]["effective_from"] == "2020-06-01");
  BOOST_TEST((j["text"][1] == nlohmann::json{{"op", "insert"}, {"text", " and align technical regulations"}}));
  r = run("diff --db '" + db + "' tig/art58/2");
  BOOST_TEST(r.out == "tig/art58/2 has a single version (from 2019-01-01): nothing to compare.\n");
  r = run("diff --db '" + db + "' --from 2010-01-01 tig/art58/1");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: tig/art58/1 had no version in force on 2010-01-01\n");
  BOOST_TEST(run("diff --db '" + db + "' --to 2019-13-01 tig/art58/1").status == 1);
}

BOOST_AUTO_TEST_CASE(show_as_of_a_date) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("show --db '" + db + "' --json --as-of 2019-06-01 tig/art58/1");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_REQUIRE_EQUAL(j["versions"].size(), 1u);
  BOOST_TEST(j["versions"][0]["effective_to"] == "2020-06-01");
  r = run("show --db '" + db + "' --as-of 2001-01-01 tig/art58/1");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: tig/art58/1 was not in force on 2001-01-01 (it has effect from 2019-01-01)\n");
}

BOOST_AUTO_TEST_CASE(list_and_stats_walk_the_index) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("list --db '" + db + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "tig  Agreement on Trade in Goods\n"
                      "  Article 58 (Conformity assessment)\n"
                      "    tig/art58/1  Article 58(1) — Standards cooperation\n"
                      "    tig/art58/2  Article 58(2) — Mutual recognition of test results\n");
  r = run("list --db '" + db + "' --topic ccc --json");
  BOOST_TEST(nlohmann::json::parse(r.out)["provisions"].size() == 1u);
  r = run("list --db '" + db + "' --instrument nope");
  BOOST_TEST(r.status == 1);
  r = run("stats --db '" + db + "' --json");
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["total"]["provisions"] == 2);
  BOOST_TEST(j["total"]["versions"] == 3);
  BOOST_TEST(j["instruments"]["tig"]["documents"] == 4);
  BOOST_TEST(j["topics"]["ccc"]["provisions"] == 1);
  BOOST_TEST(j["languages"]["zh-Hant"]["provisions"] == 1);
}

BOOST_AUTO_TEST_CASE(search_options_for_display_and_counting) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("search --db '" + db + "' --json --facets --parallel --script hans mutual recognition");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["facets"]["instrument"][0]["value"] == "tig");
  BOOST_TEST(j["results"][0]["parallel"][0]["heading"] == "相互承认检测结果");
  BOOST_TEST(j["results"][0]["parallel"][0]["lang"] == "zh-Hans");
  r = run("search --db '" + db + "' --lang zh-Hans mutual recognition");
  BOOST_TEST(r.out.find("相互承认检测结果") != std::string::npos, r.out);
  r = run("search --db '" + db + "' 'topic:cars x'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: unknown topic 'cars'") == 0u, r.err);
  r = run("search --db '" + db + "' '\"mutual recognition'");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "provisio: unbalanced quote: read as if closed at the end of the query\n");
  r = run("search --db '" + db + "' recogniton");
  BOOST_TEST(r.err.find("provisio: did you mean \"recognition\"?") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
