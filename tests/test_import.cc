#define BOOST_TEST_MODULE import
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "corpus.h"
#include "docx_builder.h"
#include "pdf_builder.h"
#include "markers.h"
#include "outline.h"
#include "page_text.h"
#include "schedule.h"
#include "skip_unless.h"
#include "test_support.h"

using namespace provisio::import;
using provisio::testing::docx_paragraph;
using provisio::testing::make_docx;
using provisio::testing::read_file;
using provisio::testing::run_provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

const std::string kFixtures = PROVISIO_IMPORT_FIXTURES;

std::string fixture(const std::string& name) { return kFixtures + "/" + name; }

// Compares `actual` with the golden file; PROVISIO_UPDATE_GOLDEN=1 rewrites the golden instead.
void check_golden(const std::string& actual, const std::string& golden_name) {
  std::string path = fixture(golden_name);
  if (std::getenv("PROVISIO_UPDATE_GOLDEN")) write_file(path, actual);
  BOOST_TEST(actual == read_file(path), "differs from " << path);
}

// "article 58 [Scope]", "item paren-roman 2 (letter 9) [text]", or "-" for no marker.
std::string describe(const std::string& line) {
  auto m = find_marker(line);
  if (!m) return "-";
  static const char* const kStyles[] = {"", "decimal", "paren-decimal", "paren-alpha", "paren-roman", "cjk-comma", "cjk-paren"};
  std::string out = division_type(m->kind);
  if (m->kind == MarkerKind::Item) out += std::string(" ") + kStyles[static_cast<int>(m->style)];
  out += " " + std::to_string(m->number);
  if (m->letter_number) out += " (letter " + std::to_string(m->letter_number) + ")";
  if (!m->rest.empty()) out += " [" + m->rest + "]";
  return out;
}

std::string outline_of(const std::vector<OutlineNode>& nodes, int indent = 0) {
  std::string out;
  for (const auto& n : nodes) {
    out += std::string(indent * 2, ' ') + n.key + "@" + std::to_string(n.line);
    if (!n.heading.empty()) out += " {" + n.heading + "}";
    if (!n.text.empty()) out += " " + n.text;
    out += "\n" + outline_of(n.children, indent + 1);
  }
  return out;
}

std::vector<SourceLine> text_lines(const std::string& text) {
  PageCleanup cleanup;
  return clean_page_text(text, cleanup);
}

const std::string kEnglishArgs = "--instrument sample-tc --lang en --signed 2020-01-01 --title zh-Hant=測試合作示範協議 ";

}  // namespace

BOOST_AUTO_TEST_CASE(recognises_markers) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Article 58  Conformity Assessment", "article 58 [Conformity Assessment]"},
      {"ARTICLE 7", "article 7"},
      {"Article 5 of this Agreement", "article 5 [of this Agreement]"},  // rejected later, by the outline
      {"article 5", "-"},
      {"Article 5bis", "-"},
      {"Chapter IV: Trade in Services", "chapter 4 [Trade in Services]"},
      {"Annex 1", "annex 1"},
      {"Table 2 Services", "table 2 [Services]"},
      {"Section 3", "section 3"},
      {"第五十八條　合格評定", "article 58 [合格評定]"},
      {"第五十八条", "article 58"},
      {"第一千零一條", "article 1001"},
      {"第12條 範圍", "article 12 [範圍]"},
      {"第五章 技術性貿易壁壘", "chapter 5 [技術性貿易壁壘]"},
      {"第二節", "section 2"},
      {"第一部分", "part 1"},
      {"附件1", "annex 1"},
      {"附件 一：服務", "annex 1 [服務]"},
      {"附件一所列產品", "-"},
      {"表2　服務", "table 2 [服務]"},
      {"表二中的產品", "-"},
      {"1.F.e Technical testing and analysis services", "sector 1 [Technical testing and analysis services]"},
      {"1.F.e. 技術測試和分析服務", "sector 1 [技術測試和分析服務]"},
      {"1.Fe", "-"},
      {"1. The parties", "item decimal 1 [The parties]"},
      {"１．雙方", "item decimal 1 [雙方]"},
      {"1.5 million", "-"},
      {"2019.", "-"},
      {"(a) text", "item paren-alpha 1 [text]"},
      {"(ii) text", "item paren-roman 2 [text]"},
      {"(i) text", "item paren-roman 1 (letter 9) [text]"},
      {"(12)", "item paren-decimal 12"},
      {"一、雙方", "item cjk-comma 1 [雙方]"},
      {"十二、", "item cjk-comma 12"},
      {"（一）獲接受", "item cjk-paren 1 [獲接受]"},
      {"（十）", "item cjk-paren 10"},
      {"(see below)", "-"},
      {"The Parties", "-"},
  };
  for (const auto& [line, expected] : cases) BOOST_TEST(describe(line) == expected, line);
}

BOOST_AUTO_TEST_CASE(drops_running_headers_footers_and_page_numbers) {
  std::string text =
      "Title of the Agreement\n\nArticle 1\nFirst page text.\n\n   Page 1 of 3\n"
      "\fRUNNING HEADER 2020\nArticle 2\nSecond page text.\n   - 2 -\n"
      "\fRUNNING HEADER 2021\nArticle 3\nThird page text.\n        3\n";
  PageCleanup cleanup;
  auto lines = clean_page_text(text, cleanup);
  std::string out;
  for (const auto& l : lines) out += std::to_string(l.line) + (l.after_blank ? "^" : "") + ":" + l.text + "\n";
  BOOST_TEST(out ==
             "1^:Title of the Agreement\n3^:Article 1\n4:First page text.\n"
             "8^:Article 2\n9:Second page text.\n12^:Article 3\n13:Third page text.\n");  // a page break counts as a blank line
  BOOST_TEST(cleanup.pages == 3);
  BOOST_TEST(cleanup.furniture_lines == 2);
  BOOST_TEST(cleanup.page_numbers == 3);
}

BOOST_AUTO_TEST_CASE(keeps_recurring_sentences_and_headings_at_page_edges) {
  // Every page opens with an article heading and ends with the same sentence: text, not furniture.
  std::string text = "Article 1\nText.\nThe sides agree.\n\fArticle 2\nText.\nThe sides agree.\n"
                     "\fArticle 3\nText.\nThe sides agree.\n";
  BOOST_TEST(text_lines(text).size() == 9u);
}

