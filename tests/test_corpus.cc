#define BOOST_TEST_MODULE corpus
#include <boost/test/unit_test.hpp>

#include "corpus.h"
#include "relations.h"
#include "skip_unless.h"
#include "corpus_problems.h"
#include "test_support.h"

#include <algorithm>
#include <set>

using namespace provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

const auto& problems = provisio::testing::corpus_problems;

const std::string kHead = R"(<?xml version="1.0"?>
<instrument id="i" kind="agreement" signed="2019-01-01">
<title lang="en">T</title><title lang="zh-Hant">題</title>
)";  // provisions start on line 4

std::string provision(const std::string& inner, const std::string& id = "i/p1") {
  return "<provision id=\"" + id + "\"><citation lang=\"en\">Art 1</citation><topics>ccc</topics>\n" + inner +
         "</provision>\n";
}

const std::string kVersion =
    "<version from=\"2019-01-01\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>\n";

}  // namespace

BOOST_AUTO_TEST_CASE(reads_a_valid_instrument) {
  TempDir dir;
  write_file(dir / "tig.xml", testing::sample_instrument());
  Diagnostics d;
  Corpus c = load_corpus({dir / "tig.xml"}, d);
  BOOST_TEST(d.empty());
  BOOST_REQUIRE_EQUAL(c.instruments.size(), 1u);
  const Instrument& i = c.instruments[0];
  BOOST_TEST(i.id == "tig");
  BOOST_TEST(i.titles.at("zh-Hant") == "貨物貿易協議");
  BOOST_REQUIRE_EQUAL(i.provisions.size(), 2u);
  const Provision& p1 = i.provisions[0];
  BOOST_TEST(p1.id == "tig/art58/1");
  BOOST_TEST(p1.divisions.at(0) == "Article 58 (Conformity assessment)");
  BOOST_REQUIRE_EQUAL(p1.versions.size(), 2u);
  BOOST_TEST(p1.versions[0].to->iso() == "2020-06-01");
  BOOST_TEST(!p1.versions[1].to.has_value());
  BOOST_TEST(p1.versions[1].by == "amendment");
  BOOST_TEST(p1.versions[0].in_force_on(*Date::parse("2020-05-31")));
  BOOST_TEST(!p1.versions[0].in_force_on(*Date::parse("2020-06-01")));
  const Provision& p2 = i.provisions[1];
  BOOST_TEST(p2.refs.at(0) == "tig/art58/1");
  BOOST_TEST(p2.citations.at("zh-Hant") == "第五十八條第二款");
  BOOST_TEST(p2.versions[0].texts.size() == 2u);
  BOOST_TEST(p2.versions[0].texts[1].kind == "digest");
  BOOST_TEST(c.provision_count() == 2u);
  BOOST_TEST(c.version_count() == 3u);
}

BOOST_AUTO_TEST_CASE(joins_wrapped_chinese_lines_without_spaces) {
  std::string body = "<text lang=\"zh-Hant\">第一行\n      第二行 and\n  English</text>";
  TempDir dir;
  write_file(dir / "i.xml", kHead + provision("<version from=\"2019-01-01\"><heading lang=\"en\">H</heading>" + body + "</version>") + "</instrument>");
  Diagnostics d;
  Corpus c = load_corpus({dir / "i.xml"}, d);
  BOOST_REQUIRE(d.empty());
  BOOST_TEST(c.instruments[0].provisions[0].versions[0].texts[0].body == "第一行第二行 and English");
}

