#define BOOST_TEST_MODULE citation
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "citation.h"

using namespace provisio;

namespace {
std::string keys(const std::string& citation) {
  std::string out;
  for (const auto& k : citation_keys(citation)) out += (out.empty() ? "" : " ") + k;
  return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(citations_in_both_languages_give_the_same_keys) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"Agreement on Trade in Goods, Article 58(2)", "art58 para2"},
      {"《貨物貿易協議》第五十八條第二款", "art58 para2"},
      {"《货物贸易协议》第五十八条第二款", "art58 para2"},
      {"art. 58", "art58"},
      {"58", "art58"},
      {"Annex 1, Table 2, item 3", "annex1 table2 item3"},
      {"附件1表2第3項", "annex1 table2 item3"},
      {"Outline Development Plan, Chapter 9, Section 2", "ch9 s2"},
      {"第九章第二節", "ch9 s2"},
      {"第一百零三條", "art103"},
      {"Ｃｈａｐｔｅｒ　１２", "ch12"},
      {"preamble", ""},
      // Items in Roman numerals and in brackets (issue 13, item 10): (v) is item 5, as 第（五）項.
      {"Agreement on Trade in Goods, Article 68, item (v)", "art68 item5"},
      {"《貨物貿易協議》第六十八條第（五）項", "art68 item5"},
      {"Article 68(v)", "art68 item5"},
      {"Article 68(vi)", "art68 item6"},
      {"Agreement on Trade in Goods, Article 59(3)(ii)", "art59 para3 item2"},
      {"《貨物貿易協議》第五十九條第三款第（二）項", "art59 para3 item2"},
      {"Article 23, sub-paragraph (4)", "art23 item4"},
      {"《經濟技術合作協議》第二十三條第（四）項", "art23 item4"},
      // Sector codes of the services schedules.
      {"1.F.e", "sector1.f.e"},
      {"sector 1.F.e", "sector1.f.e"},
      {"Annex 1, Table 2 (cross-border services, positive list), sector 1.F.e, item 1",
       "annex1 table2 sector1.f.e item1"},
      {"《服務貿易協議》附件1表2（跨境服務開放措施），1.F.e，第1項", "annex1 table2 sector1.f.e item1"},
      {"sector 11 (Transport services)", "sector11"},
      {"第11部門（運輸服務）", "sector11"},
      {"CEPA Annex 6, Article 5.2.6", "annex6 art5"},
  };
  for (const auto& c : cases) BOOST_TEST(keys(c.in) == c.out, c.in);
}

// Every citation of the bundled corpus gives the keys it gave when citation_keys() was fifteen
// std::wregex patterns (tests/citation/corpus_keys.tsv was written by that version): the scanner
// that replaced them must find exactly the same keys, in the same order.
BOOST_AUTO_TEST_CASE(keys_of_every_citation_in_the_bundled_corpus_are_unchanged) {
  std::ifstream in(PROVISIO_SOURCE_DIR "/tests/citation/corpus_keys.tsv");
  BOOST_TEST_REQUIRE(in.good());
  std::size_t checked = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    BOOST_TEST_REQUIRE(tab != std::string::npos, line);
    BOOST_TEST(keys(line.substr(0, tab)) == line.substr(tab + 1), line.substr(0, tab));
    ++checked;
  }
  BOOST_TEST(checked >= 100u);
}

