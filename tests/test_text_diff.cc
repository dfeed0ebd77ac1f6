#define BOOST_TEST_MODULE text_diff
#include <boost/test/unit_test.hpp>

#include "script_converter.h"
#include "text_diff.h"

using namespace provisio;

namespace {
// "[-old-]{+new+}" notation, as the CLI prints without a terminal.
std::string marked(const std::string& a, const std::string& b) {
  std::string out;
  for (const auto& op : diff_texts(a, b))
    out += op.kind == DiffOp::kEqual ? op.text : op.kind == DiffOp::kDelete ? "[-" + op.text + "-]" : "{+" + op.text + "+}";
  return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(english_by_words_chinese_by_characters) {
  struct {
    const char* a;
    const char* b;
    const char* expected;
  } cases[] = {
      {"products processed in Hong Kong", "products processed anywhere",
       "products processed [-in Hong Kong-]{+anywhere+}"},
      {"same text", "same text", "same text"},
      {"", "new", "{+new+}"},
      {"範圍涵蓋內地全境", "範圍涵蓋全球", "範圍涵蓋[-內地全境-]{+全球+}"},
      {"須經審批", "改為備案", "[-須經審批-]{+改為備案+}"},
      {"CCC testing of products", "CCC testing of all CCC products", "CCC testing of {+all CCC +}products"},
  };
  for (const auto& c : cases) BOOST_TEST(marked(c.a, c.b) == c.expected, c.a);
}

BOOST_AUTO_TEST_CASE(diff_rebuilds_both_texts) {
  std::string a = "Hong Kong laboratories may test toys, lighting and IT equipment.";
  std::string b = "Accredited Hong Kong laboratories may test every CCC product.";
  std::string before, after;
  for (const auto& op : diff_texts(a, b)) {
    if (op.kind != DiffOp::kInsert) before += op.text;
    if (op.kind != DiffOp::kDelete) after += op.text;
  }
  BOOST_TEST(before == a);
  BOOST_TEST(after == b);
}

BOOST_AUTO_TEST_CASE(simplified_display_keeps_highlights_on_the_same_words) {
  ScriptConverter c;
  BOOST_TEST(c.to_simplified("強制性產品認證，資質認定") == "强制性产品认证，资质认定");
  Snippet s{"經認可的檢測機構", {{12, 18}}};  // "檢測"
  Snippet out = c.to_simplified(s);
  BOOST_TEST(out.text == "经认可的检测机构");
  BOOST_TEST(out.text.substr(out.highlights[0].first, out.highlights[0].second - out.highlights[0].first) == "检测");
}