// The corpus parser tidies text with analysis/tidy.h like every extractor: a line break is dropped
// only between Chinese characters (it used to be dropped between any two non-ASCII letters, gluing
// "Café" and "Étude"), and a no-break space is a space.
BOOST_AUTO_TEST_CASE(tidies_text_like_the_extractors) {
  std::string body = "<text lang=\"en\">Café\n  Étude a\u00A0\u00A0b</text>";
  TempDir dir;
  write_file(dir / "i.xml", kHead + provision("<version from=\"2019-01-01\"><heading lang=\"en\">H</heading>" + body + "</version>") + "</instrument>");
  Diagnostics d;
  Corpus c = load_corpus({dir / "i.xml"}, d);
  BOOST_REQUIRE(d.empty());
  BOOST_TEST(c.instruments[0].provisions[0].versions[0].texts[0].body == "Café Étude a b");
}

// Every validation error, reported verbatim with its line and column.
BOOST_AUTO_TEST_CASE(reports_each_problem_with_line_and_column) {
  struct Case {
    std::string xml;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"<instrument id=\"i\"><title>", "x.xml:1:26: malformed XML: Start-end tags mismatch\n"},
      {"<corpus/>", "x.xml:1:1: root element is <corpus>, expected <instrument>\n"},
      {kHead + "<provison id=\"i/p\"/></instrument>", "x.xml:4:1: unknown element <provison> in <instrument>\n"},
      {kHead + "<provision><citation lang=\"en\">A</citation><topics>ccc</topics>" + kVersion + "</provision></instrument>",
       "x.xml:4:1: <provision> needs a 'id' attribute\n"},
      {kHead + provision(kVersion) + provision(kVersion) + "</instrument>",
       "x.xml:7:1: duplicate provision id 'i/p1'\n"},
      {kHead + provision(kVersion, "other/p1") + "</instrument>",
       "x.xml:4:1: bad provision id 'other/p1': expected 'i/' then a path of lower-case letters, digits, '.', '_', '-' and '/'\n"},
      {kHead + provision("<version from=\"2019-02-30\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>") + "</instrument>",
       "x.xml:5:1: bad date '2019-02-30' in 'from': expected a real day as YYYY-MM-DD\n"},
      {kHead + provision("<version from=\"2020-01-01\" to=\"2019-01-01\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>") + "</instrument>",
       "x.xml:5:1: version ends (2019-01-01) before it starts (2020-01-01)\n"},
      {kHead + provision("<version from=\"2019-01-01\" to=\"2021-01-01\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>\n"
                         "<version from=\"2020-01-01\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>\n") + "</instrument>",
       "x.xml:6:1: version from 2020-01-01 overlaps the previous one (to 2021-01-01)\n"},
      {kHead + provision("<ref to=\"i/nowhere\"/>" + kVersion) + "</instrument>",
       "x.xml:5:1: reference to unknown provision 'i/nowhere'\n"},
      {kHead + "<provision id=\"i/p1\"><citation lang=\"en\">A</citation><topics>cars</topics>" + kVersion + "</provision></instrument>",
       "x.xml:4:54: unknown topic 'cars' (see the list in corpus/README.md)\n"},
      {kHead + provision("<version from=\"2019-01-01\" colour=\"red\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>") + "</instrument>",
       "x.xml:5:1: unknown attribute 'colour' on <version>\n"},
      {kHead + provision("<version from=\"2019-01-01\"><heading lang=\"en\">H</heading><text lang=\"fr\">T</text></version>") + "</instrument>",
       "x.xml:5:58: unknown language 'fr': expected en, zh-Hant or zh-Hans\n"},
      {"", "x.xml: empty file: expected an <instrument> element\n"},
  };
  for (const auto& c : cases) {
    std::string got = problems({{"x.xml", c.xml}});
    BOOST_TEST(got == c.expected, "got: " << got << "for input:\n" << c.xml);
  }
}

BOOST_AUTO_TEST_CASE(reports_ids_duplicated_across_files) {
  std::string a = kHead + provision(kVersion) + "</instrument>";
  std::string report = problems({{"a.xml", a}, {"b.xml", a}});
  BOOST_TEST(report.find("b.xml: instrument 'i' is also defined in ") == 0u, report);
  BOOST_TEST(report.find("b.xml:4:1: duplicate provision id 'i/p1' (also in ") != std::string::npos, report);
}