BOOST_AUTO_TEST_CASE(drops_a_table_of_contents) {
  std::string text =
      "Sample Agreement\n\n   Contents\n"
      "Chapter 1   General Provisions ........................ 1\n"
      "    Article 1   Objective . . . . . . . . . . . . . . . 1\n"
      "    Article 2   Definitions                             2\n"
      "第二章 合作……………………3\n"
      "\nChapter 1\nGeneral Provisions\nArticle 1  Objective\nThe objective is cooperation.\n"
      "Article 2  Definitions\nIn this Agreement        3 terms are defined.\n";
  PageCleanup cleanup;
  Outline o = build_outline(clean_page_text(text, cleanup), false);
  BOOST_TEST(cleanup.contents_lines == 5);
  BOOST_TEST(outline_of(o.top) ==
             "ch1@9 {General Provisions}\n"
             "  art1@11 {Objective} The objective is cooperation.\n"
             "  art2@13 {Definitions} In this Agreement 3 terms are defined.\n");
}

BOOST_AUTO_TEST_CASE(builds_the_outline_from_wrapped_lines) {
  std::string text =
      "Sample Agreement\n\n"
      "Article 1\nScope\n"
      "1. This Agreement applies to testing ser-\nvices and to certification\nArticle 5 of this Agreement notwithstanding.\n"
      "2. The parties shall consider:\n"
      "(a) one;\n(b) two;\n(c) three;\n(d) four;\n(e) five;\n(f) six;\n(g) seven;\n(h) eight;\n(i) nine;\n"
      "(j) ten.\n"
      "3. Further:\n(i) first;\n(ii) second.\n"
      "Chapter 2 Other Matters\nText under a chapter heading\nthat no article holds.\n"
      "Article 2 Chinese\n香港的檢測\n實驗所。\n";
  Outline o = build_outline(text_lines(text), false);
  BOOST_TEST(o.title == "Sample Agreement");
  BOOST_TEST(outline_of(o.top) ==
             "art1@3 {Scope}\n"
             "  1@5 This Agreement applies to testing services and to certification Article 5 of this Agreement notwithstanding.\n"
             "  2@8 The parties shall consider:\n"
             "    a@9 one;\n    b@10 two;\n    c@11 three;\n    d@12 four;\n    e@13 five;\n    f@14 six;\n"
             "    g@15 seven;\n    h@16 eight;\n    i@17 nine;\n    j@18 ten.\n"
             "  3@19 Further:\n    i@20 first;\n    ii@21 second.\n"
             "ch2@22 {Other Matters}\n"
             "  art2@25 {Chinese} 香港的檢測實驗所。\n");
  BOOST_REQUIRE_EQUAL(o.unplaced.size(), 1u);
  BOOST_TEST(o.unplaced[0].first_line == 23);
  BOOST_TEST(o.unplaced[0].last_line == 24);
  BOOST_TEST(o.unplaced[0].excerpt == "Text under a chapter heading");
  auto counts = count_levels(o);
  std::string c;
  for (const auto& [name, n] : counts) c += name + "=" + std::to_string(n) + " ";
  BOOST_TEST(c == "chapters=1 articles=2 paragraphs=3 subparagraphs=12 ");
}

BOOST_AUTO_TEST_CASE(tells_headings_from_wrapped_first_lines) {
  std::string en =
      "Article 1\nScope and coverage\nThis Agreement covers testing.\n"
      "Article 2\nThe two sides shall review this Agreement\nevery two years.\n"
      "Article 3\nReview.\n";
  BOOST_TEST(outline_of(build_outline(text_lines(en), false).top) ==
             "art1@1 {Scope and coverage} This Agreement covers testing.\n"
             "art2@4 The two sides shall review this Agreement every two years.\n"
             "art3@7 Review.\n");
  std::string zh =
      "第一條\n目的\n本協議旨在便利檢測。\n"
      "第二條\n雙方每兩年檢討本協議一次並向對方通報檢討\n結果。\n"
      "第三條\n雙方應當合作，\n互相通報。\n";
  BOOST_TEST(outline_of(build_outline(text_lines(zh), true).top) ==
             "art1@1 {目的} 本協議旨在便利檢測。\n"
             "art2@4 雙方每兩年檢討本協議一次並向對方通報檢討結果。\n"
             "art3@7 雙方應當合作，互相通報。\n");
}

BOOST_AUTO_TEST_CASE(imports_a_pdf_text_agreement_in_english) {
  TempDir dir;
  auto r = run_provisio("import " + kEnglishArgs + "'" + fixture("agreement-en.txt") + "' -o '" + dir / "out.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out ==
             "imported " + fixture("agreement-en.txt") +
                 " (text, en): 2 chapters, 5 articles, 1 annex, 2 tables, 8 paragraphs, 2 subparagraphs\n"
                 "dropped 2 running header/footer lines and 3 page numbers on 3 pages\n"
                 "wrote " + dir / "out.xml" + ": 16 provisions (16 added, 0 updated); 1 stretch not placed (see above)\n");
  BOOST_TEST(r.err == fixture("agreement-en.txt") +
                          ":34: warning: could not place 1 line (text outside any article, annex, table or numbered "
                          "paragraph): This Chapter sets out how the two sides work together on tes…\n");
  check_golden(read_file(dir / "out.xml"), "agreement-en.golden.xml");
}

