#define BOOST_TEST_MODULE analyzer
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <map>
#include <set>

#include <unistd.h>

#include <filesystem>

#include <unicode/translit.h>
#include <unicode/uscript.h>

#include "analyzer.h"
#include "han_fold_table.h"
#include "lexicon.h"
#include "text_folder.h"

using provisio::Analyzer;
using provisio::TextFolder;

namespace {

Xapian::Document index(const std::string& text) {
  Analyzer analyzer;
  Xapian::Document doc;
  analyzer.begin_document(doc);
  analyzer.index_text(text);
  return doc;
}

// The positional terms of `text`, in position order, as "term[pos] ..." (compact, Xapian-style).
std::string positional_terms(const std::string& text) {
  Xapian::Document doc = index(text);
  std::multimap<Xapian::termpos, std::string> by_pos;  // terms in order within a position
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_pos.emplace(*p, *t);
  std::string out;
  for (const auto& [pos, term] : by_pos) out += (out.empty() ? "" : " ") + term + "[" + std::to_string(pos) + "]";
  return out;
}

// The "Z" terms (English stems and Chinese words), space-separated in term order.
std::string ranked_terms(const std::string& text) {
  Xapian::Document doc = index(text);
  std::string out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if ((*t)[0] == 'Z') out += (out.empty() ? "" : " ") + *t;
  return out;
}

// Every term with its wdf and positions: two texts giving the same string index identically.
std::string all_terms(const std::string& text) {
  Xapian::Document doc = index(text);
  std::string out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    out += *t + ":" + std::to_string(t.get_wdf());
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += "@" + std::to_string(*p);
    out += " ";
  }
  return out;
}

bool has_term(const std::string& text, const std::string& term) {
  Xapian::Document doc = index(text);
  auto t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

std::string words(const std::string& line, provisio::Segmenter::Mode mode = provisio::Segmenter::Mode::kFull) {
  Analyzer a;
  return a.segment_line(line, mode);
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
  BOOST_TEST((chars[1].code == U'检'));
  BOOST_TEST((chars[1].source == U'檢'));
  BOOST_TEST(chars[1].han);
  BOOST_TEST(!chars[0].han);
}

BOOST_AUTO_TEST_CASE(positional_terms_are_words_and_bigrams) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"CCC testing", "ccc[1] testing[2]"},
      {"檢測認證", "检[1] 检测[1] 测认[2] 认证[3] 证[3]"},
      {"3C認證", "3c[1] 认[2] 认证[2] 证[2]"},
      {"CMA標誌", "cma[1] 志[2] 标[2] 标志[2]"},
      {"ＣＭＡ標誌", "cma[1] 志[2] 标[2] 标志[2]"},
      {"按第58條辦理", "按[1] 按第[1] 第[1] 58[2] 条[3] 条办[3] 办理[4] 理[4]"},
      {"第58條", "第[1] 58[2] 条[3]"},
      {"CPC8676", "cpc8676[1]"},
      {"CPC 8676", "cpc[1] 8676[2]"},
      {"Article 58", "article[1] 58[2]"},
      {"C.C.C. marking", "ccc[1] marking[2]"},
      {"HKAS, CNAS and HOKLAS", "hkas[1] cnas[2] and[3] hoklas[4]"},
      {"ＣＣＣ　１７０２５", "ccc[1] 17025[2]"},
      {"ISO 認可實驗室 17025", "iso[1] 认[2] 认可[2] 可实[3] 实验[4] 室[5] 验室[5] 17025[6]"},
      {"", ""},
      {" \t\n　", ""},
  };
  for (const auto& c : cases) BOOST_TEST(positional_terms(c.in) == c.out, c.in);
}

BOOST_AUTO_TEST_CASE(ranked_terms_are_stems_and_chinese_words) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      // The domain lexicon keeps these whole although ICU splits them.
      {"資質認定", "Z资质认定"},
      {"资质认定", "Z资质认定"},
      {"粵港澳大灣區", "Z粤港澳大湾区"},
      {"香港認可處", "Z香港认可处"},
      {"強制性產品認證", "Z强制性产品认证"},
      {"國家認監委", "Z国家认监委"},
      {"檢驗檢測機構", "Z检测机构 Z检验"},
      {"3C認證", "Z认证"},  // codes with digits are not stemmed
      {"CMA標誌", "Zcma Z标志"},
      // Stopwords keep their positional term but get no stem.
      {"the testing of laboratories", "Zlaboratori Ztest"},
  };
  for (const auto& c : cases) BOOST_TEST(ranked_terms(c.in) == c.out, c.in);
  BOOST_TEST(has_term("the testing", "the"));
  BOOST_TEST(has_term("檢測", "检"));  // one-character queries find it
}

