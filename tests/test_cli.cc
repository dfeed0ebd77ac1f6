#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>
#include <set>

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
  BOOST_TEST(hit["superseded"] == false);
  BOOST_TEST(j["superseded"] == 0);
  BOOST_TEST(j["unit"] == "provisions");
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

// A query in Chinese reads in Chinese, in its own script: one language for the whole list, English
// only beside it with --parallel (issue 13, item 7). Before, each hit came in the language of the
// document that matched best, and a Simplified query was shown in Traditional.
BOOST_AUTO_TEST_CASE(a_chinese_query_lists_every_hit_in_chinese_of_its_script) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("search --db '" + db + "' --json 相互承认");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(!j["results"].empty());
  for (const auto& hit : j["results"]) BOOST_TEST(hit["lang"] == "zh-Hans", hit.dump());
  BOOST_TEST(j["results"][0]["heading"] == "相互承认检测结果");
  j = nlohmann::json::parse(run("search --db '" + db + "' --json 相互承認").out);
  BOOST_REQUIRE(!j["results"].empty());
  for (const auto& hit : j["results"]) BOOST_TEST(hit["lang"] == "zh-Hant", hit.dump());
  BOOST_TEST(j["results"][0]["heading"] == "相互承認檢測結果");
  j = nlohmann::json::parse(run("search --db '" + db + "' --json --parallel 相互承认").out);
  BOOST_TEST(j["results"][0]["lang"] == "zh-Hans");
  BOOST_TEST(j["results"][0]["parallel"][0]["lang"] == "en");
}

// --lang zh-Hans shows Simplified wherever it is accepted; the corpus has Traditional text, converted
// for display (issue 13, item 8). Before, show printed no text, diff failed and list printed English.
BOOST_AUTO_TEST_CASE(simplified_chinese_in_show_diff_and_list) {
  write_file(corpus + "/gd.xml", R"(<instrument id="gd" kind="measure" signed="2019-01-01" effective="2019-01-01">
  <title lang="en">Testing measure</title>
  <title lang="zh-Hant">檢測措施</title>
  <division type="article" number="1">
    <heading lang="en">Toys</heading>
    <provision id="gd/1">
      <citation lang="en">Article 1</citation>
      <citation lang="zh-Hant">第一條</citation>
      <topics>ccc</topics>
      <version from="2019-01-01" to="2021-01-01">
        <heading lang="en">Testing of toys</heading>
        <heading lang="zh-Hant">玩具檢測</heading>
        <text lang="en">Hong Kong laboratories may test toys.</text>
        <text lang="zh-Hant">香港實驗所可檢測玩具。</text>
      </version>
      <version from="2021-01-01">
        <heading lang="en">Testing of toys</heading>
        <heading lang="zh-Hant">玩具檢測</heading>
        <text lang="en">Hong Kong laboratories may test toys and electrical products.</text>
        <text lang="zh-Hant">香港實驗所可檢測玩具及電器產品。</text>
      </version>
    </provision>
  </division>
</instrument>
)");
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("show --db '" + db + "' --lang zh-Hans tig/art58/2");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("相互承认检测结果  [zh-Hans, digest") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("经认可的香港实验所可进行强制性产品认证检测") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("第五十八条第二款") != std::string::npos, r.out);
  auto j = nlohmann::json::parse(run("show --db '" + db + "' --lang zh-Hans --json tig/art58/2").out);
  BOOST_TEST(j["versions"][0]["texts"][0]["lang"] == "zh-Hans");

  r = run("diff --db '" + db + "' --lang zh-Hans gd/1");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("香港实验所可检测玩具{+及电器产品+}。") != std::string::npos, r.out);

  j = nlohmann::json::parse(run("list --db '" + db + "' --lang zh-Hans --json").out);
  std::string headings = j.dump();
  BOOST_TEST(headings.find("相互承认检测结果") != std::string::npos, headings);
  BOOST_TEST(headings.find("玩具检测") != std::string::npos, headings);
  BOOST_TEST(headings.find("Testing of toys") == std::string::npos, headings);
}

// For scripts: --ids prints one id a line, --count only the number (issue 13, item 15).
BOOST_AUTO_TEST_CASE(search_ids_and_count_for_scripts) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("search --db '" + db + "' --ids mutual recognition");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "tig/art58/2\n");
  r = run("search --db '" + db + "' --ids 'recognition OR standards'");
  std::string ranked;  // the ids of the same search's JSON, in rank order
  auto json = nlohmann::json::parse(run("search --db '" + db + "' --json 'recognition OR standards'").out);
  for (const auto& hit : json["results"])
    ranked += hit["id"].get<std::string>() + "\n";
  BOOST_TEST(r.out == ranked);
  BOOST_TEST((ranked == "tig/art58/2\ntig/art58/1\n" || ranked == "tig/art58/1\ntig/art58/2\n"));
  r = run("search --db '" + db + "' --count 'recognition OR standards'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "2\n");
  BOOST_TEST(run("search --db '" + db + "' --count zebra").out == "0\n");
  r = run("search --db '" + db + "' --ids --json CCC");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.find("provisio: --json excludes --ids\n") == 0u, r.err);
}