// The names in `folder`, sorted: what an import left behind.
std::vector<std::string> names_in(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(folder)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

BOOST_AUTO_TEST_CASE(output_that_is_not_a_regular_file_is_refused_and_left_alone) {
  // `-o FOLDER` said "cannot write: Success"; `-o FIFO` (or, as root, a device) was replaced by the
  // corpus file through the final rename.
  TempDir dir;
  std::filesystem::create_directory(dir / "out");
  BOOST_REQUIRE_EQUAL(::mkfifo((dir / "pipe").c_str(), 0600), 0);
  std::string text = "'" + fixture("agreement-en.txt") + "'";
  auto r = run_provisio("import " + kEnglishArgs + text + " -o '" + dir / "out" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: " + dir / "out" + ": cannot write: it is a folder (give a file name)\n") !=
                 std::string::npos, r.err);
  r = run_provisio("import " + kEnglishArgs + text + " -o '" + dir / "pipe" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: " + dir / "pipe" +
                        ": cannot write: not a regular file (a device, FIFO or socket)\n") != std::string::npos, r.err);
  BOOST_TEST(std::filesystem::is_fifo(dir / "pipe"));
  r = run_provisio("import " + kEnglishArgs + text + " -o '" + dir / "missing/x.xml" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find(dir / "missing/x.xml" + ": cannot write: No such file or directory\n") != std::string::npos, r.err);
  BOOST_TEST(names_in(dir.path()) == (std::vector<std::string>{"out", "pipe"}));
  BOOST_TEST(names_in(dir / "out").empty());
}

BOOST_AUTO_TEST_CASE(output_is_replaced_whole_keeping_its_permissions_and_links) {
  TempDir dir;
  std::string text = "'" + fixture("agreement-en.txt") + "'";
  write_file(dir / "real.xml", "old");
  std::filesystem::permissions(dir / "real.xml", std::filesystem::perms(0640));
  std::filesystem::create_symlink("real.xml", dir / "link.xml");
  auto r = run_provisio("import " + kEnglishArgs + text + " -o '" + dir / "link.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(std::filesystem::is_symlink(dir / "link.xml"));
  BOOST_TEST(read_file(dir / "real.xml").find("<instrument id=\"sample-tc\"") != std::string::npos);
  BOOST_TEST(static_cast<int>(std::filesystem::status(dir / "real.xml").permissions()) == 0640);
  // No temporary file is left beside it.
  BOOST_TEST(names_in(dir.path()) == (std::vector<std::string>{"link.xml", "real.xml"}));
}

BOOST_AUTO_TEST_CASE(merges_the_chinese_text_and_indexes_the_result) {
  TempDir dir;
  std::string out = dir / "sample-tc.xml";
  BOOST_REQUIRE(run_provisio("import " + kEnglishArgs + "'" + fixture("agreement-en.txt") + "' -o '" + out + "'").status == 0);
  auto r = run_provisio("import --lang zh-Hant --merge '" + out + "' '" + fixture("agreement-zh-Hant.txt") + "' -o '" + out + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("16 provisions (0 added, 16 updated)") != std::string::npos, r.out);
  check_golden(read_file(out), "agreement-merged.golden.xml");

  std::string db = dir / "db";
  BOOST_REQUIRE(run_provisio("index --db '" + db + "' '" + out + "'").status == 0);
  auto by_number = run_provisio("search --db '" + db + "' --json --limit 1 'Article 3' 'mutual recognition'");
  BOOST_TEST(by_number.out.find("\"id\":\"sample-tc/art3/2/ii\"") != std::string::npos, by_number.out);
  auto by_content = run_provisio("search --db '" + db + "' --json --limit 1 --lang zh-Hant 認可實驗所");
  BOOST_TEST(by_content.out.find("\"id\":\"sample-tc/art2/a\"") != std::string::npos, by_content.out);
  auto simplified = run_provisio("search --db '" + db + "' --json --limit 1 第三条 证书");
  BOOST_TEST(simplified.out.find("\"id\":\"sample-tc/art3/2/ii\"") != std::string::npos, simplified.out);
}

BOOST_AUTO_TEST_CASE(merges_official_text_beside_digests_in_the_version_in_force) {
  TempDir dir;
  std::string target = dir / "tig.xml";
  write_file(target, provisio::testing::sample_instrument());
  write_file(dir / "art58.txt",
             "Chapter 7\nTechnical Barriers to Trade\n"  // a chapter the file does not have
             "Article 58  Conformity Assessment\n"
             "1.  The sides exchange information on standards and tech-\n    nical regulations.\n"
             "2.  Each side accepts the other's results.\n"
             "3.  A paragraph the file does not have yet.\n");
  auto r = run_provisio("import --lang en --from 2020-06-01 --merge '" + target + "' '" + dir / "art58.txt" + "' -o '" +
                        dir / "merged.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("3 provisions (1 added, 2 updated)") != std::string::npos, r.out);
  provisio::Diagnostics d;
  provisio::Corpus c = provisio::load_corpus({dir / "merged.xml"}, d);
  BOOST_REQUIRE(d.empty());
  const auto& p1 = c.instruments[0].provisions[0];
  BOOST_TEST(p1.id == "tig/art58/1");
  BOOST_REQUIRE_EQUAL(p1.versions.size(), 2u);
  BOOST_TEST(p1.versions[0].texts.size() == 1u);  // the 2019 version keeps its digest only
  BOOST_REQUIRE_EQUAL(p1.versions[1].texts.size(), 2u);
  BOOST_TEST(p1.versions[1].texts[0].kind == "digest");
  BOOST_TEST(p1.versions[1].texts[1].kind == "official");
  BOOST_TEST(p1.versions[1].texts[1].body == "The sides exchange information on standards and technical regulations.");
  const auto& p3 = c.instruments[0].provisions[2];
  BOOST_TEST(p3.id == "tig/art58/3");
  // Placed in the file's Article 58, not in a new Chapter 7.
  BOOST_TEST(p3.divisions == std::vector<std::string>{"Article 58 (Conformity assessment)"}, boost::test_tools::per_element());
  BOOST_TEST(p3.versions[0].from.iso() == "2020-06-01");
  BOOST_TEST(read_file(target) == provisio::testing::sample_instrument());  // the merge target is untouched
}

BOOST_AUTO_TEST_CASE(imports_an_html_clause_page) {
  TempDir dir;
  auto r = run_provisio("import --instrument sample-m --lang en --signed 2020-06-01 --title zh-Hant=檢測認證示範措施 '" +
                        fixture("measures-en.html") + "' -o '" + dir / "m.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "imported " + fixture("measures-en.html") +
                          " (html, en): 1 annex, 2 tables, 4 paragraphs, 3 subparagraphs\n"
                          "wrote " + dir / "m.xml" + ": 8 provisions (8 added, 0 updated)\n");
  check_golden(read_file(dir / "m.xml"), "measures-en.golden.xml");
}

BOOST_AUTO_TEST_CASE(imports_a_word_document) {
  const std::string styles = R"(
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="ArticleNo"><w:name w:val="Article Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)";
  const std::string numbering = R"xml(
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)xml";
  std::string body = docx_paragraph("认证示范规则", "Title") + docx_paragraph("第一章　总则", "Heading1") +
                     docx_paragraph("目的", "ArticleNo") + docx_paragraph("本规则旨在便利检测和认证。") +
                     docx_paragraph("范围", "ArticleNo") + docx_paragraph("本规则适用于：", "", 2, 0) +
                     docx_paragraph("电器产品；", "", 2, 1) + docx_paragraph("玩具。", "", 2, 1) +
                     docx_paragraph("认可机构应互相合作。", "", 2, 0) +
                     "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>" + docx_paragraph("序号") + "</w:tc><w:tc>" +
                     docx_paragraph("内容") + "</w:tc></w:tr><w:tr><w:tc>" + docx_paragraph("附件1") +
                     "</w:tc><w:tc>" + docx_paragraph("产品目录") + "</w:tc></w:tr></w:tbl>" +
                     docx_paragraph("1. 家用电器") + docx_paragraph("2. 玩具");
  TempDir dir;
  write_file(dir / "rules.docx", make_docx(body, styles, numbering));
  auto r = run_provisio("import --instrument sample-rules --kind measure --lang zh-Hans --signed 2021-03-01 "
                        "--effective 2021-04-01 --title 'en=Sample Certification Rules' --title 'zh-Hant=認證示範規則' "
                        "--source https://example.org/rules.docx '" + dir / "rules.docx" + "' -o '" + dir / "r.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "imported " + dir / "rules.docx" +
                          " (docx, zh-Hans): 1 chapter, 2 articles, 1 annex, 4 paragraphs, 2 subparagraphs\n"
                          "wrote " + dir / "r.xml" + ": 7 provisions (7 added, 0 updated)\n");
  check_golden(read_file(dir / "r.xml"), "rules-zh-Hans.golden.xml");
}

BOOST_AUTO_TEST_CASE(bad_input_gives_one_clear_error_and_writes_nothing) {
  TempDir dir;
  write_file(dir / "empty.txt", "");
  write_file(dir / "blank.txt", "  \n\n \f \n");
  write_file(dir / "binary.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10));
  write_file(dir / "big5.txt", "Article 1\n\xA4\xA4\xA4\xE5\n");
  write_file(dir / "plain.html", "<html><body><p>Welcome to our site.</p><p>Nothing numbered here.</p></body></html>");
  write_file(dir / "fake.docx", "This is not a Word file at all.");
  std::string out = dir / "out.xml";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"empty.txt", dir / "empty.txt" + ": the file is empty"},
      {"blank.txt", dir / "blank.txt" + ": the file has no text"},
      {"binary.txt", dir / "binary.txt" + ": binary file (a NUL byte at offset 7), expected text; Word files need --format docx"},
      {"big5.txt", dir / "big5.txt" + ": not UTF-8 text (invalid byte at offset 10); convert it first, e.g. iconv -f BIG5 -t UTF-8"},
      {"plain.html", dir / "plain.html" + ": no structure found: no chapter, article, annex, table or numbered paragraph was recognised"},
      {"fake.docx", dir / "fake.docx" + ": not a .docx file: not a zip archive"},
      {"missing.txt", dir / "missing.txt" + ": cannot read: No such file or directory"},
  };
  for (const auto& [name, message] : cases) {
    auto r = run_provisio("import " + kEnglishArgs + "'" + dir / name + "' -o '" + out + "'");
    BOOST_TEST(r.status == 1, name);
    BOOST_TEST(r.err == message + "\nprovisio: nothing was written\n", name);
    BOOST_TEST(r.out.empty(), name);
    BOOST_TEST(!std::filesystem::exists(out), name);
  }
  // Nothing left behind in the folder either (no temporary files).
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  BOOST_TEST(files == 6u);
}