BOOST_AUTO_TEST_CASE(traditional_and_simplified_index_identically) {
  const char* pairs[][2] = {
      {"檢測", "检测"},
      {"資質認定", "资质认定"},
      {"粵港澳大灣區", "粤港澳大湾区"},
      {"香港實驗所可進行強制性產品認證檢測", "香港实验所可进行强制性产品认证检测"},
      {"國家認證認可監督管理委員會", "国家认证认可监督管理委员会"},
      {"ＣＭＡ標誌", "CMA标志"},
  };
  for (const auto& p : pairs) BOOST_TEST(all_terms(p[0]) == all_terms(p[1]), p[0]);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_not_fatal) {
  Analyzer a;
  Xapian::Document doc;
  a.begin_document(doc);
  a.index_text("\xff\xfe 檢測 \xc3");
  BOOST_TEST(a.invalid_utf8() == 3u);
  a.index_text("檢測");
  BOOST_TEST(a.invalid_utf8() == 0u);
  auto t = doc.termlist_begin();
  t.skip_to("检测");
  BOOST_TEST((t != doc.termlist_end() && *t == "检测"));
}

BOOST_AUTO_TEST_CASE(very_long_runs_without_spaces) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "檢測認證機構";
  Xapian::Document doc = index(text);
  Xapian::termpos last = 0;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) last = std::max(last, *p);
  BOOST_TEST(last == 6u * 20000u - 1u);  // one bigram per character but the last
  std::string latin(200000, 'a');
  // Longer than a term may be: cut to the tokenizer's limit (as queries cut it), not fatal.
  BOOST_TEST(positional_terms(latin) == std::string(provisio::Tokenizer::kMaxWordBytes, 'a') + "[1]");
}

BOOST_AUTO_TEST_CASE(segments_lines_for_scorers) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"粵港澳大灣區的資質認定", "粵港澳大灣區 的 資質認定"},
      {"粤港澳大湾区的资质认定", "粤港澳大湾区 的 资质认定"},
      {"香港認可處", "香港認可處"},
      {"申請強制性產品認證", "申請 強制性產品認證"},
      // Numbers: the Mainland convention joins dates; the Hong Kong one keeps 年 and 日 apart.
      {"二○○一年１２月３１日", "二○○一年 １２月 ３１日"},
      {"２００１年，增長５０.５％", "２００１ 年 ， 增長 ５０.５％"},  // 長: Traditional, Hong Kong convention
      {"２００１年，增长５０.５％", "２００１年 ， 增长 ５０.５％"},
      {"CPC8676 與 3C認證", "CPC8676 與 3C 認證"},
      {"他說——好……", "他 說 —— 好 ……"},
      {"", ""},
      {"   ", ""},
  };
  for (const auto& c : cases) BOOST_TEST(words(c.in) == c.out, c.in);
  // Plain ICU splits what the lexicon keeps whole.
  BOOST_TEST(words("粤港澳大湾区资质认定", provisio::Segmenter::Mode::kPlainIcu) != "粤港澳大湾区 资质认定");
  BOOST_TEST(words("粤港澳大湾区资质认定") == "粤港澳大湾区 资质认定");
}