BOOST_AUTO_TEST_CASE(reports_missing_paths) {
  Diagnostics d;
  collect_corpus_files({"/nonexistent/corpus"}, d);
  BOOST_REQUIRE_EQUAL(d.size(), 1u);
  BOOST_TEST(d[0].to_string() == "/nonexistent/corpus: no such file or folder");
}

// The bundled corpus: what staff search. Every provision bilingual, topical, cited and dated.
BOOST_AUTO_TEST_CASE(bundled_corpus_is_complete_and_consistent) {
  Diagnostics d;
  Corpus c = load_corpus(collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d);
  for (const auto& x : d) BOOST_ERROR(x.to_string());
  BOOST_TEST(c.instruments.size() >= 10u);
  std::set<std::string> ids;
  for (const auto& i : c.instruments) {
    BOOST_TEST(i.titles.count("en") + i.titles.count("zh-Hant") == 2u, i.id);
    for (const auto& p : i.provisions) {
      BOOST_TEST(ids.insert(p.id).second, "duplicate " << p.id);
      BOOST_TEST(!p.topics.empty(), p.id);
      BOOST_TEST(!p.citations.at("en").empty(), p.id);
      for (std::size_t k = 0; k < p.versions.size(); ++k) {
        const Version& v = p.versions[k];
        BOOST_TEST(v.headings.count("en") + v.headings.count("zh-Hant") == 2u, p.id << " " << v.from.iso());
        bool en = false, zh = false;
        for (const auto& t : v.texts) {
          en |= t.lang == "en";
          zh |= t.lang == "zh-Hant";
        }
        BOOST_TEST((en && zh), p.id << " " << v.from.iso() << " needs en and zh-Hant text");
        if (k + 1 < p.versions.size()) BOOST_TEST((v.to && *v.to <= p.versions[k + 1].from), p.id);
      }
    }
  }
  for (const auto& i : c.instruments)
    for (const auto& p : i.provisions)
      for (const auto& r : p.refs) BOOST_TEST(ids.count(r) == 1u, p.id << " -> " << r);
}

// Every id of the fact catalogue is in the corpus, unless corpus/README.md says why it is not.
const std::string kCatalogue = std::string(PROVISIO_SOURCE_DIR) + "/../shared/reference/catalogue-ids.txt";

// True when `readme` says why `id` is left out: a line naming the id in backquotes that also says
// "left out". (A README that merely names the id somewhere, or says "left out" of another, is not
// an explanation.)
bool explains_left_out(const std::string& readme, const std::string& id) {
  std::istringstream lines(readme);
  for (std::string line; std::getline(lines, line);)
    if (line.find("`" + id + "`") != std::string::npos && line.find("left out") != std::string::npos) return true;
  return false;
}

BOOST_AUTO_TEST_CASE(an_explanation_names_the_id_on_its_own_line) {
  BOOST_TEST(explains_left_out("- `a/b` is left out: not T&C.\n", "a/b"));
  BOOST_TEST(!explains_left_out("- `a/b` is in the corpus.\n- `c/d` is left out.\n", "a/b"));
  BOOST_TEST(!explains_left_out("Nothing is left out.\n", "a/b"));
}

BOOST_AUTO_TEST_CASE(bundled_corpus_covers_the_catalogue, *provisio::testing::skip_unless_exists(kCatalogue)) {
  const std::string& catalogue = kCatalogue;
  Diagnostics d;
  Corpus c = load_corpus(collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d);
  std::set<std::string> ids;
  for (const auto& i : c.instruments) {
    for (const auto& p : i.provisions) ids.insert(p.id);
    // An id that moved or was withdrawn is accounted for by its record (ids are a contract).
    for (const auto& r : i.id_records) ids.insert(r.id);
  }
  std::string readme = testing::read_file(std::string(PROVISIO_SOURCE_DIR) + "/corpus/README.md");
  std::istringstream lines(testing::read_file(catalogue));
  std::size_t checked = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string id = line.substr(0, line.find_first_of(" \t"));
    ++checked;
    bool explained = explains_left_out(readme, id);
    BOOST_TEST((ids.count(id) == 1u || explained), id << " is neither in the corpus nor explained in corpus/README.md");
  }
  BOOST_TEST(checked >= 40u);
}

