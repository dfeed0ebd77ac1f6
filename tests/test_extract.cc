#define BOOST_TEST_MODULE extract
#include <boost/test/unit_test.hpp>

#include "docx_builder.h"
#include "chinese_numerals.h"
#include "docx.h"
#include "html.h"
#include "tidy.h"

using namespace provisio;
using namespace provisio::extract;
using provisio::testing::docx_paragraph;
using provisio::testing::make_docx;
using provisio::testing::make_zip;

namespace {

// One line per block: "[style h2 l1 (a)] text", with the parts that are unset left out.
std::string describe(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    out += "[" + b.style;
    if (b.heading_level) out += " h" + std::to_string(b.heading_level);
    if (b.list_level >= 0) out += " l" + std::to_string(b.list_level);
    if (!b.list_label.empty()) out += " " + b.list_label;
    out += "] " + b.text + "\n";
  }
  return out;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ExtractError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string kStyles = R"(
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="ArticleHead"><w:name w:val="Article Head"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="Level2"><w:name w:val="Level 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="heading 9"/></w:style>
)";

const std::string kNumbering = R"xml(
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1條"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
)xml";

}  // namespace

BOOST_AUTO_TEST_CASE(tidies_whitespace) {
  BOOST_TEST(tidy_whitespace("  a \t b\n\nc  ") == "a b c");
  BOOST_TEST(tidy_whitespace("香港\n   實驗所") == "香港實驗所");         // a line break inside Chinese
  BOOST_TEST(tidy_whitespace("第一條　定義") == "第一條 定義");            // an ideographic space is a space
  BOOST_TEST(tidy_whitespace("香港 實驗所") == "香港 實驗所");             // a plain space stays
  BOOST_TEST(tidy_whitespace("CCC\n檢測") == "CCC 檢測");                  // Latin next to Chinese keeps it
  BOOST_TEST(tidy_whitespace("a\xC2\xA0\xE2\x80\x8B" "b") == "a b");      // no-break space, zero-width space
}

BOOST_AUTO_TEST_CASE(tidies_lines_keeping_paragraphs) {
  BOOST_TEST(tidy_lines("\n\n  Dear Sir,  \r\n\n\n\nWe ask\t\nfor  CMA.\n\n") == "  Dear Sir,\n\nWe ask\nfor  CMA.");
  BOOST_TEST(tidy_lines(" \t\r\n") == "");
}

BOOST_AUTO_TEST_CASE(finds_invalid_utf8) {
  BOOST_TEST(find_invalid_utf8("abc 中文") == std::string::npos);
  BOOST_TEST(find_invalid_utf8("ab\xFF") == 2u);
  BOOST_TEST(find_invalid_utf8("a\xE4\xB8") == 1u);  // truncated sequence
  // Strict, as the Unicode standard: an overlong NUL, a lead byte beyond F4, a code point above
  // U+10FFFF and a surrogate are all invalid (the old hand-written decoder took all four).
  BOOST_TEST(find_invalid_utf8("x\xC0\x80") == 1u);
  BOOST_TEST(find_invalid_utf8("x\xF5\x80\x80\x80") == 1u);
  BOOST_TEST(find_invalid_utf8("x\xF4\x90\x80\x80") == 1u);
  BOOST_TEST(find_invalid_utf8("x\xED\xA0\x80") == 1u);
  BOOST_TEST(find_invalid_utf8("\xF4\x8F\xBF\xBF") == std::string::npos);  // U+10FFFF itself
  BOOST_TEST(!provisio::is_valid_utf8("\xC0\x80"));
  std::size_t pos = 0;
  BOOST_TEST(static_cast<std::uint32_t>(decode_utf8("\xC0\x80", pos)) == 0xFFFDu);
  pos = 0;
  BOOST_TEST(static_cast<std::uint32_t>(decode_utf8("\xE4\xB8\xAD", pos)) == 0x4E2Du);
  BOOST_TEST(pos == 3u);
  std::string out;
  append_utf8(out, 0x4E2D);
  append_utf8(out, 0x110000);  // not a code point: the replacement character
  BOOST_TEST(out == "\xE4\xB8\xAD\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(reads_chinese_numerals) {
  const std::vector<std::pair<std::string, long>> cases = {
      {"一", 1},     {"十", 10},         {"十一", 11},        {"二十", 20},        {"五十八", 58},
      {"一百", 100}, {"一百零五", 105}, {"一百一十", 110},  {"兩千", 2000},      {"一千二百三十四", 1234},
      {"二〇一九", 2019}, {"廿三", 23},  {"參拾", 30},       {"一千零一", 1001},  {"三万", 30000},
      {"一萬", 10000}, {"一萬零五", 10005}, {"一億二千萬", 120000000}};
  for (const auto& [text, value] : cases) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_REQUIRE(parse_chinese_number(text).has_value());
      BOOST_TEST(*parse_chinese_number(text) == value);
    }
  }
  for (std::string bad : {"", "十百", "十五五", "第五", "5"}) BOOST_TEST(!parse_chinese_number(bad).has_value(), bad);
  for (long n : {1L, 10L, 11L, 20L, 58L, 105L, 110L, 1001L, 1234L, 9999L})
    BOOST_TEST(*parse_chinese_number(format_chinese_number(n)) == n);
  BOOST_TEST(format_chinese_number(58) == "五十八");
  BOOST_TEST(format_chinese_number(105) == "一百零五");
}