BOOST_AUTO_TEST_CASE(prepares_queries_for_the_query_parser) {
  Analyzer a;
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"CCC testing", "CCC testing"},
      {"檢測", "(检测 OR \"检测\")"},
      {"檢", "(检 OR \"检\")"},
      {"資質認定", "(资质认定 OR \"资质 质认 认定\")"},
      {"檢測認證機構", "(((检测 OR \"检测\") (认证机构 OR \"认证 证机 机构\")) OR \"检测 测认 认证 证机 机构\")"},
      {"\"強制性產品認證\"", "\" 强制 制性 性产 产品 品认 认证 \""},
      {"\"CMA標誌\"", "\"CMA 标志 \""},
      {"CMA -檢測認證", "CMA -\"检测 测认 认证\""},
      {"-檢測認證", "NOT \"检测 测认 认证\""},  // exclusions only: read as NOT (QueryParser drops a lone '-')
      {"ＣＭＡ OR 資質", "CMA OR (资质 OR \"资质\")"},
      // A token written without spaces: its words, or better the token as a phrase.
      {"3C認證", "((3C (认证 OR \"认证\")) OR \"3C 认证\")"},
      {"第58條", "(((第 OR \"第\") 58 (条 OR \"条\")) OR \"第 58 条\")"},
      // A query word made of two words is searched as both (each can then be expanded).
      {"認可實驗室", "(((认可 OR \"认可\") (实验室 OR \"实验 验室\")) OR \"认可 可实 实验 验室\")"},
      {"mutual-recognition", "mutual-recognition"},
      // field:value is left exactly as typed, Chinese and quotes included.
      {"topic:ccc 檢測", "topic:ccc (检测 OR \"检测\")"},
      {"cite:\"Article 58\" instrument:cepa-tis", "cite:\"Article 58\" instrument:cepa-tis"},
      {"cite:\"第58條\" lang:zh-Hant", "cite:\"第58條\" lang:zh-Hant"},
      {"(CCC OR 3C) NOT 檢測", "( CCC OR 3C ) NOT (检测 OR \"检测\")"},
  };
  for (const auto& c : cases) BOOST_TEST(a.prepare_query(c.in) == c.out, c.in);
}