BOOST_AUTO_TEST_CASE(strict_refuses_unplaced_text) {
  TempDir dir;
  auto r = run_provisio("import --strict " + kEnglishArgs + "'" + fixture("agreement-en.txt") + "' -o '" + dir / "o.xml" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == fixture("agreement-en.txt") +
                          ":34: error: could not place 1 line (text outside any article, annex, table or numbered "
                          "paragraph): This Chapter sets out how the two sides work together on tes…\n"
                          "provisio: 1 stretch could not be placed; nothing was written (--strict)\n");
  BOOST_TEST(!std::filesystem::exists(dir / "o.xml"));
}

BOOST_AUTO_TEST_CASE(usage_errors) {
  TempDir dir;
  std::string in = "'" + fixture("agreement-en.txt") + "' -o '" + dir / "o.xml" + "'";
  auto r = run_provisio("import --instrument x --lang en --title zh-Hant=題 " + in);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: --signed is required unless --merge is given (the corpus format needs the date signed)\n");
  r = run_provisio("import --instrument x --lang en --signed 2020-01-01 " + in);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: the instrument needs a title in zh-Hant: give --title zh-Hant=TEXT (the corpus format "
                      "requires titles in en and zh-Hant)\n");
  r = run_provisio("import --instrument x --lang en --signed 2020-02-30 --title zh-Hant=題 " + in);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: bad date '2020-02-30' for --signed: expected a real day as YYYY-MM-DD\n");
  r = run_provisio("import --instrument x --lang en --signed 2020-01-01 --topics nonsense " + in);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: unknown topic 'nonsense' for --topics (see the list in corpus/README.md)\n");
  write_file(dir / "tig.xml", provisio::testing::sample_instrument());
  r = run_provisio("import --instrument other --lang en --merge '" + dir / "tig.xml" + "' " + in);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: --instrument other does not match " + dir / "tig.xml" + ", which is instrument 'tig'\n");
  write_file(dir / "broken.xml", "<instrument id=\"x\">\n<oops>\n</instrument>\n");
  r = run_provisio("import --lang en --merge '" + dir / "broken.xml" + "' " + in);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == dir / "broken.xml" + ":3:3: malformed XML: Start-end tags mismatch\n" + dir / "broken.xml" +
                          ": cannot merge into a file that is not a valid corpus file\nprovisio: nothing was written\n");
  BOOST_TEST(!std::filesystem::exists(dir / "o.xml"));
  r = run_provisio("import --help");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out.find("provisio import --lang zh-Hant --merge cepa-tig.xml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(converts_legacy_encodings) {
  TempDir dir;
  // 第一條 目的 / 本協議適用於檢測。 in Big5.
  const std::string article = "\xB2\xC4\xA4\x40\xB1\xF8\x20\xA5\xD8\xAA\xBA";
  const std::string body = "\xA5\xBB\xA8\xF3\xC4\xB3\xBE\x41\xA5\xCE\xA9\xF3\xC0\xCB\xB4\xFA\xA1\x43";
  write_file(dir / "page.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">"
                                "</head><body><h3>" + article + "</h3><p>" + body + "</p></body></html>");
  write_file(dir / "big5.txt", article + "\n" + body + "\n");
  const std::string args = "--instrument x --lang zh-Hant --signed 2020-01-01 --title en=X --title zh-Hant=題 ";
  for (std::string input : {"page.html", "big5.txt"}) {
    std::string options = input == "big5.txt" ? "--encoding big5 " : "";
    auto r = run_provisio("import " + args + options + "'" + dir / input + "' -o '" + dir / "x.xml" + "'");
    BOOST_TEST(r.status == 0, r.err);
    std::string xml = read_file(dir / "x.xml");
    BOOST_TEST(xml.find("<text lang=\"zh-Hant\" kind=\"official\">本協議適用於檢測。</text>") != std::string::npos, xml);
    BOOST_TEST(xml.find("<heading lang=\"zh-Hant\">目的</heading>") != std::string::npos, xml);
  }
  auto r = run_provisio("import " + args + "--encoding klingon '" + dir / "big5.txt" + "' -o '" + dir / "y.xml" + "'");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: unknown encoding 'klingon' for --encoding\n");
  r = run_provisio("import " + args + "--encoding utf-8 '" + dir / "big5.txt" + "' -o '" + dir / "y.xml" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == dir / "big5.txt" + ": the text is not valid UTF-8 (byte 0)\n"
                      "provisio: nothing was written\n");
}

