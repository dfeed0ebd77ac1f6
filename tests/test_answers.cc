// Answers on the bundled corpus that must not mislead (issue 13): "did you mean" only for real
// misspellings (item 9), citations down to the item and by services sector (item 10), and
// highlights of what matched only (item 11). The bundled corpus is indexed once for all cases.
#define BOOST_TEST_MODULE answers
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "corpus.h"
#include "index_writer.h"
#include "searcher.h"
#include "spelling.h"
#include "test_support.h"

using namespace provisio;
using provisio::testing::TempDir;

namespace {

const std::string& bundled_index() {
  static TempDir dir;
  static const std::string db = [] {
    Diagnostics d;
    auto files = collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d);
    IndexReport r = index_corpus_files(files, {dir / "db", {PROVISIO_SOURCE_CORPUS}, {}}, d);
    if (!d.empty() || r.documents == 0) throw std::runtime_error("cannot index the bundled corpus");
    return dir / "db";
  }();
  return db;
}

SearchResult search(const std::string& q, std::size_t limit = 10) {
  Searcher s(bundled_index());
  SearchOptions o;
  o.query = q;
  o.limit = limit;
  return s.search(o);
}

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

// Every highlighted stretch of every hit's snippet.
std::vector<std::string> highlighted(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits)
    for (const auto& [b, e] : h.snippet.highlights) out.push_back(h.snippet.text.substr(b, e - b));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(did_you_mean)

// Each of these was "corrected" into something else: is 17025, let accreditation, testing comply,
// we third, new/3 testing, cepa*.
BOOST_AUTO_TEST_CASE(correct_words_acronyms_and_operators_are_left_alone) {
  for (const char* q : {"ISO 17025", "NEAR/3 testing", "cert*"})
    BOOST_TEST(search(q).suggestion == "", q);
  if (standard_english_words().empty()) {
    BOOST_TEST_MESSAGE("no " << kStandardWordListPath << " (Debian wamerican): English words not checked");
    return;
  }
  for (const char* q : {"lab accreditation", "testing company", "we tried"})
    BOOST_TEST(search(q).suggestion == "", q);
}

BOOST_AUTO_TEST_CASE(real_misspellings_are_still_corrected) {
  BOOST_TEST(search("acreditation").suggestion == "accreditation");
  BOOST_TEST(search("certfication").suggestion == "certification");
  BOOST_TEST(search("CCC certfication").suggestion == "CCC certification");
  BOOST_TEST(search("lab acreditation").suggestion == "lab accreditation");
}

BOOST_AUTO_TEST_CASE(the_word_list_is_read_lower_cased_and_may_be_absent) {
  TempDir dir;
  testing::write_file(dir / "words", "Apple\nbanana\r\n");
  WordList list(dir / "words");
  BOOST_TEST(list.contains("apple"));
  BOOST_TEST(list.contains("banana"));
  BOOST_TEST(!list.contains("cherry"));
  BOOST_TEST(WordList(dir / "missing").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(citations)

BOOST_AUTO_TEST_CASE(an_item_finds_that_item_only) {
  for (const char* q : {"cite:\"Article 68(v)\"", "cite:\"第六十八條第（五）項\"", "cite:\"Article 68 item (v)\""})
    BOOST_TEST(ids(search(q)) == std::vector<std::string>{"cepa-tig/art68/v"}, q);
  BOOST_TEST(ids(search("cite:\"Article 68(vi)\"")) == std::vector<std::string>{"cepa-tig/art68/vi"});
  BOOST_TEST(search("art:68").total == 3u);  // the chapeau, (v) and (vi)
}

BOOST_AUTO_TEST_CASE(a_services_sector_code_finds_the_provisions_of_that_sector) {
  auto sector = ids(search("cite:1.F.e", 100));
  BOOST_TEST(sector.size() >= 3u);
  for (const char* q : {"cite:1.F.e", "cite:\"sector 1.F.e\"", "cite:1.f.e"}) {
    SearchResult r = search(q, 100);
    BOOST_TEST(ids(r) == sector, q);
    for (const auto& h : r.hits) BOOST_TEST(h.citation.find("1.F.e") != std::string::npos, q << ": " << h.id);
  }
  BOOST_TEST(ids(search("cite:\"sector 1.F.e item 3\"")) == std::vector<std::string>{"cepa-tis/a1/t2/1fe/3"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(highlights)

// A concept's forms are highlighted whole: one bigram or word of a longer form is no match.
BOOST_AUTO_TEST_CASE(only_what_matched_is_bold) {
  struct {
    const char* query;
    std::vector<std::string> never;
  } cases[] = {
      {"CMA", {"檢測", "認證", "檢測機構", "检测", "认证"}},
      {"資質認定", {"檢測", "認證", "檢測機構", "检测", "认证"}},
      {"3C", {"認證", "认证", "產品", "product"}},
      {"CCC testing", {"product", "products", "認證"}},
  };
  for (const auto& c : cases) {
    auto bold = highlighted(search(c.query, 20));
    BOOST_TEST(!bold.empty(), c.query);
    for (const auto& word : c.never) BOOST_TEST(!has(bold, word), c.query << " bolds " << word);
  }
}

BOOST_AUTO_TEST_CASE(whole_forms_and_typed_words_are_still_bold) {
  auto bold = highlighted(search("3C", 20));
  BOOST_TEST((has(bold, "強制性產品認證") || has(bold, "CCC")));
  bold = highlighted(search("CCC testing", 20));
  BOOST_TEST(has(bold, "testing"));
}

BOOST_AUTO_TEST_SUITE_END()