// Verification, relations and id records: what the corpus format accepts and what it rejects.
BOOST_AUTO_TEST_CASE(verification_records_are_parsed_and_checked) {
  TempDir dir;
  write_file(dir / "i.xml", kHead +
                                provision("<verified source=\"HKCTC page\" on=\"2026-12-01\" approx=\"month\"/>\n"
                                          "<unverified>the item number</unverified>\n" + kVersion) +
                                provision("<verified source=\"HKAS page\" on=\"2026-11-30\"/>\n" + kVersion, "i/p2") +
                                provision(kVersion, "i/p3") + "</instrument>\n");
  Diagnostics d;
  Corpus c = load_corpus({dir / "i.xml"}, d);
  BOOST_REQUIRE(d.empty());
  const auto& ps = c.instruments.at(0).provisions;
  BOOST_TEST(ps[0].verification.status() == "partly verified");
  BOOST_TEST(ps[0].verification.checks.at(0).source == "HKCTC page");
  BOOST_TEST(ps[0].verification.checks.at(0).approx == "month");
  BOOST_TEST(ps[0].verification.unverified == "the item number");
  BOOST_TEST(ps[1].verification.status() == "verified");
  BOOST_TEST(ps[2].verification.status() == "not stated");

  BOOST_TEST(problems({{"a.xml", kHead + provision("<verified on=\"2026-12-01\"/>\n" + kVersion) + "</instrument>"}}) ==
             "a.xml:5:1: <verified> needs a 'source' attribute\n");
  BOOST_TEST(problems({{"a.xml", kHead + provision("<verified source=\"x\" on=\"2026-13-01\"/>\n" + kVersion) +
                                     "</instrument>"}}) ==
             "a.xml:5:1: bad date '2026-13-01' in 'on': expected a real day as YYYY-MM-DD\n");
  BOOST_TEST(problems({{"a.xml", kHead + provision("<verified source=\"x\" on=\"2999-01-01\"/>\n" + kVersion) +
                                     "</instrument>"}}) ==
             "a.xml:5:1: <verified> on 2999-01-01, a day still to come\n");
  BOOST_TEST(problems({{"a.xml", kHead + provision("<unverified/>\n" + kVersion) + "</instrument>"}}) ==
             "a.xml:5:1: <unverified> is empty: say what is not known\n");
  BOOST_TEST(problems({{"a.xml", kHead + provision("<unverified>a</unverified><unverified>b</unverified>\n" + kVersion) +
                                     "</instrument>"}}) ==
             "a.xml:5:27: second <unverified> in <provision>\n");
}