BOOST_AUTO_TEST_CASE(json_report) {
  TempDir dir;
  auto r = run_provisio("import --json " + kEnglishArgs + "'" + fixture("agreement-en.txt") + "' -o '" + dir / "o.xml" + "'");
  BOOST_TEST(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["counts"]["articles"] == 5);
  BOOST_TEST(j["provisions"] == 16);
  BOOST_TEST(j["title"] == "Sample Agreement on Testing Cooperation");
  BOOST_TEST(j["dropped"]["page_numbers"] == 3);
  BOOST_TEST(j["unplaced"][0]["first_line"] == 34);
}

// The whole path a user takes: a PDF, `pdftotext -layout`, then import. The PDF is laid out from
// the English fixture (same lines, indents and pages), so the import must give the same golden.
BOOST_AUTO_TEST_CASE(imports_what_pdftotext_makes_of_a_pdf,
                     *provisio::testing::skip_unless_program("pdftotext", "poppler-utils")) {
  std::vector<std::vector<provisio::testing::PdfLine>> pages(1);
  std::string text = read_file(fixture("agreement-en.txt"));
  double y = 800;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line[0] == '\f') {
      pages.emplace_back();
      y = 800;
      line.erase(0, 1);
    }
    std::size_t indent = line.find_first_not_of(' ');
    if (indent != std::string::npos) pages.back().push_back({40 + 5.0 * indent, y, line.substr(indent)});
    y -= 13;
  }
  TempDir dir;
  write_file(dir / "agreement-en.pdf", provisio::testing::make_pdf(pages));
  std::string txt = dir / "agreement-en.txt";
  BOOST_REQUIRE(std::system(("pdftotext -layout '" + dir / "agreement-en.pdf" + "' '" + txt + "'").c_str()) == 0);
  auto r = run_provisio("import " + kEnglishArgs + "'" + txt + "' -o '" + dir / "out.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("2 chapters, 5 articles, 1 annex, 2 tables, 8 paragraphs, 2 subparagraphs") != std::string::npos, r.out);
  BOOST_TEST(read_file(dir / "out.xml") == read_file(fixture("agreement-en.golden.xml")), read_file(txt));
}

// An old-style page: everything in a layout table, numbers in <B>, items separated by <BR>, a
// "Last revised" line outside any footer element, a banner before the title.
BOOST_AUTO_TEST_CASE(imports_an_old_style_chinese_page) {
  TempDir dir;
  auto r = run_provisio("import --instrument sample-supp --kind supplement --lang zh-Hant --signed 2020-01-01 "
                        "--title en='Sample Supplement' '" + fixture("supplement-zh-Hant.html") + "' -o '" + dir / "s.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "imported " + fixture("supplement-zh-Hant.html") +
                          " (html, zh-Hant): 3 paragraphs, 2 subparagraphs\n"
                          "dropped 1 line of site furniture (copyright, last revised…)\n"
                          "wrote " + dir / "s.xml" + ": 6 provisions (6 added, 0 updated)\n");
  check_golden(read_file(dir / "s.xml"), "supplement-zh-Hant.golden.xml");
}

BOOST_AUTO_TEST_CASE(word_stretches_are_reported_by_paragraph) {
  const std::string styles = R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>)";
  std::string body = docx_paragraph("Rules", "Heading1") + docx_paragraph("Chapter 1 General", "Heading1") +
                     docx_paragraph("Text under the chapter.") + docx_paragraph("More of it.") +
                     docx_paragraph("Article 1 Scope", "Heading1") + docx_paragraph("These rules apply.");
  TempDir dir;
  write_file(dir / "r.docx", make_docx(body, styles));
  auto r = run_provisio("import --strict " + kEnglishArgs + "'" + dir / "r.docx" + "' -o '" + dir / "r.xml" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == dir / "r.docx" + ": paragraph 3-4: error: could not place 2 lines (text outside any article, annex, "
                                       "table or numbered paragraph): Text under the chapter.\n"
                                       "provisio: 1 stretch could not be placed; nothing was written (--strict)\n");
  BOOST_TEST(!std::filesystem::exists(dir / "r.xml"));
}