// --color=always forces colour (into a pipe, with NO_COLOR too); never turns it off on a terminal;
// auto is the default rule, where NO_COLOR wins (issue 13, item 15).
BOOST_AUTO_TEST_CASE(color_option_beside_no_color) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  CommandResult r = run("search --db '" + db + "' --color=always 检测");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("\033[1m") != std::string::npos, r.out);
  r = run("--color always search --db '" + db + "' 检测");
  BOOST_TEST(r.out.find("\033[1m") != std::string::npos, r.out);
  BOOST_TEST(run("search --db '" + db + "' --color=auto 检测").out.find("\033[") == std::string::npos);
  std::string search = std::string("'") + PROVISIO_BINARY + "' search --db '" + db + "' 检测";
  std::string home = "HOME='" + (dir / "home") + "' ";
  std::string plain = provisio::testing::run_on_terminal("env -u NO_COLOR " + home + search + " --color=never");
  BOOST_TEST(plain.find("tig/art58/2") != std::string::npos, plain);
  BOOST_TEST(plain.find("\033[") == std::string::npos, plain);
  plain = provisio::testing::run_on_terminal("env NO_COLOR=1 " + home + search + " --color=auto");
  BOOST_TEST(plain.find("\033[") == std::string::npos, plain);
  r = run("search --db '" + db + "' --color=sometimes 检测");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.find("--color: sometimes not in {auto,always,never}") != std::string::npos, r.err);
}

// provisio help COMMAND is provisio COMMAND --help (issue 13, item 15).
BOOST_AUTO_TEST_CASE(help_command_shows_a_command_s_help) {
  CommandResult r = run("help search");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == run("search --help").out);
  BOOST_TEST(r.out.find("--ids") != std::string::npos, r.out);
  BOOST_TEST(run("help submission add").out == run("submission add --help").out);
  r = run("help");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out == run("--help").out);
  BOOST_TEST(r.out.find("help") != std::string::npos);
  r = run("help serach");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.find("provisio: unknown command 'serach'; did you mean 'search'?") == 0u, r.err);
}