namespace {

// Two instruments: "old" (2015) and "new" (2020), each with provisions given by the caller.
std::string instrument(const std::string& id, const std::string& from, const std::string& body) {
  return "<?xml version=\"1.0\"?>\n<instrument id=\"" + id + "\" kind=\"agreement\" signed=\"" + from +
         "\">\n<title lang=\"en\">T</title><title lang=\"zh-Hant\">題</title>\n" + body + "</instrument>\n";
}
std::string dated(const std::string& id, const std::string& from, const std::string& inner = "") {
  return "<provision id=\"" + id + "\"><citation lang=\"en\">C</citation><topics>ccc</topics>\n" + inner +
         "<version from=\"" + from + "\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>\n"
         "</provision>\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(relations_are_checked_across_files) {
  std::string old_file = instrument("old", "2015-01-01", dated("old/a", "2015-01-01") + dated("old/b", "2015-01-01"));
  // Valid: a later provision carries over an earlier one and names the line.
  TempDir dir;
  write_file(dir / "old.xml", old_file);
  write_file(dir / "new.xml", instrument("new", "2020-01-01",
                                         dated("new/a", "2020-01-01",
                                               "<relation type=\"carries-over\" to=\"old/a\"/>\n"
                                               "<relation type=\"implements\" to=\"old/b\"/>\n"
                                               "<line lang=\"en\">Scope</line>\n")));
  Diagnostics d;
  Corpus c = load_corpus({dir / "new.xml", dir / "old.xml"}, d);
  for (const auto& x : d) BOOST_ERROR(x.to_string());
  CorpusGraph g;
  for (const auto& i : c.instruments) g.add(i);
  auto lines = commitment_lines(g);
  BOOST_REQUIRE_EQUAL(lines.size(), 1u);  // implements does not join old/b to the line
  BOOST_TEST(lines[0].members == (std::vector<std::string>{"old/a", "new/a"}));
  BOOST_TEST(lines[0].names.at("en") == "Scope");
  BOOST_TEST(lines[0].steps == 2u);
  BOOST_TEST(lines[0].since == "2015-01-01");

  BOOST_TEST(problems({{"old.xml", old_file},
                       {"new.xml", instrument("new", "2020-01-01",
                                              dated("new/a", "2020-01-01", "<relation type=\"replaces\" to=\"old/a\"/>\n"))}}) ==
             "new.xml:5:1: unknown relation type 'replaces': expected supersedes, amends, carries-over, echoes, implements\n");
  BOOST_TEST(problems({{"old.xml", old_file},
                       {"new.xml", instrument("new", "2020-01-01",
                                              dated("new/a", "2020-01-01", "<relation type=\"amends\" to=\"old/z\"/>\n"))}}) ==
             "new.xml:5:1: relation to unknown provision 'old/z'\n");
  // Dates: the target may not start after the provision relating to it.
  BOOST_TEST(problems({{"old.xml", instrument("old", "2015-01-01",
                                              dated("old/a", "2015-01-01", "<relation type=\"amends\" to=\"new/a\"/>\n"))},
                       {"new.xml", instrument("new", "2020-01-01", dated("new/a", "2020-01-01"))}}) ==
             "old.xml:5:1: 'old/a' (from 2015-01-01) amends 'new/a', which starts later (2020-01-01): a relation points "
             "to an earlier provision\n");
  // Cycles among same-day provisions.
  std::string cycle = problems({{"new.xml", instrument("new", "2020-01-01",
                                                       dated("new/a", "2020-01-01", "<relation type=\"echoes\" to=\"new/b\"/>\n") +
                                                           dated("new/b", "2020-01-01", "<relation type=\"echoes\" to=\"new/a\"/>\n"))}});
  BOOST_TEST(cycle.find("relations go round in a circle") != std::string::npos, cycle);
  BOOST_TEST(problems({{"new.xml", instrument("new", "2020-01-01",
                                              dated("new/a", "2020-01-01", "<relation type=\"echoes\" to=\"new/a\"/>\n"))}})
                 .find("<relation> from a provision to itself") != std::string::npos);
  // Two names for one line.
  std::string names = problems({{"old.xml", instrument("old", "2015-01-01", dated("old/a", "2015-01-01", "<line lang=\"en\">A</line>\n"))},
                                {"new.xml", instrument("new", "2020-01-01",
                                                       dated("new/a", "2020-01-01",
                                                             "<relation type=\"amends\" to=\"old/a\"/><line lang=\"en\">B</line>\n"))}});
  BOOST_TEST(names.find("on the same line names it") != std::string::npos, names);
}

BOOST_AUTO_TEST_CASE(moved_and_withdrawn_ids_are_checked) {
  std::string body = dated("old/b", "2015-01-01");
  auto with = [&](const std::string& records) { return instrument("old", "2015-01-01", records + body); };
  BOOST_TEST(problems({{"old.xml", with("<moved from=\"old/a\" to=\"old/b\" reason=\"renumbered\"/>\n"
                                        "<withdrawn id=\"old/c\" reason=\"not in the text\"/>\n")}}) == "");
  BOOST_TEST(problems({{"old.xml", with("<moved from=\"old/b\" to=\"old/b\"/>\n")}}) ==
             "old.xml:4:1: 'old/b' is still a provision: <moved> is only for ids that no longer exist\n");
  BOOST_TEST(problems({{"old.xml", with("<moved from=\"old/a\" to=\"old/z\"/>\n")}}) ==
             "old.xml:4:1: 'old/a' moved to 'old/z', which is no provision\n");
  BOOST_TEST(problems({{"old.xml", with("<moved from=\"old/a\" to=\"old/c\"/><withdrawn id=\"old/c\" reason=\"r\"/>\n")}}) ==
             "old.xml:4:1: 'old/a' moved to 'old/c', which is withdrawn: record 'old/a' as withdrawn instead\n");
  BOOST_TEST(problems({{"old.xml", with("<moved from=\"old/a\" to=\"old/c\"/><moved from=\"old/c\" to=\"old/a\"/>\n")}})
                 .find("go round in a circle") != std::string::npos);
  BOOST_TEST(problems({{"old.xml", with("<withdrawn id=\"old/a\"/>\n")}}) ==
             "old.xml:4:1: <withdrawn> needs a 'reason' attribute\n");
  BOOST_TEST(problems({{"old.xml", with("<withdrawn id=\"other/a\" reason=\"r\"/>\n")}}) ==
             "old.xml:4:1: <withdrawn> of 'other/a' belongs in the file of its instrument, not 'old'\n");
  BOOST_TEST(problems({{"old.xml", with("<withdrawn id=\"old/a\" reason=\"r\"/><withdrawn id=\"old/a\" reason=\"r\"/>\n")}}) ==
             "old.xml:4:35: 'old/a' is already recorded as withdrawn\n");
}

// The bundled corpus: every provision states its verification, and the CCC testing line has the
// seven steps staff expect, from the Supplement VII pilot to today's item 1.
BOOST_AUTO_TEST_CASE(bundled_corpus_is_verified_and_related) {
  Diagnostics d;
  Corpus c = load_corpus(collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d);
  for (const auto& x : d) BOOST_ERROR(x.to_string());
  CorpusGraph g;
  bool moved_recorded = false;
  for (const auto& i : c.instruments) {
    g.add(i);
    for (const auto& p : i.provisions) {
      BOOST_TEST(p.verification.status() != "not stated", p.id << " states no verification");
      // Nothing may claim the SAMR 2020 announcement concerns CMA or the Greater Bay Area.
      if (i.id == "samr-2020")
        for (const auto& t : p.topics) BOOST_TEST((t != "cma" && t != "gba"), p.id);
    }
    for (const auto& r : i.id_records)
      moved_recorded |= r.kind == "moved" && r.id == "samr-2020/cma-gba" && r.to == "samr-2020/ccc-inspection-bodies";
  }
  BOOST_TEST(moved_recorded);
  const CommitmentLine* ccc = nullptr;
  auto lines = commitment_lines(g);
  for (const auto& line : lines)
    if (std::find(line.members.begin(), line.members.end(), "cepa-tis/a1/t2/1fe/1") != line.members.end()) ccc = &line;
  BOOST_REQUIRE(ccc);
  BOOST_TEST(ccc->names.at("en") == "CCC testing scope");
  BOOST_TEST(ccc->steps == 7u);
  BOOST_TEST(ccc->since == "2011-01-01");
  BOOST_TEST(ccc->members.front() == "cepa-s7/ts/1fe/ccc-pilot");
}