// A services schedule: sectors coded 1.F.e give the corpus's ids (a1/t2/1fe/1) and pair with an
// existing file shaped like the bundled cepa-tis.xml.
BOOST_AUTO_TEST_CASE(schedule_sectors_pair_with_the_corpus_ids) {
  TempDir dir;
  write_file(dir / "tis.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="tis" kind="agreement" signed="2019-11-21">
  <title lang="en">Services</title><title lang="zh-Hant">服務</title>
  <division type="annex" number="1">
    <division type="table" number="1"><division type="sector" number="1.F.e">
      <provision id="tis/a1/t1/1fe/1"><citation lang="en">Annex 1, Table 1, 1.F.e, item 1</citation><topics>ccc</topics>
        <version from="2020-06-01"><heading lang="en">H</heading><text lang="en">Digest one.</text></version></provision>
    </division></division>
    <division type="table" number="2"><division type="sector" number="1.F.e">
      <provision id="tis/a1/t2/1fe/1"><citation lang="en">Annex 1, Table 2, 1.F.e, item 1</citation><topics>ccc</topics>
        <version from="2020-06-01"><heading lang="en">H</heading><text lang="en">Digest two.</text></version></provision>
    </division></division>
  </division>
</instrument>
)");
  write_file(dir / "t2.txt",
             "Annex 1\nTable 1\nTable 2\n"
             "1.F.e  Technical testing and analysis services\n"
             "1.  Allow Hong Kong laboratories to do CCC testing.\n"
             "2.  A second commitment.\n");
  auto r = run_provisio("import --lang en --merge '" + dir / "tis.xml" + "' '" + dir / "t2.txt" + "' -o '" + dir / "out.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("1 annex, 2 tables, 1 sector, 2 paragraphs") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("2 provisions (1 added, 1 updated)") != std::string::npos, r.out);
  provisio::Diagnostics d;
  provisio::Corpus c = provisio::load_corpus({dir / "out.xml"}, d);
  BOOST_REQUIRE(d.empty());
  const auto& ps = c.instruments[0].provisions;
  BOOST_REQUIRE_EQUAL(ps.size(), 3u);
  BOOST_TEST(ps[1].id == "tis/a1/t2/1fe/1");
  BOOST_TEST(ps[1].versions[0].texts.at(1).body == "Allow Hong Kong laboratories to do CCC testing.");
  BOOST_TEST(ps[2].id == "tis/a1/t2/1fe/2");
  BOOST_TEST(ps[2].divisions == std::vector<std::string>({"Annex 1", "Table 2", "Sector 1.F.e (Technical testing and analysis services)"}), boost::test_tools::per_element());
  BOOST_TEST(ps[2].citations.at("en") == "Annex 1, Table 2, Sector 1.F.e, item 2");
}

// An extract giving Articles 58, 59 and 68: each heading after a finished statement starts a new
// article, and lists may start at (ii), (v), （二）, （五）. Nothing is left unplaced.
BOOST_AUTO_TEST_CASE(gapped_numbering_starts_new_units) {
  std::string en =
      "Article 58\nScope\n1. The sides cooperate.\n"
      "Article 59\nCooperation\n3. The areas include:\n(ii) sharing methods;\n(iii) training staff.\n"
      "Article 68 - Measures for the Sample Area\nThe sides agree to:\n(v) promote results;\n(vi) explore pilots.\n";
  Outline o = build_outline(text_lines(en), false);
  BOOST_TEST(outline_of(o.top) ==
             "art58@1 {Scope}\n  1@3 The sides cooperate.\n"
             "art59@4 {Cooperation}\n  3@6 The areas include:\n    ii@7 sharing methods;\n    iii@8 training staff.\n"
             "art68@9 {Measures for the Sample Area} The sides agree to:\n  v@11 promote results;\n  vi@12 explore pilots.\n");
  BOOST_TEST(o.unplaced.empty());
  std::string zh =
      "第五十八條　範圍\n一、雙方合作。\n"
      "第五十九條　合作\n三、合作範圍包括：\n（二）分享方法；\n（三）培訓人員。\n"
      "第六十八條　示範區措施\n雙方同意：\n（五）推動結果互認；\n（六）探討試點。\n";
  o = build_outline(text_lines(zh), true);
  BOOST_TEST(outline_of(o.top) ==
             "art58@1 {範圍}\n  1@2 雙方合作。\n"
             "art59@3 {合作}\n  3@4 合作範圍包括：\n    2@5 分享方法；\n    3@6 培訓人員。\n"
             "art68@7 {示範區措施} 雙方同意：\n  5@9 推動結果互認；\n  6@10 探討試點。\n");
  BOOST_TEST(o.unplaced.empty());
  // A list starting at (c) is lettered, so (d) follows it; a wrapped "Article 70 of …" and a
  // number after an unfinished line still continue the sentence.
  std::string wrapped =
      "Article 1\nText:\n(c) third;\n(d) fourth, as set out in\nArticle 70 of the Agreement and in paragraph\n"
      "(5) of the Annex.\n";
  BOOST_TEST(outline_of(build_outline(text_lines(wrapped), false).top) ==
             "art1@1 Text:\n  c@3 third;\n  d@4 fourth, as set out in Article 70 of the Agreement and in paragraph (5) of "
             "the Annex.\n");
}

// A marker out of sequence after a finished statement is neither a new unit nor the previous
// unit's text: it and the lines after it are reported.
BOOST_AUTO_TEST_CASE(out_of_sequence_markers_are_reported_not_merged) {
  std::string text =
      "Article 68\nThe sides agree to:\n(v) promote results;\n(vi) explore pilots.\n"
      "(ix) a stray item.\nIts second line.\n"
      "Article 12 Transparency\nEach side publishes its rules.\n"
      "Article 69\nReview.\n";
  Outline o = build_outline(text_lines(text), false);
  BOOST_TEST(outline_of(o.top) ==
             "art68@1 The sides agree to:\n  v@3 promote results;\n  vi@4 explore pilots.\nart69@9 Review.\n");
  BOOST_REQUIRE_EQUAL(o.unplaced.size(), 2u);
  BOOST_TEST(o.unplaced[0].first_line == 5);
  BOOST_TEST(o.unplaced[0].last_line == 6);
  BOOST_TEST(o.unplaced[0].reason == "(ix) does not continue the numbering before it");
  BOOST_TEST(o.unplaced[1].first_line == 7);
  BOOST_TEST(o.unplaced[1].last_line == 8);
  BOOST_TEST(o.unplaced[1].reason == "Article 12 out of sequence after Article 68");

  TempDir dir;
  write_file(dir / "x.txt", text);
  const std::string args = kEnglishArgs + "--title en=Sample ";
  auto r = run_provisio("import --strict " + args + "'" + dir / "x.txt" + "' -o '" + dir / "x.xml" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == dir / "x.txt" + ":5-6: error: could not place 2 lines ((ix) does not continue the numbering before "
                                      "it): (ix) a stray item.\n" +
                          dir / "x.txt" + ":7-8: error: could not place 2 lines (Article 12 out of sequence after Article "
                                          "68): Article 12 Transparency\n"
                                          "provisio: 2 stretches could not be placed; nothing was written (--strict)\n");
  BOOST_TEST(!std::filesystem::exists(dir / "x.xml"));
  r = run_provisio("import --json " + args + "'" + dir / "x.txt" + "' -o '" + dir / "x.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["unplaced"][1]["reason"] == "Article 12 out of sequence after Article 68");
  BOOST_TEST(read_file(dir / "x.xml").find("stray") == std::string::npos);
}

// Text copied from a PDF viewer: no form feeds, but "Page 2 of 3" / "第 2 頁，共 3 頁" lines still
// end pages, so they and the running headers after them are dropped.
BOOST_AUTO_TEST_CASE(page_footers_without_form_feeds_are_dropped) {
  std::string text =
      "Article 1\nThe first page text runs on\nPage 1 of 3\nSAMPLE HEADER\nto the second page.\n"
      "第 2 頁，共 3 頁\nSAMPLE HEADER\nArticle 2\nSee Page 2 of the guide.\nPage 3\n";
  PageCleanup cleanup;
  auto lines = clean_page_text(text, cleanup);
  std::string out;
  for (const auto& l : lines) out += std::to_string(l.line) + ":" + l.text + "\n";
  BOOST_TEST(out == "1:Article 1\n2:The first page text runs on\n5:to the second page.\n8:Article 2\n9:See Page 2 of the guide.\n");
  BOOST_TEST(cleanup.pages == 3);
  BOOST_TEST(cleanup.page_numbers == 3);
  BOOST_TEST(cleanup.furniture_lines == 2);
  // A bare number is only a page number at a page's edge, as before.
  BOOST_TEST(text_lines("Article 1\nTable:\nRow one\n12\nRow two\nmore.\nend.\n").size() == 7u);
}

BOOST_AUTO_TEST_CASE(imports_an_extract_with_numbering_gaps_in_both_languages) {
  TempDir dir;
  std::string out = dir / "x.xml";
  auto r = run_provisio("import " + kEnglishArgs + "'" + fixture("extract-gaps-en.txt") + "' -o '" + out + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.err.empty(), r.err);
  BOOST_TEST(r.out == "imported " + fixture("extract-gaps-en.txt") +
                          " (text, en): 3 articles, 7 paragraphs, 2 subparagraphs\n"
                          "dropped 2 running header/footer lines and 2 page numbers on 3 pages\n"
                          "wrote " + out + ": 10 provisions (10 added, 0 updated)\n");
  check_golden(read_file(out), "extract-gaps-en.golden.xml");
  r = run_provisio("import --strict --lang zh-Hant --merge '" + out + "' '" + fixture("extract-gaps-zh-Hant.txt") + "' -o '" + out + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("10 provisions (0 added, 10 updated)") != std::string::npos, r.out);
  check_golden(read_file(out), "extract-gaps-merged.golden.xml");
}

BOOST_AUTO_TEST_CASE(recognises_schedule_lines) {
  auto label = [](const std::string& line) {
    ScheduleLabelLine l = schedule_label(line);
    const char* names[] = {"-", "sectors", "commitments"};
    return std::string(names[static_cast<int>(l.label)]) + (l.rest.empty() ? "" : " [" + l.rest + "]");
  };
  const std::vector<std::pair<std::string, std::string>> labels = {
      {"Sectors or sub-sectors", "sectors"},       {"SECTOR OR SUBSECTOR:", "sectors"},
      {"Sectors or sub-sectors | 1. Business Services", "sectors [1. Business Services]"},
      {"部門或分部門", "sectors"},                  {"部门或分部门：１．商业服务", "sectors [１．商业服务]"},
      {"Specific commitments", "commitments"},     {"具體承諾", "commitments"},
      {"具体承诺", "commitments"},                  {"Sectors of the economy", "-"},
      {"Specific commitmentsX", "-"},
  };
  for (const auto& [line, expected] : labels) BOOST_TEST(label(line) == expected, line);
  auto part = [](const std::string& line) {
    auto p = sector_part(line);
    return p ? std::to_string(p->level) + " " + p->code + " [" + p->name + "]" : std::string("-");
  };
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"1. Business Services", "0 1 [Business Services]"}, {"F. Other Business Services", "1 F [Other Business Services]"},
      {"e. Technical testing", "2 e [Technical testing]"},  {"e.技術測試（CPC）", "2 e [技術測試（CPC）]"},
      {"１．商業服務", "0 1 [商業服務]"},                 {"e.g. testing", "-"},
      {"1.5 million", "-"},                                {"Business Services", "-"},
  };
  for (const auto& [line, expected] : parts) BOOST_TEST(part(line) == expected, line);
  const std::vector<std::pair<std::string, std::string>> dates = {
      {"Effective from 1 March 2025", "2025-03-01"}, {"EFFECTIVE FROM: 1st March 2025.", "2025-03-01"},
      {"With effect from March 1, 2025", "2025-03-01"}, {"2025年3月1日起實施", "2025-03-01"},
      {"自２０２５年３月１日起实施。", "2025-03-01"}, {"2025年3月1日起生效", "2025-03-01"},
      {"Effective from 30 February 2025", "-"}, {"Effective from 1 March 2025 for goods", "-"},
      {"2025年3月1日", "-"},
  };
  for (const auto& [line, expected] : dates) BOOST_TEST(effective_date_line(line).value_or("-") == expected, line);
}