BOOST_AUTO_TEST_CASE(filter_options_take_one_value_and_reject_unknown_ones) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  // The words after a filter's value are the query, not more values.
  CommandResult r = run("search --db '" + db + "' --json --topic ccc mutual recognition --limit 2");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["query"] == "mutual recognition");
  BOOST_TEST(j["results"][0]["id"] == "tig/art58/2");
  r = run("search --db '" + db + "' --json --instrument tig conformity assessment");
  BOOST_TEST(r.status == 0, r.err);
  j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["query"] == "conformity assessment");
  r = run("search --db '" + db + "' --json --topic ccc --topic standards standards");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out)["results"][0]["id"] == "tig/art58/1");
  // Unknown values are errors naming the known ones, as instrument: and topic: in the query are.
  r = run("search --db '" + db + "' --instrument nope testing");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: unknown instrument 'nope' in --instrument (known: tig)\n", r.err);
  BOOST_TEST(r.out.empty());
  r = run("search --db '" + db + "' --topic bogus testing");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: unknown topic 'bogus' in --topic (known: ") == 0u, r.err);
  BOOST_TEST(r.err.find("ccc") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(superseded_versions_that_match_better_are_marked) {
  // t/1 is in force with new wording; its old wording and t/2, which has ended, match better.
  write_file(corpus + "/t.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="t" kind="agreement" signed="2010-01-01">
  <title lang="en">T</title>
  <title lang="zh-Hant">甲</title>
  <provision id="t/1"><citation lang="en">Item 1</citation><topics>ccc</topics>
    <version from="2010-01-01" to="2020-01-01"><heading lang="en">Pilot</heading>
      <text lang="en">A pilot for toys and lighting.</text></version>
    <version from="2020-01-01" by="t-amend-2020"><heading lang="en">All products</heading>
      <text lang="en">Testing of all products.</text></version>
  </provision>
</instrument>
)");
  BOOST_REQUIRE_EQUAL(index().status, 0);
  std::string search = "search --db '" + db + "' --as-of 2024-01-01 ";
  auto j = nlohmann::json::parse(run(search + "--json 'pilot toys lighting products'").out);
  BOOST_REQUIRE_EQUAL(j["results"].size(), 2u);
  BOOST_TEST(j["superseded"] == 1);
  BOOST_TEST(j["total"] == 1);
  BOOST_TEST(j["results"][0]["superseded"] == false);
  BOOST_TEST(j["results"][1]["superseded"] == true);
  BOOST_TEST(j["results"][1]["rank"] == 2);
  BOOST_TEST(j["results"][1]["effective_to"] == "2020-01-01");
  BOOST_TEST(j["results"][1]["superseded_by"] == "t-amend-2020");
  CommandResult r = run(search + "'pilot toys lighting products'");
  BOOST_TEST(r.out.find("showing 1–1; 1 superseded version that matches better than any in force (marked)") !=
                 std::string::npos, r.out);
  BOOST_TEST(r.out.find("superseded on 2020-01-01 by t-amend-2020") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(small_mistakes_get_a_clear_message) {
  BOOST_REQUIRE_EQUAL(index().status, 0);
  std::string search = "search --db '" + db + "' ";
  // Offsets that do not fit are refused, not wrapped or truncated.
  for (const char* offset : {"-1", "4294967296"}) {
    CommandResult r = run(search + "--offset " + offset + " -- testing");
    BOOST_TEST(r.status == 2, offset);
    BOOST_TEST(r.err.find("--offset") != std::string::npos, r.err);
    BOOST_TEST(r.out.empty(), r.out);
  }
  CommandResult r = run(search + "--as-of '' testing");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: bad date '' for --as-of: expected YYYY-MM-DD\n", r.err);
  r = run(search + "'the of and'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: the query 'the of and' has only common words (") == 0u, r.err);
  BOOST_TEST(run(search + "'\"the parties\"'").status == 0);
  // The unknown option is named, not a missing subcommand or query.
  r = run("-V");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.find("provisio: unknown option '-V'\n") == 0u, r.err);
  r = run("search --version");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.find("provisio: unknown option '--version'\n") == 0u, r.err);
  // A folder that is not an index: the folder and the fix, not Xapian's bare error.
  write_file(dir / "notindex/junk", "junk");
  r = run("search --db '" + (dir / "notindex") + "' testing");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: cannot open the index at " + (dir / "notindex") + ": ") == 0u, r.err);
  BOOST_TEST(r.err.find("provisio index --db") != std::string::npos, r.err);
  BOOST_TEST(r.err.find('\n') == r.err.size() - 1, r.err);  // one line
}

BOOST_AUTO_TEST_SUITE_END()

// The bundled corpus, indexed once per test case below.
struct Bundled {
  TempDir dir;
  std::string db = dir / "db";
  std::string env = "HOME='" + (dir / "home") + "' XDG_DATA_HOME= PROVISIO_DB= PROVISIO_HOME= NO_COLOR=1";
  Bundled() { BOOST_REQUIRE_EQUAL(run("index --db '" + db + "' '" + PROVISIO_SOURCE_CORPUS + "'").status, 0); }
  CommandResult run(const std::string& args) const { return run_provisio(args, env); }
};

// --ids names each provision once: the superseded version listed after the current hits may be an
// older version of a provision already printed (issue 13, item 15).
BOOST_FIXTURE_TEST_CASE(search_ids_prints_each_provision_once, Bundled) {
  CommandResult r = run("search --db '" + db + "' 'CCC NOT testing' --ids --limit 3");
  BOOST_TEST(r.status == 0, r.err);
  auto json = nlohmann::json::parse(run("search --db '" + db + "' 'CCC NOT testing' --json --limit 3").out);
  std::set<std::string> distinct;
  std::string expected;
  for (const auto& hit : json["results"])
    if (distinct.insert(hit["id"].get<std::string>()).second) expected += hit["id"].get<std::string>() + "\n";
  BOOST_TEST(json["results"].size() > distinct.size(), json.dump());  // the case this test is about
  BOOST_TEST(r.out == expected);
}

BOOST_FIXTURE_TEST_CASE(history_prints_the_seven_step_ccc_line_from_any_member, Bundled) {
  CommandResult r = run("history --db '" + db + "' cepa-tis/a1/t2/1fe/1");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("CCC testing scope: 7 steps since 2011, 5 provisions  [en]\n") == 0u, r.out);
  // In date order, each step headed by its date and instrument.
  std::size_t at = 0;
  for (const std::string step : {"1. 2011-01  Supplement VII", "2. 2012-04  Supplement VIII",
                                 "3. 2015-03-01  Agreement between the Mainland and Hong Kong on Achieving Basic",
                                 "4. 2016-06-01  CEPA Agreement on Trade in Services",
                                 "5. 2016-06-01  CEPA Agreement on Trade in Services",
                                 "6. 2019-03-01  CEPA Agreement on Trade in Services (as changed by cepa-tis-eol-2018)",
                                 "7. 2020-06-01  CEPA Agreement on Trade in Services (as changed by cepa-tis-amend-2019)"}) {
    std::size_t found = r.out.find(step, at);
    BOOST_TEST(found != std::string::npos, step << "\n" << r.out);
    if (found != std::string::npos) at = found;
  }
  BOOST_TEST(r.out.find("8. ") == std::string::npos);
  // Diffs between successive texts, marked without a terminal; where you are; what is in force.
  BOOST_TEST(r.out.find("changes from step 1 (supersedes):") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("changes from step 4 (next version):") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("{+") != std::string::npos);
  BOOST_TEST(r.out.find("[-") != std::string::npos);
  BOOST_TEST(r.out.find("cepa-tis/a1/t2/1fe/1  [from 2020-06-01, digest]  ◀ you are here  (in force today)") !=
                 std::string::npos, r.out);

  // The same line from another member, marked there; in Chinese and as JSON.
  r = run("history --db '" + db + "' cepa-s7/ts/1fe/ccc-pilot --lang zh-Hant --json");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["line"] == "CCC檢測範圍");
  BOOST_REQUIRE(j["steps"].size() == 7u);
  BOOST_TEST(j["steps"][0]["id"] == "cepa-s7/ts/1fe/ccc-pilot");
  BOOST_TEST(j["steps"][0]["here"] == true);
  BOOST_TEST(j["steps"][0]["changes"].is_null());
  BOOST_TEST(j["steps"][6]["id"] == "cepa-tis/a1/t2/1fe/1");
  BOOST_TEST(j["steps"][6]["here"] == false);
  BOOST_TEST(j["steps"][6]["in_force"] == true);
  BOOST_TEST(j["steps"][6]["follows"] == 4);
  BOOST_TEST(j["steps"][1]["text"].get<std::string>().find("強制性產品認證") != std::string::npos);
  BOOST_TEST(j["steps"][1]["changes"]["text"].size() > 1u);

  r = run("history --db '" + db + "' hkctc-views-2019/q1");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out == "hkctc-views-2019/q1 is on no commitment line: the corpus relates it to no earlier or later provision.\n");
  r = run("history --db '" + db + "' cepa-tis/a1/t2/1fe/9");
  BOOST_TEST(r.status == 1);
}

