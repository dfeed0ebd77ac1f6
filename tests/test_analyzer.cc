#define BOOST_TEST_MODULE analyzer
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include "analyzer.h"
#include "text_folder.h"

using provisio::Analyzer;
using provisio::TextFolder;

namespace {

// The positional terms of `text`, in position order, as "term[pos] ..." (compact, Xapian-style).
std::string positional_terms(const std::string& text) {
  Analyzer analyzer;
  Xapian::Document doc;
  analyzer.begin_document(doc);
  analyzer.index_text(text);
  std::map<Xapian::termpos, std::string> by_pos;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_pos[*p] = *t;
  std::string out;
  for (const auto& [pos, term] : by_pos) out += (out.empty() ? "" : " ") + term + "[" + std::to_string(pos) + "]";
  return out;
}

bool has_term(const std::string& text, const std::string& term) {
  Analyzer analyzer;
  Xapian::Document doc;
  analyzer.begin_document(doc);
  analyzer.index_text(text);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if (*t == term) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_CASE(folds_width_and_script) {
  TextFolder f;
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"ＣＣＣ　１７０２５", "CCC 17025"},
      {"檢測認證", "检测认证"},
      {"資質認定", "资质认定"},
      {"粵港澳大灣區", "粤港澳大湾区"},
      {"Mutual Recognition", "Mutual Recognition"},  // case is Xapian's business
      {"（一）", "(一)"},
  };
  for (const auto& c : cases) BOOST_TEST(f.fold(c.in) == c.out, c.in);
}

BOOST_AUTO_TEST_CASE(keeps_original_offsets) {
  TextFolder f;
  auto chars = f.fold_chars("A檢");
  BOOST_REQUIRE_EQUAL(chars.size(), 2u);
  BOOST_TEST(chars[1].begin == 1u);
  BOOST_TEST(chars[1].end == 4u);
  BOOST_TEST(chars[1].folded == "检");
  BOOST_TEST(chars[1].han);
  BOOST_TEST(!chars[0].han);
}

BOOST_AUTO_TEST_CASE(index_terms_are_bigrams_and_words_with_positions) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"CCC testing", "ccc[1] testing[2]"},
      {"檢測認證", "检测[1] 测认[2] 认证[3]"},
      {"3C認證", "3c[1] 认证[2]"},
      {"第58條", "第[1] 58[2] 条[3]"},
      {"ＣＭＡ標誌", "cma[1] 标志[2]"},
  };
  for (const auto& c : cases) BOOST_TEST(positional_terms(c.in) == c.out, c.in);
}

BOOST_AUTO_TEST_CASE(indexes_stems_and_single_characters) {
  BOOST_TEST(has_term("testing laboratories", "Ztest"));
  BOOST_TEST(has_term("testing laboratories", "Zlaboratori"));
  BOOST_TEST(has_term("檢測", "检"));  // one-character queries find it
}

BOOST_AUTO_TEST_CASE(prepares_queries_for_the_query_parser) {
  Analyzer a;
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"CCC testing", "CCC testing"},
      {"檢測", " (\"检测\") "},
      {"檢測認證", " (\"检测\" AND \"测认\" AND \"认证\") "},
      {"\"強制性產品認證\"", "\" 强制 制性 性产 产品 品认 认证 \""},
      {"-檢測認證", "-\" 检测 测认 认证\" "},
      {"檢", "\"检\" "},
      {"ＣＭＡ OR 資質", "CMA OR  (\"资质\") "},
  };
  for (const auto& c : cases) BOOST_TEST(a.prepare_query(c.in) == c.out, c.in);
}

BOOST_AUTO_TEST_CASE(tokens_locate_matches_in_the_original_text) {
  Analyzer a;
  auto tokens = a.tokenize("Ｔesting 檢測");
  std::string out;
  for (const auto& t : tokens) out += t.term + "@" + std::to_string(t.begin) + "-" + std::to_string(t.end) + " ";
  BOOST_TEST(out == "testing@0-9 检@10-13 检测@10-16 测@13-16 ");
}