// The services-schedule layout: the code over three lines under "Sectors or sub-sectors" gives the
// sector division and the ids (…/1fe/1), the date line the version's start, in both languages.
BOOST_AUTO_TEST_CASE(imports_a_services_schedule_in_both_languages) {
  TempDir dir;
  std::string out = dir / "s.xml";
  auto r = run_provisio("import --strict --instrument sample-tis --lang en --signed 2019-11-21 --title zh-Hant=示範 '" +
                        fixture("schedule-en.txt") + "' -o '" + out + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("1 annex, 1 table, 2 sectors, 3 paragraphs") != std::string::npos, r.out);
  check_golden(read_file(out), "schedule-en.golden.xml");
  r = run_provisio("import --strict --lang zh-Hant --merge '" + out + "' '" + fixture("schedule-zh-Hant.txt") + "' -o '" + out + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("3 provisions (0 added, 3 updated)") != std::string::npos, r.out);
  check_golden(read_file(out), "schedule-merged.golden.xml");
  provisio::Diagnostics d;
  provisio::Corpus c = provisio::load_corpus({out}, d);
  BOOST_REQUIRE(d.empty());
  const auto& ps = c.instruments[0].provisions;
  BOOST_REQUIRE_EQUAL(ps.size(), 3u);
  BOOST_TEST(ps[0].id == "sample-tis/a1/t2/1fe/1");
  BOOST_TEST(ps[0].versions.at(0).from.iso() == "2025-03-01");
  BOOST_TEST(ps[0].divisions.back() ==
             "Sector 1.F.e (Technical testing and analysis services (CPC 8676) and product testing services)");
  BOOST_TEST(ps[1].id == "sample-tis/a1/t2/1fe/2");
  BOOST_TEST(ps[2].id == "sample-tis/a1/t2/1fm/1");
  BOOST_TEST(ps[2].versions.at(0).from.iso() == "2019-11-21");  // no date line in its block
  BOOST_TEST(ps[0].citations.at("zh-Hant") == "附件1表2部門1.F.e第1項");
}