BOOST_FIXTURE_TEST_CASE(show_search_and_stats_carry_verification_and_the_line, Bundled) {
  CommandResult r = run("show --db '" + db + "' cepa-tis/a1/t2/1fe/2 --lang en");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("  checked against: SAMR news item of 7 March 2025 on the 2025 implementation guide, December 2026\n") !=
                 std::string::npos, r.out);
  BOOST_TEST(r.out.find("  unverified: When the Free Trade Zone version first applied") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("Version 1 of 3: from 2016-06-01, to 2020-06-01") != std::string::npos, r.out);
  r = run("show --db '" + db + "' cepa-tis/a1/t2/1fe/av --lang en");
  BOOST_TEST(r.out.find("  part of: CCC testing scope, 7 steps since 2011; `provisio history cepa-tis/a1/t2/1fe/av`\n") !=
                 std::string::npos, r.out);
  auto j = nlohmann::json::parse(run("show --db '" + db + "' cepa-tis/a1/t2/1fe/6 --json").out);
  BOOST_TEST(j["verification"]["status"] == "partly verified");
  BOOST_TEST(j["verification"]["checked"][0]["on"] == "2026-12-01");
  BOOST_TEST(j["verification"]["checked"][0]["approx"] == "month");
  BOOST_TEST(j["line"]["name"] == "Acceptance of each other's test data");
  BOOST_TEST(j["relations"][0]["type"] == "carries-over");

  r = run("search --db '" + db + "' 'CCC testing all products wherever made' --limit 3");
  BOOST_TEST(r.out.find("part of: CCC testing scope, 7 steps since 2011; `provisio history cepa-tis/a1/t2/1fe/1`") !=
                 std::string::npos, r.out);
  j = nlohmann::json::parse(run("search --db '" + db + "' 'CCC testing all products wherever made' --json").out);
  bool pointed = false;
  for (const auto& h : j["results"])
    if (h["id"] == "cepa-tis/a1/t2/1fe/1") pointed = h["line"]["command"] == "provisio history cepa-tis/a1/t2/1fe/1";
  BOOST_TEST(pointed);

  j = nlohmann::json::parse(run("stats --db '" + db + "' --json").out);
  std::size_t counted = 0;
  for (const char* status : {"verified", "partly-verified", "unverified", "not-stated"})
    counted += j["verification"][status]["provisions"].get<std::size_t>();
  BOOST_TEST(counted == j["total"]["provisions"].get<std::size_t>());
  BOOST_TEST(j["verification"]["not-stated"]["provisions"] == 0);
  BOOST_TEST(j["verification"]["unverified"]["provisions"] == 2);  // the two recalled ODP entries
  r = run("stats --db '" + db + "'");
  BOOST_TEST(r.out.find("by verification\n") != std::string::npos, r.out);
}