BOOST_AUTO_TEST_CASE(docx_paragraphs_styles_and_numbering) {
  std::string body = docx_paragraph("Agreement on Things", "Title") + docx_paragraph("Chapter 1 General", "1") +
                     docx_paragraph("Scope", "ArticleHead") + docx_paragraph("Level two", "Level2") +
                     docx_paragraph("First point", "", 1, 0) + docx_paragraph("sub one", "", 1, 1) +
                     docx_paragraph("sub two", "", 1, 1) + docx_paragraph("a bullet", "", 1, 2) +
                     docx_paragraph("Second point", "", 1, 0) + docx_paragraph("restarted below", "", 1, 1) +
                     docx_paragraph("   ") + docx_paragraph("定義", "Clause") + docx_paragraph("範圍", "Clause") +
                     "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Direct outline</w:t></w:r></w:p>";
  BOOST_TEST(describe(docx_blocks(make_docx(body, kStyles, kNumbering))) ==
             "[Title h1] Agreement on Things\n"
             "[1 h1] Chapter 1 General\n"
             "[ArticleHead h1] Scope\n"
             "[Level2 h2] Level two\n"
             "[ l0 1.] First point\n"
             "[ l1 (i)] sub one\n"
             "[ l1 (ii)] sub two\n"
             "[ l2] a bullet\n"
             "[ l0 2.] Second point\n"
             "[ l1 (i)] restarted below\n"
             "[Clause l0 第五條] 定義\n"
             "[Clause l0 第六條] 範圍\n"
             "[ h3] Direct outline\n");
}

BOOST_AUTO_TEST_CASE(docx_runs_tables_and_revisions) {
  std::string body =
      "<w:p><w:r><w:t>Split </w:t></w:r><w:r><w:t>across</w:t></w:r><w:r><w:tab/><w:t>runs</w:t></w:r>"
      "<w:hyperlink><w:r><w:t xml:space=\"preserve\"> and a link</w:t></w:r></w:hyperlink>"
      "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
      "<w:ins><w:r><w:t>, inserted</w:t></w:r></w:ins></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sector</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Commitment</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p><w:r><w:t>Testing</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1. Open.</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>2. Also open.</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
      "<w:sdt><w:sdtContent><w:p><w:r><w:t>In a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>";
  BOOST_TEST(describe(docx_blocks(make_docx(body))) ==
             "[] Split across runs and a link, inserted\n"
             "[tr] Sector | Commitment\n"
             "[tr] Testing | 1. Open. 2. Also open.\n"
             "[] In a content control\n");
}

BOOST_AUTO_TEST_CASE(docx_errors) {
  BOOST_TEST(error_of([] { docx_blocks(""); }) == "not a .docx file: the file is empty");
  BOOST_TEST(error_of([] { docx_blocks("PK but not really a zip, just some text"); }) ==
             "not a .docx file: not a zip archive");
  BOOST_TEST(error_of([] { docx_blocks(make_zip({{"readme.txt", "hello"}})); }) ==
             "not a .docx file: no word/document.xml in the archive");
  BOOST_TEST(error_of([] { docx_blocks(make_zip({{"word/document.xml", "<w:document><w:body>"}})); }) ==
             "not a .docx file: word/document.xml: Start-end tags mismatch at byte 19");
  BOOST_TEST(error_of([] { docx_blocks(make_zip({{"word/document.xml", "<other/>"}})); }) ==
             "not a .docx file: word/document.xml has no w:body");
}

BOOST_AUTO_TEST_CASE(html_blocks_lists_headings_and_tables) {
  const std::string page = R"(<!DOCTYPE html>
<html><head><title>T</title><style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/x">Back</a></nav>
<div id="content">
<h1>Annex 1</h1>
<h3 class="art">Article <b>5</b>
  Scope</h3>
<p>The first
paragraph, with <a href="#">a link</a>.</p>
<p>Line one<br>Line two<BR/>
<ul>
  <li>unordered
    <ol type="i" start="2">
      <li>nested two</li>
      <li value="7">nested seven</li>
    </ol>
  </li>
  <li>second</li>
</ul>
<ol><li>one</ol>
<table>
  <tr><th>Sector</th><th>Measure</th></tr>
  <tr><td>Testing</td><td>Open <i>fully</i></td></tr>
  <tr><td><p>Layout cell</p></td><td>beside</td></tr>
</table>
<div hidden>secret</div>
<p>香港
實驗所</p>
<!-- a comment -->
</div>
</body></html>)";
  BOOST_TEST(describe(html_blocks(page)) ==
             "[h1 h1] Annex 1\n"
             "[h3 h3] Article 5 Scope\n"
             "[p] The first paragraph, with a link.\n"
             "[p] Line one\n"
             "[p] Line two\n"
             "[li l0] unordered\n"
             "[li l1 ii.] nested two\n"
             "[li l1 vii.] nested seven\n"
             "[li l0] second\n"
             "[li l0 1.] one\n"
             "[th] Sector | Measure\n"
             "[tr] Testing | Open fully\n"
             "[p] Layout cell\n"
             "[td] beside\n"
             "[p] 香港實驗所\n");
}

BOOST_AUTO_TEST_CASE(html_rejects_non_utf8) {
  BOOST_TEST(error_of([] { html_blocks("<p>caf\xE9</p>"); }) == "not UTF-8 text: invalid byte at offset 6");
  BOOST_TEST(html_blocks("").empty());
}