// Forms where a scanner could easily differ from the regular expressions (their keys as the
// regex version gave them): keyword boundaries (\b counts only ASCII letters, digits and '_' as
// word characters), ASCII-only \s, numbers that do not parse (the match is used up all the same),
// Roman numerals, sector codes and their lookahead, and the regex iterator never looking back into
// its previous match (表1表2 gives only table1: the second 表 would need the "1" before it).
BOOST_AUTO_TEST_CASE(tricky_forms_keep_their_keys) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"Article 58(v)", "art58 item5"},
      {"第五十八條", "art58"},
      {"1.F.e", "sector1.f.e"},
      {"Annex 1 Table 2", "annex1 table2"},
      {"Agreement on Trade in Goods, Article 58(2)", "art58 para2"},
      {"表1表2", "table1"},
      {"附件1表2第3項", "annex1 table2 item3"},
      {"代表2", ""},
      {"發表 3", ""},
      {"para 1para 2", "para1"},
      {"para 1 para 2", "para1 para2"},
      {"art.58", "art58"},
      {"Art. 58", "art58"},
      {"ARTICLE 58", "art58"},
      {"article58", "art58"},
      {"articles 58", ""},
      {"part 5", ""},
      {"sub-paragraph 3", "item3"},
      {"subparagraph (iv)", "item4"},
      {"item (vi)", "item6"},
      {"item(x)", "item10"},
      {"item 3", "item3"},
      {"item (3)", "item3"},
      {"Article 59(3)(ii)", "art59 para3 item2"},
      {"Article 59 (3) (ii)", "art59 para3 item2"},
      {"Article 5(a)", "art5"},
      {"Article 1234567", ""},
      {"第1234567條", ""},
      {"sector 1.F.e.", ""},
      {"sector 12.", ""},
      {"sector 12a", "sector12"},
      {"sector 123456789", ""},
      {"1.F.e1", ""},
      {"5.2.6", ""},
      {"x1.F.e", ""},
      {"11.A", "sector11.a"},
      {"1.f.ab.c", "sector1.f.ab.c"},
      {"(1.F.e)", "sector1.f.e"},
      {"第（五）項", "item5"},
      {"第(5)款", "para5"},
      {"第5)款", "para5"},
      {"第十一部門", "sector11"},
      {"第11部门", "sector11"},
      {"附件 ３", "annex3"},
      {"表 ２", "table2"},
      {"Ｃｈａｐｔｅｒ　１２", "ch12"},
      {"section 2", "s2"},
      {"sec. 2", "s2"},
      {"sec2", "s2"},
      {"second 2", ""},
      {"Chapter 9, Section 2", "ch9 s2"},
      {"paragraph 2", "para2"},
      {"para. 2", "para2"},
      {"第二節", "s2"},
      {"第二节", "s2"},
      {"第三章", "ch3"},
      {"第廿三條", "art23"},
      {"第二〇一九條", "art2019"},
      {"第五五條", ""},
      {"Article 4-1", "art4"},
      {"第 4-1 條", ""},
      {"第4-1條", ""},
      {"中article 5", "art5"},
      {"_article 5", ""},
      {"article 5 and article 6", "art5 art6"},
      {"Article 6, Article 5", "art6 art5"},
      {"Annex 1, Table 2, Annex 1", "annex1 table2"},
      {"58", "art58"},
      {"５８", "art58"},
      {"五十八", "art58"},
      {"1234567", ""},
      {"Article Ⅳ(ⅱ)", ""},
      {"Article ①", "art1"},
      {"CEPA Annex 6, Article 5.2.6", "annex6 art5"},
      {"preamble", ""},
      {"article\t5", "art5"},
      {"article\u00a05", "art5"},
      {"article\u20285", ""},
  };
  for (const auto& c : cases) BOOST_TEST(keys(c.in) == c.out, c.in);
}

BOOST_AUTO_TEST_CASE(chinese_numerals) {
  BOOST_TEST(*parse_number("五十八") == 58);
  BOOST_TEST(*parse_number("十") == 10);
  BOOST_TEST(*parse_number("十五") == 15);
  BOOST_TEST(*parse_number("一百零三") == 103);
  BOOST_TEST(*parse_number("兩千零二十四") == 2024);
  BOOST_TEST(*parse_number("１７") == 17);
  BOOST_TEST(!parse_number("五五").has_value());
  // The one parser (chinese_numerals.h): these three used to get no value here.
  BOOST_TEST(parse_number("二〇一九").value_or(-1) == 2019);
  BOOST_TEST(parse_number("一萬").value_or(-1) == 10000);
  BOOST_TEST(parse_number("廿三").value_or(-1) == 23);
  BOOST_TEST(citation_keys("第廿三條") == std::vector<std::string>{"art23"});
  BOOST_TEST(!parse_number("abc").has_value());
}