namespace {

// The query parse_query() builds, as Xapian describes it.
std::string parsed(const std::string& q) {
  Analyzer a;
  Xapian::QueryParser qp;
  qp.set_stemmer(a.stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  return a.parse_query(qp, q).get_description();
}

std::set<std::string> terms(const std::string& q) {
  Analyzer a;
  Xapian::QueryParser qp;
  qp.set_stemmer(a.stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  auto query = a.parse_query(qp, q);
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

}  // namespace

BOOST_AUTO_TEST_CASE(glossary_expands_across_languages_and_scripts) {
  // CCC / 3C / China Compulsory Certification / 強制性產品認證 are one concept.
  for (const char* q : {"CCC", "3C", "C.C.C.", "China Compulsory Certification", "強制性產品認證", "强制性产品认证"}) {
    auto t = terms(q);
    BOOST_TEST(t.count("ccc"), q);
    BOOST_TEST(t.count("3c"), q);
    BOOST_TEST(t.count("compulsory"), q);
    BOOST_TEST(t.count("Z强制性产品认证"), q);
  }
  BOOST_TEST(terms("CMA").count("Z资质认定"));
  BOOST_TEST(terms("資質認定").count("cma"));
  BOOST_TEST(terms("mutual recognition").count("Z互认"));
  BOOST_TEST(terms("mutual recognition").count("Z相互承认"));
  BOOST_TEST(terms("互認").count("recognition"));
  BOOST_TEST(terms("GBA").count("Z粤港澳大湾区"));
  BOOST_TEST(terms("conformity assessment").count("Z合格评定"));
  // Regional wording: Hong Kong and Mainland words for the same thing find each other.
  BOOST_TEST(terms("實驗所").count("Z实验室"));
  BOOST_TEST(terms("实验室").count("Z实验所"));
  BOOST_TEST(terms("質素").count("Z质量"));
  BOOST_TEST(terms("資訊科技").count("Z信息技术"));
  BOOST_TEST(terms("laboratories").count("Z实验所"));  // any English form of the word
  BOOST_TEST(terms("ISO 認可實驗室 17025").count("Z实验所"));
  // Article citations in either language.
  BOOST_TEST(terms("Article 58").count("条"));
  BOOST_TEST(terms("第58條").count("article"));
}

BOOST_AUTO_TEST_CASE(expansions_weigh_less_and_stay_out_of_phrases_and_fields) {
  BOOST_TEST(parsed("CCC").find("0.4") != std::string::npos);  // OP_SCALE_WEIGHT by kExpansionWeight
  BOOST_TEST(!terms("\"CCC testing\"").count("3c"));
  // An excluded concept is excluded in all its forms: the other forms sit on the excluded side.
  for (const char* q : {"testing -CCC", "testing NOT CCC"}) {
    std::string p = parsed(q);
    BOOST_TEST(p.find("AND_NOT") != std::string::npos, p);
    BOOST_TEST(p.find("3c") > p.find("AND_NOT"), p);
  }
  BOOST_TEST(!terms("topic:ccc").count("3c"));
  BOOST_TEST(!terms("certification").count("Z强制性产品认证"));  // a word of a concept is not the concept
}

BOOST_AUTO_TEST_CASE(mixed_script_queries_parse) {
  for (const char* q : {"ISO 認可實驗室 17025", "HOKLAS 認可abc", "Cap 456 消費品安全條例 section 2", "3C認證 AND CMA標誌",
                        "第58條", "\"CCC 認證\" OR (檢測 -CMA)"})
    BOOST_CHECK_NO_THROW(parsed(q));
}

BOOST_AUTO_TEST_CASE(tokens_locate_matches_in_the_original_text) {
  Analyzer a;
  auto tokens = a.tokenize("Ｔesting 檢測 C.C.C.");
  std::string out;
  for (const auto& t : tokens)
    out += (t.term.empty() ? t.stem : t.term) + "@" + std::to_string(t.begin) + "-" + std::to_string(t.end) + " ";
  BOOST_TEST(out == "testing@0-9 检@10-13 检测@10-16 测@13-16 Z检测@10-16 ccc@17-23 ");
}

BOOST_AUTO_TEST_CASE(lexicon_cache_reads_back_the_same_table) {
  provisio::Lexicon built;
  built.add_general(U"检测", 100);
  built.add_general(U"认证", 50);
  built.add_domain(U"检测认证");
  built.finish();
  std::string path = std::filesystem::temp_directory_path() / ("provisio-lexicon-" + std::to_string(::getpid()) + ".bin");
  BOOST_REQUIRE(built.write_cache(path));
  auto read = provisio::Lexicon::read_cache(path);
  BOOST_REQUIRE(read);
  for (const char32_t* word : {U"检测", U"认证", U"检测认证", U"检测认"}) {
    const auto* a = built.find(word);
    const auto* b = read->find(word);
    BOOST_REQUIRE_EQUAL(a == nullptr, b == nullptr);
    if (a) {
      BOOST_TEST(a->log_p == b->log_p);
      BOOST_TEST(a->domain == b->domain);
      BOOST_TEST(a->word == b->word);
    }
  }
  BOOST_TEST(read->find(U"没有") == nullptr);
  BOOST_TEST(read->general_words() == 2u);
  BOOST_TEST(read->domain_words() == 1u);
  BOOST_TEST(read->unknown_log_p() == built.unknown_log_p());
  // The table is mapped: replacing the file (as a rebuilt cache is renamed into place) leaves
  // this process's table readable.
  std::filesystem::copy_file(path, path + ".copy");
  std::filesystem::rename(path + ".copy", path);
  BOOST_TEST(read->find(U"检测认证") != nullptr);
  read.reset();
  // A truncated file is not a table.
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 4);
  BOOST_TEST(!provisio::Lexicon::read_cache(path));
  std::filesystem::remove(path);
}

// The build-time table must agree with the ICU transform it was generated from, character for
// character, over every Han code point (a stale or mis-generated table fails here).
BOOST_AUTO_TEST_CASE(han_fold_table_agrees_with_icu_for_every_han_character) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_transform(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  BOOST_REQUIRE(U_SUCCESS(status) && icu_transform);
  std::size_t han = 0, changed = 0, disagreements = 0;
  for (UChar32 cp = 0; cp <= 0x10FFFF; ++cp) {
    UErrorCode s = U_ZERO_ERROR;
    if (uscript_getScript(cp, &s) != USCRIPT_HAN) continue;
    ++han;
    icu::UnicodeString expected(cp);
    icu_transform->transliterate(expected);
    char32_t ours = provisio::simplified_han(static_cast<char32_t>(cp));
    if (ours != static_cast<char32_t>(cp)) ++changed;
    if (expected != icu::UnicodeString(static_cast<UChar32>(ours)) && ++disagreements < 5)
      BOOST_ERROR("U+" << std::hex << cp << " folds differently from ICU");
  }
  BOOST_TEST(disagreements == 0u);
  BOOST_TEST(han > 90000u);
  BOOST_TEST(changed > 2000u);
  BOOST_TEST((provisio::simplified_han(U'檢') == U'检'));
  BOOST_TEST((provisio::simplified_han(U'检') == U'检'));
  BOOST_TEST((provisio::simplified_han(U'A') == U'A'));
}
