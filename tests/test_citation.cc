#define BOOST_TEST_MODULE citation
#include <boost/test/unit_test.hpp>

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