// Where a schedule's date line may stand: inside a block (for that sector), just before a block
// (for the blocks after it), anywhere else it is ordinary text. A code with no commitments label
// ends at the first commitment after its item line.
BOOST_AUTO_TEST_CASE(schedule_dates_and_blocks) {
  std::string text =
      "Table 2\nEffective from 1 June 2020\nSectors or sub-sectors\n1. Business Services\nF. Other Business Services\n"
      "e. Testing\n1. First.\n"
      "Sectors or sub-sectors: 1. Business Services\nF. Other Business Services\nm. Consulting\nSpecific commitments\n"
      "1. Second.\n2025年3月1日起實施\n"
      "Table 3\nThe table is in force.\nEffective from 1 July 2021\n"
      "Table 4\nSectors or sub-sectors\nSpecific commitments\n1. Lost.\n2. Also lost.\nTable 5\n1. Placed.\n";
  Outline o = build_outline(text_lines(text), false);
  std::string dates;
  for (const auto& t : o.top)
    for (const auto& s : t.children)
      if (s.kind == MarkerKind::Sector) dates += s.key + "=" + s.effective + " ";
  BOOST_TEST(dates == "1fe=2020-06-01 1fm=2025-03-01 ");
  BOOST_TEST(outline_of(o.top) ==
             "t2@1\n  1fe@3 {Testing}\n    1@7 First.\n  1fm@8 {Consulting}\n    1@12 Second.\n"
             "t3@14 The table is in force. Effective from 1 July 2021\n"
             "t4@17\nt5@22\n  1@23 Placed.\n");
  BOOST_REQUIRE_EQUAL(o.unplaced.size(), 1u);  // a block without a code: its commitments are reported
  BOOST_TEST(o.unplaced[0].first_line == 18);
  BOOST_TEST(o.unplaced[0].last_line == 21);
  BOOST_TEST(o.unplaced[0].reason == "no sector code after \"Sectors or sub-sectors\"");
}

// The line tests are scanners, not std::regex, whose recursion overflowed the stack on a line of
// 50,000 spaces (a PDF's layout gap) or a long closing formula.
BOOST_AUTO_TEST_CASE(very_long_lines_are_safe) {
  const std::string spaces(50000, ' ');
  const std::string words = [] {
    std::string s;
    for (int i = 0; i < 10000; ++i) s += "word ";
    return s;
  }();
  TempDir dir;
  write_file(dir / "long.txt", "Article 1\nThe text" + spaces + "12\n" + "Chapter 2" + spaces + "3\n" +
                                   "Copyright" + spaces + "\n" + spaces + "\n" + "Page" + spaces + "2\n" + "Article 2\n" +
                                   "本協議於" + words + "簽署。\n");
  auto r = run_provisio("import --json " + kEnglishArgs + "--title en=Long '" + dir / "long.txt" + "' -o '" +
                        dir / "long.xml" + "'");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["counts"]["articles"] == 2);
  BOOST_TEST(j["dropped"]["contents_lines"] == 1);  // "Chapter 2 … 3"
  BOOST_TEST(j["dropped"]["page_numbers"] == 1);
  BOOST_TEST(is_site_furniture("Last updated" + spaces));
  BOOST_TEST(!is_site_furniture("Lastly" + spaces));
}

BOOST_AUTO_TEST_CASE(recognises_site_furniture) {
  for (std::string yes : {"Last revised: 3 May 2020", "LAST UPDATED 2020", "Last review date 1.1.2020", "Copyright 2020",
                          "copyright © HKSAR", "© 2020 Sample", "(c) 2020 Sample", "Privacy Policy", "important notices",
                          "Back to top", "最後修訂日期：2020年", "版權所有", "返回頁首", "打印本页"})
    BOOST_TEST(is_site_furniture(yes), yes);
  for (std::string no : {"Last updatedness", "Copyrighted works are covered.", "Privacy Policy applies to data",
                         "The last revised list", "(c) the laboratory", "本頁版權"})
    BOOST_TEST(!is_site_furniture(no), no);
}
