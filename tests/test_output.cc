#define BOOST_TEST_MODULE output
#include <boost/test/unit_test.hpp>

#include "corpus.h"
#include "history_output.h"
#include "provision_output.h"
#include "search_output.h"
#include "submission_output.h"
#include "text_layout.h"

using namespace provisio;
using namespace provisio::output;

namespace {

// Visible stand-ins for ANSI sequences, so expected strings read plainly.
constexpr Style kMarked{"<b>", "<d>", "</>", "<del>", "<ins>"};

Hit hit(std::size_t rank, const std::string& id, const std::string& lang) {
  Hit h;
  h.rank = rank;
  h.id = id;
  h.instrument = "cepa-tis";
  h.citation = lang == "en" ? "Annex 1, item " + id.substr(id.size() - 1) : "附件1第" + id.substr(id.size() - 1) + "項";
  h.heading = lang == "en" ? "CCC testing" : "強制性產品認證檢測";
  h.lang = lang;
  h.score = 1.5;
  // Highlighted: "test" and 檢測 (byte ranges; "…" is three bytes).
  h.snippet = lang == "en" ? Snippet{"…may test CCC products…", {{7, 11}}} : Snippet{"…可檢測產品…", {{6, 12}}};
  h.topics = {"ccc"};
  h.effective_from = "2020-06-01";
  h.text_kind = "digest";
  return h;
}

SearchOptions options() {
  SearchOptions o;
  o.query = "CCC testing";
  o.as_of = *Date::parse("2025-06-01");
  return o;
}

StoredDocument doc(const std::string& lang, const std::string& from, std::optional<std::string> to,
                   const std::string& body) {
  StoredDocument d;
  d.id = "tis/1";
  d.instrument = "tis";
  d.instrument_title = lang == "en" ? "Services" : "服務";
  d.lang = lang;
  d.citation = lang == "en" ? "Item 1" : "第1項";
  d.heading = lang == "en" ? "Testing" : "檢測";
  d.divisions = {"Annex 1"};
  d.texts = {{"digest", body}};
  d.topics = {"ccc", "testing"};
  d.refs = {"tis/2"};
  d.effective_from = from;
  d.effective_to = std::move(to);
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(search_text_summary_hits_and_styles) {
  SearchResult r;
  r.query = "CCC testing";
  r.total = 12;
  r.complete = 4;
  r.hits = {hit(1, "tis/1", "en")};
  r.hits[0].effective_to = "2025-01-01";
  BOOST_TEST(search_text(r, options(), kMarked) ==
             "12 provisions match \"CCC testing\" (4 with every word) (in force on 2025-06-01); showing 1–1\n\n"
             "<b>1. tis/1</>  Annex 1, item 1  <d>[from 2020-06-01 to 2025-01-01]</>\n"
             "   CCC testing  <d>[en, digest]</>\n"
             "   …may <b>test</> CCC products…\n\n");
  r.counts_exact = false;
  r.complete = 12;
  SearchOptions all = options();
  all.all_versions = true;
  BOOST_TEST(search_text(r, all, Style::plain()).substr(0, 96) ==
             "about 12 provision versions match \"CCC testing\" (all versions up to 2025-06-01); showing 1–1\n\n");
}

BOOST_AUTO_TEST_CASE(search_text_without_hits) {
  SearchResult r;
  r.query = "zzz";
  BOOST_TEST(search_text(r, options(), kMarked) == "No provision in force on 2025-06-01 matches \"zzz\".\n");
  r.total = 3;
  BOOST_TEST(search_text(r, options(), kMarked) == "No more results: 3 match \"zzz\".\n");
}

BOOST_AUTO_TEST_CASE(search_text_parallel_below_and_side_by_side) {
  SearchResult r;
  r.query = "CCC";
  r.total = r.complete = 1;
  r.hits = {hit(1, "tis/1", "en")};
  r.hits[0].parallel = {hit(1, "tis/1", "zh-Hant")};
  std::string below = search_text(r, options(), Style::plain(), 80);
  BOOST_TEST(below.find("   CCC testing  [en, digest]\n   …may test CCC products…\n"
                        "   強制性產品認證檢測  [zh-Hant, digest]\n   …可檢測產品…\n\n") != std::string::npos);
  std::string wide = search_text(r, options(), Style::plain(), 100);
  // (100 - 6) / 2 = 47 columns a side; Chinese characters are two columns wide.
  BOOST_TEST(wide.find("   CCC testing [en]" + std::string(47 - 16 + 1, ' ') + "│ 強制性產品認證檢測 [zh-Hant]\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(search_json_is_one_line_with_every_field) {
  SearchResult r;
  r.query = "CCC";
  r.total = r.complete = 1;
  r.hits = {hit(1, "tis/1", "en")};
  r.hits[0].parallel = {hit(1, "tis/1", "zh-Hant")};
  SearchOptions o = options();
  o.facets = true;
  r.facets["lang"] = {{"en", 1}};
  BOOST_TEST(search_json(r, o) ==
             R"({"as_of":"2025-06-01","complete":1,"counts_exact":true,"facets":{"lang":[{"count":1,"value":"en"}]},)"
             R"("notes":[],"query":"CCC","results":[{"citation":"Annex 1, item 1","effective_from":"2020-06-01",)"
             R"("effective_to":null,"heading":"CCC testing","id":"tis/1","instrument":"cepa-tis","lang":"en","line":null,)"
             R"("parallel":[{"citation":"附件1第1項","heading":"強制性產品認證檢測","id":"tis/1","lang":"zh-Hant",)"
             R"("snippet":"…可檢測產品…","snippet_highlights":[[6,12]],"text_kind":"digest"}],"rank":1,"score":1.5,)"
             R"("snippet":"…may test CCC products…","snippet_highlights":[[7,11]],"superseded":false,"text_kind":"digest",)"
             R"("topics":["ccc"]}],"suggestion":null,"superseded":0,"total":1,"unit":"provisions"})"
             "\n");
}

BOOST_AUTO_TEST_CASE(show_text_and_json_group_versions) {
  std::vector<StoredDocument> docs = {doc("en", "2016-01-01", "2020-06-01", "Old."),
                                      doc("zh-Hant", "2016-01-01", "2020-06-01", "舊。"),
                                      doc("en", "2020-06-01", std::nullopt, "New.")};
  docs[2].by = "cepa-amend";
  docs[2].notes = {"changed"};
  BOOST_TEST(show_text(docs, "en", kMarked) ==
             "<b>tis/1</>\n"
             "  Item 1  <d>[en]</>\n"
             "  第1項  <d>[zh-Hant]</>\n"
             "  in: Annex 1\n"
             "  topics: ccc, testing\n"
             "  see also: tis/2\n"
             "  <d>verification: not stated</>\n"
             "\n<b>Version 1 of 2: from 2016-01-01, to 2020-06-01</>\n"
             "  <b>Testing</>  <d>[en, digest: our summary, not the official wording]</>\n"
             "  Old.\n"
             "\n<b>Version 2 of 2: from 2020-06-01, in force</> (by cepa-amend)\n"
             "  <b>Testing</>  <d>[en, digest: our summary, not the official wording]</>\n"
             "  New.\n"
             "  <d>note: changed</>\n");
  BOOST_TEST(show_json({docs[1]}, "all") ==
             R"({"citations":{"zh-Hant":"第1項"},"divisions":["Annex 1"],"id":"tis/1","instrument":"tis",)"
             R"("instrument_titles":{"zh-Hant":"服務"},"line":null,"refs":["tis/2"],"relations":[],"topics":["ccc","testing"],)"
             R"("verification":{"checked":[],"status":"not stated","unverified":null},)"
             R"("versions":[{"approx":null,"by":null,"effective_from":"2016-01-01","effective_to":"2020-06-01",)"
             R"("notes":[],"texts":[{"body":"舊。","heading":"檢測","kind":"digest","lang":"zh-Hant"}]}]})"
             "\n");
}

BOOST_AUTO_TEST_CASE(diff_marks_changes_with_and_without_colour) {
  std::vector<StoredDocument> docs = {doc("en", "2016-01-01", "2020-06-01", "Tests made in Hong Kong."),
                                      doc("en", "2020-06-01", std::nullopt, "Tests made anywhere.")};
  auto versions = versions_in(docs, "en");
  BOOST_REQUIRE(versions.size() == 2u);
  BOOST_TEST(*version_on(versions, *Date::parse("2020-05-31")) == 0u);
  BOOST_TEST(*version_on(versions, *Date::parse("2020-06-01")) == 1u);
  BOOST_TEST(!version_on(versions, *Date::parse("2015-12-31")));
  BOOST_TEST(diff_text("tis/1", "en", versions[0], versions[1], false, Style::plain()) ==
             "tis/1 [en, digest]: version from 2016-01-01 → version from 2020-06-01\n\n"
             "Testing\n\nTests made [-in Hong Kong-]{+anywhere+}.\n");
  BOOST_TEST(diff_text("tis/1", "en", versions[0], versions[1], false, kMarked) ==
             "<b>tis/1</> [en, digest]: version from 2016-01-01 → version from 2020-06-01\n\n"
             "Testing\n\nTests made <del>in Hong Kong</><ins>anywhere</>.\n");
  BOOST_TEST(diff_text("tis/1", "en", versions[1], versions[1], true, Style::plain()) ==
             "tis/1 [en, digest]: version from 2020-06-01 → version from 2020-06-01\nNo change in the en text.\n");
  BOOST_TEST(single_version_text("tis/1", versions[1]) ==
             "tis/1 has a single version (from 2020-06-01): nothing to compare.\n");
  BOOST_TEST(diff_json("tis/1", "en", versions[0], versions[1]) ==
             R"({"changed":true,"from":{"effective_from":"2016-01-01","effective_to":"2020-06-01","text_kind":"digest"},)"
             R"("heading":[{"op":"equal","text":"Testing"}],"id":"tis/1","lang":"en",)"
             R"("text":[{"op":"equal","text":"Tests made "},{"op":"delete","text":"in Hong Kong"},)"
             R"({"op":"insert","text":"anywhere"},{"op":"equal","text":"."}],)"
             R"("to":{"effective_from":"2020-06-01","effective_to":null,"text_kind":"digest"}})"
             "\n");
}

BOOST_AUTO_TEST_CASE(list_prints_a_tree_opening_each_division_once) {
  std::vector<ProvisionSummary> ps = {
      {"tig/art58/1", "tig", "Goods", "Article 58(1)", "Acceptance", "en", {"Chapter 7", "Article 58"}, {}, 1},
      {"tig/art58/2", "tig", "Goods", "Article 58(2)", "Testing", "en", {"Chapter 7", "Article 58"}, {}, 2},
      {"tis/1", "tis", "Services", "Item 1", "CCC", "en", {}, {"ccc"}, 1}};
  BOOST_TEST(list_text(ps, kMarked) ==
             "<b>tig</>  Goods\n"
             "  Chapter 7\n"
             "    Article 58\n"
             "      <b>tig/art58/1</>  Article 58(1) — Acceptance\n"
             "      <b>tig/art58/2</>  Article 58(2) — Testing\n"
             "\n<b>tis</>  Services\n"
             "  <b>tis/1</>  Item 1 — CCC\n");
  BOOST_TEST(list_text({}, kMarked) == "No provision matches.\n");
  BOOST_TEST(list_json({ps[2]}) ==
             R"({"provisions":[{"citation":"Item 1","divisions":[],"heading":"CCC","id":"tis/1","instrument":"tis",)"
             R"("lang":"en","topics":["ccc"]}]})"
             "\n");
}

BOOST_AUTO_TEST_CASE(stats_table_in_fixed_columns) {
  IndexStats s;
  s.by_instrument["tig"] = {2, 3, 5};
  s.by_lang["en"] = {2, 3, 3};
  s.total = {2, 3, 5};
  BOOST_TEST(stats_text(s) ==
             "                             provisions  versions  documents\n"
             "by instrument\n"
             "  tig                                 2         3          5\n"
             "by topic\n"
             "by language\n"
             "  en                                  2         3          3\n"
             "by verification\n"
             "total                                 2         3          5\n");
  BOOST_TEST(stats_json(s) ==
             R"({"instruments":{"tig":{"documents":5,"provisions":2,"versions":3}},)"
             R"("languages":{"en":{"documents":3,"provisions":2,"versions":3}},)"
             R"("total":{"documents":5,"provisions":2,"versions":3}})"
             "\n");
}

BOOST_AUTO_TEST_CASE(submission_lines_cut_long_titles_between_characters) {
  submissions::Submission s;
  s.id = "sub-0001";
  s.file_name = "a.eml";
  s.format = "eml";
  s.charset = "Big5";
  s.lang = "zh-Hant";
  s.text = std::string(69, 'x') + "檢測\nmore";
  BOOST_TEST(describe_submission(s) == "sub-0001 from a.eml (eml, Big5, zh-Hant)");
  // Byte 70 falls inside 檢: the cut moves back to the character's start.
  BOOST_TEST(submission_list_text("s.db", {s}, {{"sub-0001", 1}}) ==
             "sub-0001  ----------  zh-Hant  1 link   (sender unknown)\n    " + std::string(69, 'x') + "…\n");
  BOOST_TEST(submission_list_text("s.db", {}, {}) == "No submissions in s.db yet.\n");
  s.sender = "Lab";
  s.received = "2019-05-20";
  BOOST_TEST(filed_text({s}, {{"b.txt", "sub-0001", "", "", ""}}) ==
             "filed sub-0001 from a.eml (eml, Big5, zh-Hant, from Lab, received 2019-05-20)\n"
             "b.txt: already filed as sub-0001 (same content); not filed again\n");
}

BOOST_AUTO_TEST_CASE(links_and_suggestions) {
  submissions::Link l;
  l.submission = "sub-0001";
  l.target = "tis/1";
  l.kind = "provision";
  l.how = "suggested";
  l.score = 2.3456;
  l.created_by = "amy";
  l.created_at = "2026-01-01T00:00:00Z";
  l.removed_by = "bob";
  l.removed_at = "2026-01-02T00:00:00Z";
  l.removal_note = "wrong";
  BOOST_TEST(links_text({l}) ==
             "sub-0001 -> tis/1  provision, suggested (score 2.35), by amy at 2026-01-01T00:00:00Z; removed by bob at "
             "2026-01-02T00:00:00Z (wrong)\n");
  BOOST_TEST(links_text({}) == "No links.\n");
  BOOST_TEST(links_json({l}) ==
             R"({"links":[{"active":false,"at":"2026-01-01T00:00:00Z","by":"amy","how":"suggested","kind":"provision",)"
             R"("note":null,"removal_note":"wrong","removed_at":"2026-01-02T00:00:00Z","removed_by":"bob",)"
             R"("score":2.3456,"submission":"sub-0001","target":"tis/1","target_now":"tis/1","target_state":"current"}]})"
             "\n");
  submissions::Suggestion x;
  x.id = "tis/1";
  x.kind = "provision";
  x.score = 1.23456;
  x.heading = "CCC testing";
  x.matched_words = {"CCC", "testing"};
  x.submission_snippet = "we test";
  x.provision_snippet = "may test";
  BOOST_TEST(suggestions_text("sub-0001", {x}, kMarked) ==
             "<b>1. tis/1</>  provision, score 1.23\n   CCC testing\n   <d>words: </>CCC, testing\n"
             "   <d>submission: </>we test\n   <d>provision:  </>may test\n\n");
  BOOST_TEST(suggestions_text("sub-0001", {}, kMarked) ==
             "No suggestion for sub-0001: no provision or question scores high enough (see --min-score).\n");
  BOOST_TEST(accepted_text("sub-0001", {{"tis/1", "provision", "suggested", 1.0, ""}}, 1) ==
             "linked sub-0001 to 1 new target of the top 1 suggestions: tis/1\n");
  BOOST_TEST(added_text("sub-0001", 3, 1) == "linked sub-0001 to 1 target (2 already linked)\n");
  BOOST_TEST(added_json("sub-0001", 3, 1) == R"({"added":1,"already_linked":2,"submission":"sub-0001"})" "\n");
  BOOST_TEST(removed_text("sub-0001", "tis/1") == "removed the link from sub-0001 to tis/1 (kept in its history)\n");
}

BOOST_AUTO_TEST_CASE(report_counts_a_campaign_once_with_how_many_signed_it) {
  submissions::Report r;
  r.by = "question";
  r.rows = {{"q1", "question", "Views", {{"sub-0003", "A", "2019-05-20", "sub-0002", {"sub-0003", "sub-0004", "sub-0007"}},
                                       {"sub-0005", "", "", "", {}}}}};
  BOOST_TEST(format_report(r, "table") ==
             "q1  (2 submissions, 4 letters)  Views\n    sub-0003  2019-05-20  A  [campaign sub-0002, signed by 3]\n"
             "    sub-0005\n");
  BOOST_TEST(format_report(r, "csv") ==
             "\xEF\xBB\xBFquestion,kind,heading,count,letters,submissions\r\n"
             "q1,question,Views,2,4,\"sub-0003 (campaign sub-0002, signed by 3: sub-0003 sub-0004 sub-0007); sub-0005\"\r\n");
  BOOST_TEST(format_report(r, "md").find("| q1 | question | Views | 2 | 4 | sub-0003 (campaign sub-0002, signed by 3: "
                                         "sub-0003 sub-0004 sub-0007), sub-0005 |\n") != std::string::npos);
  auto j = nlohmann::json::parse(format_report(r, "json"));
  BOOST_TEST(j["rows"][0]["count"] == 2);
  BOOST_TEST(j["rows"][0]["letters"] == 4);
  BOOST_TEST(j["rows"][0]["submissions"][0]["campaign"]["id"] == "sub-0002");
  BOOST_TEST(j["rows"][0]["submissions"][0]["campaign"]["signed"] == 3);
  BOOST_TEST(j["rows"][0]["submissions"][0]["campaign"]["members"].size() == 3u);
  BOOST_TEST(j["rows"][0]["submissions"][1]["campaign"].is_null());
}

BOOST_AUTO_TEST_CASE(report_csv_quotes_and_markdown_escapes) {
  submissions::Report r;
  r.by = "topic";
  r.rows = {{"ccc", "topic", "", {{"sub-0001", "Lab, \"A\"", "2019-05-20", "", {}}, {"sub-0002", "", "", "", {}}}}};
  r.rows.push_back({"a|b", "topic", "line\nbreak", {}});
  BOOST_TEST(format_report(r, "csv") ==
             "\xEF\xBB\xBFtopic,kind,heading,count,letters,submissions\r\nccc,topic,,2,2,sub-0001; sub-0002\r\n"
             "a|b,topic,\"line\nbreak\",0,0,\r\n");
  BOOST_TEST(format_report(r, "md") ==
             "| topic | kind | heading | count | letters | submissions |\n|---|---|---|---:|---:|---|\n"
             "| ccc | topic |  | 2 | 2 | sub-0001, sub-0002 |\n| a\\|b | topic | line break | 0 | 0 |  |\n");
  BOOST_TEST(format_report(r, "table") ==
             "ccc  (2 submissions)\n    sub-0001  2019-05-20  Lab, \"A\"\n    sub-0002\n"
             "a|b  (0 submissions)  line\nbreak\n");
  r.rows.clear();
  BOOST_TEST(format_report(r, "table") == "No links yet.\n");
}

BOOST_AUTO_TEST_CASE(layout_counts_chinese_as_two_columns_and_styles_as_none) {
  BOOST_TEST(display_width("ab檢測") == 6u);
  BOOST_TEST(display_width("\033[1mab\033[0m") == 2u);
  // A line keeps the space it broke after (side_by_side pads to the width anyway).
  BOOST_TEST(wrap("one two three", 7) == (std::vector<std::string>{"one two ", "three"}));
  BOOST_TEST(wrap("檢測認證", 4) == (std::vector<std::string>{"檢測", "認證"}));
  BOOST_TEST(side_by_side("a", "檢", 3, "> ") == "> a   │ 檢\n");
}

BOOST_AUTO_TEST_CASE(display_language_rules) {
  BOOST_TEST(display_language("zh-Hant", "CCC") == "zh-Hant");
  // A Chinese query reads in Chinese, in its own script (issue 13, item 7).
  BOOST_TEST(display_language("", "相互承认") == "zh-Hans");
  BOOST_TEST(display_language("", "第58條") == "zh-Hant");
  BOOST_TEST(display_language("", "3C 檢測") == "zh-Hant");
  BOOST_TEST(display_language("", "互认") == "zh-Hans");
  BOOST_TEST(display_language("", "中国 testing") == "zh-Hans");
  BOOST_TEST(display_language("", "CCC testing") == "en");
  BOOST_TEST(display_language("", "lang:en 檢測") == "en");
  BOOST_TEST(display_language("", "檢測 (lang:zh-Hans OR lang:zh-Hant)") == "zh-Hans");
  BOOST_TEST(display_language("", "檢測 slang:en") == "zh-Hant");
  BOOST_TEST(provisio::language_fallbacks("zh-Hans") == (std::vector<std::string>{"zh-Hans", "zh-Hant", "en"}));
  BOOST_TEST(provisio::language_fallbacks("en") == (std::vector<std::string>{"en", "zh-Hant"}));
  BOOST_TEST(provisio::language_fallbacks("zh-Hant") == (std::vector<std::string>{"zh-Hant", "en"}));
  BOOST_TEST(parallel_languages("en") == (std::vector<std::string>{"zh-Hant", "zh-Hans"}));
  BOOST_TEST(parallel_languages("zh-Hant") == (std::vector<std::string>{"en"}));
  BOOST_TEST(parallel_languages("zh-Hans") == (std::vector<std::string>{"en"}));
}

BOOST_AUTO_TEST_CASE(show_prints_relations_verification_and_line) {
  std::vector<StoredDocument> docs = {doc("en", "2020-06-01", std::nullopt, "New.")};
  docs[0].relations = {{"supersedes", "s7/1"}};
  docs[0].verification.status = "partly verified";
  docs[0].verification.checked = {{"the notice", "2026-12-01", std::nullopt}, {"the gazette", "2025-03-10", "month"}};
  docs[0].verification.unverified = "the end date";
  nlohmann::json line = {{"name", "CCC testing"},
                         {"steps", 7},
                         {"since", "2011-01-01"},
                         {"members", {"s7/1", "tis/1"}},
                         {"command", "provisio history tis/1"}};
  BOOST_TEST(show_text(docs, "en", kMarked, line) ==
             "<b>tis/1</>\n"
             "  Item 1  <d>[en]</>\n"
             "  in: Annex 1\n"
             "  topics: ccc, testing\n"
             "  see also: tis/2\n"
             "  supersedes: s7/1\n"
             "  checked against: the notice, 1 December 2026\n"
             "  checked against: the gazette, March 2025\n"
             "  <b>unverified:</> the end date\n"
             "  part of: CCC testing, 7 steps since 2011; `provisio history tis/1`\n"
             "\n<b>Version 1 of 1: from 2020-06-01, in force</>\n"
             "  <b>Testing</>  <d>[en, digest: our summary, not the official wording]</>\n"
             "  New.\n");
  nlohmann::json j = nlohmann::json::parse(show_json(docs, "en", line));
  BOOST_TEST(j["line"] == line);
  BOOST_TEST(j["relations"].dump() == R"([{"to":"s7/1","type":"supersedes"}])");
  BOOST_TEST(j["verification"].dump() ==
             R"({"checked":[{"approx":null,"on":"2026-12-01","source":"the notice"},)"
             R"({"approx":"month","on":"2025-03-10","source":"the gazette"}],)"
             R"("status":"partly verified","unverified":"the end date"})");
  BOOST_TEST(readable_date("not a date", false) == "not a date");
}

BOOST_AUTO_TEST_CASE(search_points_hits_on_a_line_to_history) {
  SearchResult r;
  r.query = "CCC";
  r.total = r.complete = 2;
  r.hits = {hit(1, "tis/1", "en"), hit(2, "tis/2", "en")};
  StoredGraph graph;
  graph.lines.push_back({{{"en", "CCC testing"}}, {"s7/1", "tis/1"}, 3, "2011-01-01"});
  std::string text = search_text(r, options(), kMarked, 0, &graph);
  BOOST_TEST(text.find("   <d>part of: CCC testing, 3 steps since 2011; `provisio history tis/1`</>\n\n<b>2. tis/2") !=
             std::string::npos);
  BOOST_TEST(text.find("history tis/2") == std::string::npos);
  nlohmann::json j = nlohmann::json::parse(search_json(r, options(), &graph));
  BOOST_TEST(j["results"][0]["line"]["command"] == "provisio history tis/1");
  BOOST_TEST(j["results"][1]["line"].is_null());
}

BOOST_AUTO_TEST_CASE(history_shows_steps_and_changes) {
  History h;
  h.asked = "tis/1";
  h.name = "CCC testing";
  h.lang = "en";
  h.members = {"s7/1", "tis/1"};
  HistoryStep first;
  first.id = "s7/1";
  first.instrument = "s7";
  first.instrument_title = "Supplement VII";
  first.from = "2011-01-01";
  first.to = "2020-06-01";
  first.approx = "month";
  first.heading = "Testing";
  first.body = "Labs may test.";
  first.text_kind = "digest";
  HistoryStep second = first;
  second.id = "tis/1";
  second.instrument = "tis";
  second.instrument_title = "Services";
  second.from = "2020-06-01";
  second.to = "";
  second.approx = "";
  second.by = "amend";
  second.body = "Labs may test all.";
  second.here = second.in_force = true;
  second.previous = 0;
  second.relation = "supersedes";
  second.heading_diff = diff_texts(first.heading, second.heading);
  second.body_diff = diff_texts(first.body, second.body);
  second.implemented_by = {"gd/1"};
  h.steps = {first, second};
  BOOST_TEST(history_text(h, Style::plain()) ==
             "CCC testing: 2 steps since 2011, 2 provisions  [en]\n"
             "\n  1. 2011-01  Supplement VII\n"
             "     s7/1  [from 2011-01-01 to 2020-06-01, digest]\n"
             "     Testing\n"
             "     Labs may test.\n"
             "\n▶ 2. 2020-06-01  Services (as changed by amend)\n"
             "     tis/1  [from 2020-06-01, digest]  ◀ you are here  (in force today)\n"
             "     changes from step 1 (supersedes):\n"
             "     Testing\n"
             "     Labs may test{+ all+}.\n"
             "     implemented by: gd/1\n");
  nlohmann::json j = nlohmann::json::parse(history_json(h));
  BOOST_TEST(j["line"] == "CCC testing");
  BOOST_TEST(j["steps"][0]["changes"].is_null());
  BOOST_TEST(j["steps"][0]["approx"] == "month");
  BOOST_TEST(j["steps"][1]["follows"] == 1);
  BOOST_TEST(j["steps"][1]["effective_to"].is_null());
  BOOST_TEST(j["steps"][1]["changes"]["text"].dump() ==
             R"([{"op":"equal","text":"Labs may test"},{"op":"insert","text":" all"},{"op":"equal","text":"."}])");
  BOOST_TEST(no_line_text("x/1") == "x/1 is on no commitment line: the corpus relates it to no earlier or later provision.\n");
  BOOST_TEST(no_line_json("x/1") == R"({"id":"x/1","line":null,"steps":[]})" "\n");
}

BOOST_AUTO_TEST_CASE(links_to_moved_and_withdrawn_targets_say_so) {
  submissions::Link moved, gone;
  moved.submission = gone.submission = "sub-0001";
  moved.kind = gone.kind = "provision";
  moved.how = gone.how = "manual";
  moved.created_by = gone.created_by = "amy";
  moved.created_at = gone.created_at = "2026-01-01T00:00:00Z";
  moved.target = "old/1";
  gone.target = "gone/1";
  TargetChecks checks = {{"old/1", {submissions::TargetCheck::kMoved, "new/1", "renumbered"}},
                         {"gone/1", {submissions::TargetCheck::kWithdrawn, "", "repealed"}}};
  BOOST_TEST(links_text({moved, gone}, checks) ==
             "sub-0001 -> new/1 (linked as old/1, which moved)  provision, manual, by amy at 2026-01-01T00:00:00Z\n"
             "sub-0001 -> gone/1 (withdrawn: no such provision now)  provision, manual, by amy at "
             "2026-01-01T00:00:00Z\n");
  nlohmann::json j = nlohmann::json::parse(links_json({moved, gone}, checks));
  BOOST_TEST(j["links"][0]["target_state"] == "moved");
  BOOST_TEST(j["links"][0]["target_now"] == "new/1");
  BOOST_TEST(j["links"][1]["target_state"] == "withdrawn");
  BOOST_TEST(j["links"][1]["target_now"].is_null());

  submissions::Submission s;
  s.id = "sub-0001";
  s.file_name = "a.txt";
  s.format = "txt";
  s.charset = "UTF-8";
  s.lang = "en";
  s.added_by = "amy";
  s.added_at = "2026-01-01T00:00:00Z";
  s.sha256 = "ab";
  s.text = "Text.";
  BOOST_TEST(submission_show_text(s, {moved, gone}, checks) ==
             "sub-0001 from a.txt (txt, UTF-8, en)\nfiled 2026-01-01T00:00:00Z by amy; sha256 ab\n"
             "linked to old/1 (now new/1) (provision, manual)\n"
             "linked to gone/1 (withdrawn: no such provision now) (provision, manual)\n\nText.\n");
  nlohmann::json shown = nlohmann::json::parse(submission_show_json(s, {moved, gone}, checks));
  BOOST_TEST(shown["link_targets"].dump() ==
             R"([{"now":"new/1","state":"moved","target":"old/1"},{"now":null,"state":"withdrawn","target":"gone/1"}])");

  submissions::Report r;
  r.by = "provision";
  r.warnings = {"sub-0001 is linked to 'gone/1', which was withdrawn"};
  BOOST_TEST(format_report(r, "json") ==
             R"({"by":"provision","rows":[],"since":null,"submissions_total":0,"until":null,)"
             R"("warnings":["sub-0001 is linked to 'gone/1', which was withdrawn"]})"
             "\n");
}
