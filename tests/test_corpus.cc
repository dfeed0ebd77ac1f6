#define BOOST_TEST_MODULE corpus
#include <boost/test/unit_test.hpp>

#include "corpus.h"
#include "skip_unless.h"
#include "test_support.h"

#include <set>

using namespace provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// Loads `files` (name -> content) from a temp folder; returns the diagnostics, one per line, with
// the folder's path removed so expectations read "x.xml:3:5: message".
std::string problems(const std::vector<std::pair<std::string, std::string>>& files) {
  TempDir dir;
  for (const auto& [name, content] : files) write_file(dir / name, content);
  Diagnostics d;
  auto paths = collect_corpus_files({dir.path().string()}, d);
  load_corpus(paths, d);
  std::string out;
  for (const auto& diag : d) {
    std::string s = diag.to_string();
    s.erase(0, dir.path().string().size() + 1);
    out += s + "\n";
  }
  return out;
}

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
  for (const auto& i : c.instruments)
    for (const auto& p : i.provisions) ids.insert(p.id);
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
