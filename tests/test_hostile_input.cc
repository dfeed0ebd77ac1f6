// Hostile inputs (issue 18): each reader of outside input is given what an attacker or a broken
// tool could send (deep nesting, huge numbers, long ids, bad bytes) and must answer with a clear
// error or a bounded result, never a crash or a stall. Inputs are built here, in temp folders.
#define BOOST_TEST_MODULE hostile_input
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "corpus.h"
#include "docx.h"
#include "docx_builder.h"
#include "html.h"
#include "lexicon.h"
#include "reader.h"
#include "segmenter.h"
#include "submission_fixtures.h"
#include "corpus_problems.h"
#include "test_support.h"

using namespace provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// The diagnostics of loading one corpus file, one per line, without the folder's path.
std::string corpus_problems(const std::string& content) { return testing::corpus_problems({{"x.xml", content}}); }

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kHead =
    "<instrument id=\"i\" kind=\"agreement\" signed=\"2019-01-01\">\n"
    "<title lang=\"en\">T</title><title lang=\"zh-Hant\">題</title>\n";  // divisions start on line 3

const std::string kProvision =
    "<provision id=\"i/p1\"><citation lang=\"en\">Art 1</citation><topics>ccc</topics>"
    "<version from=\"2019-01-01\"><heading lang=\"en\">H</heading><text lang=\"en\">T</text></version>"
    "</provision>";

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus_files)

BOOST_AUTO_TEST_CASE(deeply_nested_divisions_are_refused_not_followed) {
  // 200,000 levels overflowed the stack (and copied the breadcrumb at every level).
  const std::size_t depth = 200000;
  std::string xml = kHead + repeat("<division type=\"part\">", depth) + kProvision +
                    repeat("</division>", depth) + "</instrument>\n";
  std::string problems = corpus_problems(xml);
  BOOST_TEST(problems == "x.xml:3:1409: divisions nested more than 64 deep\n");
}

BOOST_AUTO_TEST_CASE(divisions_within_the_limit_keep_their_breadcrumb) {
  std::string xml = kHead + repeat("<division type=\"part\">", 64) + kProvision + repeat("</division>", 64) +
                    "<division type=\"annex\">" + std::string(kProvision).replace(17, 2, "p2") + "</division>" +
                    "</instrument>\n";
  TempDir dir;
  write_file(dir / "x.xml", xml);
  Diagnostics d;
  Corpus c = load_corpus({dir / "x.xml"}, d);
  BOOST_TEST(d.empty());
  BOOST_REQUIRE_EQUAL(c.instruments.at(0).provisions.size(), 2u);
  BOOST_TEST(c.instruments[0].provisions[0].divisions.size() == 64u);
  BOOST_TEST(c.instruments[0].provisions[1].divisions == std::vector<std::string>{"Annex"});
}

BOOST_AUTO_TEST_CASE(long_ids_are_refused_by_length) {
  // std::regex recursed once per character: a 100,000-character id overflowed the stack. Checked
  // by a scanner since, such an id was then accepted and stopped `index` with Xapian's raw "Term
  // too long (> 245)".
  std::string long_id(100000, 'a');
  std::string xml = "<instrument id=\"" + long_id + "\" kind=\"agreement\" signed=\"2019-01-01\">\n"
                    "<title lang=\"en\">T</title><title lang=\"zh-Hant\">題</title>\n" +
                    std::string(kProvision).replace(15, 1, long_id) + "</instrument>\n";
  BOOST_TEST(corpus_problems(xml) == "x.xml:1:1: instrument id too long: 100000 bytes (at most 200)\n"
                                     "x.xml:3:1: provision id too long: 100003 bytes (at most 200)\n");
  // The longest id accepted (200 bytes) is indexed.
  std::string longest = std::string(kProvision).replace(17, 2, std::string(198, 'b'));  // i/bbb…
  BOOST_TEST(corpus_problems(kHead + longest + "</instrument>\n").empty());
  TempDir dir;
  write_file(dir / "corpus/i.xml", kHead + longest + "</instrument>\n");
  auto r = testing::run_provisio("index --db '" + dir / "db" + "' '" + dir / "corpus" + "'");
  BOOST_TEST(r.status == 0, r.err);
  // A scanner, not a regular expression, still checks the syntax of long ids.
  std::string bad = "<instrument id=\"" + std::string(150, 'a') + "!\" kind=\"agreement\" signed=\"2019-01-01\">\n"
                    "<title lang=\"en\">T</title><title lang=\"zh-Hant\">題</title>\n" +
                    std::string(kProvision).replace(15, 1, std::string(150, 'a') + "/x/") + "</instrument>\n";
  std::string problems = corpus_problems(bad);
  BOOST_TEST(problems.find("x.xml:1:1: bad instrument id") == 0, problems);
  BOOST_TEST(problems.find("x.xml:3:1: bad provision id") != std::string::npos, problems);
}

BOOST_AUTO_TEST_CASE(id_syntax_is_unchanged) {
  auto problems_for = [](const std::string& instrument_id, const std::string& provision_id) {
    std::string xml = "<instrument id=\"" + instrument_id + "\" kind=\"agreement\" signed=\"2019-01-01\">\n"
                      "<title lang=\"en\">T</title><title lang=\"zh-Hant\">題</title>\n" +
                      std::string(kProvision).replace(15, 4, provision_id) + "</instrument>\n";
    return corpus_problems(xml);
  };
  BOOST_TEST(problems_for("cepa-tig2", "cepa-tig2/art.5/1_a-b").empty());
  BOOST_TEST(!problems_for("-cepa", "-cepa/1").empty());
  BOOST_TEST(!problems_for("Cepa", "Cepa/1").empty());
  BOOST_TEST(!problems_for("cepa", "cepa/").empty());
  BOOST_TEST(!problems_for("cepa", "cepa//1").empty());
  BOOST_TEST(!problems_for("cepa", "cepa/1/").empty());
  BOOST_TEST(!problems_for("cepa", "cepa/A").empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_at_its_line_and_column) {
  // A file declared as Big5: accepted silently, then a raw JSON exception with no file name.
  std::string xml = "<?xml version=\"1.0\" encoding=\"Big5\"?>\n" + kHead +
                    "<division type=\"part\"><heading lang=\"en\">\xA1\x40</heading>" + kProvision +
                    "</division></instrument>\n";
  BOOST_TEST(corpus_problems(xml) == "x.xml:4:42: invalid UTF-8 (byte 0xA1): corpus files must be UTF-8\n");
}

BOOST_AUTO_TEST_CASE(many_references_keep_their_positions) {
  // Each <ref>'s position was found by counting lines from the top (20,000 refs: 82 s).
  std::string refs;
  for (int i = 0; i < 20000; ++i) refs += "<ref to=\"i/missing" + std::to_string(i) + "\"/>\n";
  std::string p = kProvision;
  p.insert(p.find("<version"), "\n" + refs);
  std::string problems = corpus_problems(kHead + p + "</instrument>\n");
  BOOST_TEST(problems.find("x.xml:4:1: reference to unknown provision 'i/missing0'\n") == 0);
  BOOST_TEST(problems.find("x.xml:20003:1: reference to unknown provision 'i/missing19999'\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

std::string html_error(const std::string& html) {
  try {
    extract::html_blocks(html);
  } catch (const extract::ExtractError& e) {
    return e.what();
  }
  return "";
}

std::string docx_error(const std::string& docx) {
  try {
    extract::docx_blocks(docx);
  } catch (const extract::ExtractError& e) {
    return e.what();
  }
  return "";
}

std::string read_error(const std::string& name, const std::string& bytes) {
  try {
    submissions::read_submission(name, bytes);
  } catch (const submissions::ReadError& e) {
    return e.what();
  }
  return "";
}

// The labels of the list items of an HTML page.
std::string html_labels(const std::string& html) {
  std::string out;
  for (const auto& b : extract::html_blocks(html)) out += b.list_label + " ";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_pages)

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_before_parsing) {
  // 200,000 nested <span> crashed; nested <div> made gumbo's tree builder run for hours.
  for (const char* tag : {"span", "div", "b", "table"}) {
    std::string html = "<html><body>" + repeat(std::string("<") + tag + ">", 200000) + "x</body></html>";
    BOOST_TEST(html_error(html) == "elements nested more than 512 deep", tag);
  }
  // Self-closing syntax does not close a <span> in HTML: it nests just the same.
  BOOST_TEST(html_error("<body>" + repeat("<span/>", 200000)) == "elements nested more than 512 deep");
}

BOOST_AUTO_TEST_CASE(ordinary_pages_are_not_mistaken_for_deep_ones) {
  // Unclosed paragraphs, list items and cells, void elements, svg shapes and markup-like text in
  // scripts and comments add no depth.
  std::string html = "<html><body>" + repeat("<p>para<br><img src=x>", 3000) + "<ul>" + repeat("<li>item", 3000) +
                     "</ul><table>" + repeat("<tr><td>a<td>b", 3000) + "</table><svg>" + repeat("<path d='m0 0'/>", 3000) +
                     "</svg><script>" + repeat("<div>", 3000) + "</SCRIPT><!--" + repeat("<div>", 3000) + "-->" +
                     "<div title='<div><div>'>" + repeat("<div>x</div>", 3000) + "</div></body></html>";
  BOOST_TEST(html_error(html).empty());
  BOOST_TEST(html_error("<body>" + repeat("<div>", 500) + "x").empty());
}

BOOST_AUTO_TEST_CASE(list_numbers_are_capped) {
  // An 88-byte page made a 1 GB roman numeral; LONG_MAX overflowed the counter.
  BOOST_TEST(html_labels("<ol type=\"i\" start=\"1000000000000\"><li>a<li>b</ol>") == "i. ii. ");
  BOOST_TEST(html_labels("<ol type=\"i\" start=\"9223372036854775807\"><li>a<li>b</ol>") == "i. ii. ");
  BOOST_TEST(html_labels("<ol start=\"-3\"><li>a</ol>") == "1. ");
  BOOST_TEST(html_labels("<ol type=\"a\"><li value=\"99999999999\">a<li value=\"28\">b</ol>") == "a. bb. ");
  // Roman numerals stop at 3999, letters at 30 letters: digits beyond.
  BOOST_TEST(html_labels("<ol type=\"I\" start=\"3999\"><li>a<li>b</ol>") == "MMMCMXCIX. 4000. ");
  BOOST_TEST(html_labels("<ol type=\"a\" start=\"780\"><li>a<li>b</ol>") == "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz. 781. ");
  BOOST_TEST(html_labels("<ol start=\"1000000\"><li>a<li>b</ol>") == "1000000. 1000001. ");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(word_files)

using testing::docx_paragraph;
using testing::make_docx;
using testing::make_zip;

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused) {
  // 100,000 nested <w:hyperlink> (or <w:customXml>) overflowed the stack.
  std::string run = "<w:r><w:t>x</w:t></w:r>";
  std::string p = "<w:p>" + repeat("<w:hyperlink>", 100000) + run + repeat("</w:hyperlink>", 100000) + "</w:p>";
  BOOST_TEST(docx_error(make_docx(p)) == "not a .docx file: word/document.xml: elements nested more than 256 deep");
  std::string c = repeat("<w:customXml>", 100000) + docx_paragraph("x") + repeat("</w:customXml>", 100000);
  BOOST_TEST(docx_error(make_docx(c)) == "not a .docx file: word/document.xml: elements nested more than 256 deep");
  std::string shallow = "<w:p>" + repeat("<w:hyperlink>", 200) + run + repeat("</w:hyperlink>", 200) + "</w:p>";
  BOOST_REQUIRE_EQUAL(extract::docx_blocks(make_docx(shallow)).size(), 1u);
}

BOOST_AUTO_TEST_CASE(list_starts_are_capped) {
  // A 914-byte file whose numbering started at 10^12 passed 6 GB; LONG_MAX overflowed.
  auto labels = [](const std::string& start, const std::string& format) {
    std::string numbering = "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"" + start +
                            "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
                            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>";
    std::string out;
    for (const auto& b : extract::docx_blocks(make_docx(docx_paragraph("a", "", 1) + docx_paragraph("b", "", 1), "", numbering)))
      out += b.list_label + " ";
    return out;
  };
  BOOST_TEST(labels("1000000000000", "lowerRoman") == "i. ii. ");
  BOOST_TEST(labels("1000000000000", "lowerLetter") == "a. b. ");
  BOOST_TEST(labels("9223372036854775807", "decimal") == "1. 2. ");
  BOOST_TEST(labels("5000", "upperRoman") == "5000. 5001. ");
  BOOST_TEST(labels("27", "lowerLetter") == "aa. bb. ");
}

BOOST_AUTO_TEST_CASE(zip_bombs_are_refused_before_inflating) {
  // The cap was per part (256 MB): a 255 KB file became a 250 MB submission.
  std::string big = "<w:p><w:r><w:t>" + std::string(65u << 20, ' ') + "x</w:t></w:r></w:p>";
  std::string bomb = make_docx(big);
  BOOST_TEST(bomb.size() < 200000u);
  BOOST_TEST(docx_error(bomb) == "too large: word/document.xml inflates to 65 MB, more than the 64 MB left of the limit");
  BOOST_TEST(read_error("views.docx", bomb) ==
             "views.docx: too large: word/document.xml inflates to 65 MB, more than the 64 MB left of the limit");
  // The limit is for the whole file: styles and numbering count too.
  std::string styles = "<w:style w:type=\"paragraph\" w:styleId=\"x\"><w:name w:val=\"" + std::string(40u << 20, 'x') +
                       "\"/></w:style>";
  std::string half = "<w:p><w:r><w:t>" + std::string(30u << 20, ' ') + "x</w:t></w:r></w:p>";
  BOOST_TEST(docx_error(make_docx(half, styles)).find("too large: word/styles.xml inflates to 40 MB") == 0);
  // So does the number of members.
  std::vector<std::pair<std::string, std::string>> members = {
      {"word/document.xml", "<w:document " + testing::kWordNs + "><w:body>" + docx_paragraph("x") + "</w:body></w:document>"}};
  for (int i = 0; i < 10001; ++i) members.push_back({"m" + std::to_string(i), ""});
  BOOST_TEST(docx_error(make_zip(members)) == "not a .docx file: more than 10000 members in the archive");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(emails)

BOOST_AUTO_TEST_CASE(attachments_share_one_inflate_limit) {
  // Four attachments under the per-file limit needed 3.1 GB together.
  std::string docx = testing::make_docx("<w:p><w:r><w:t>" + std::string(40u << 20, ' ') + "x</w:t></w:r></w:p>");
  std::vector<testing::MailPart> parts = {{"text/plain; charset=utf-8", "8bit", "See attached.", ""}};
  for (int i = 1; i <= 2; ++i)
    parts.push_back({"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "base64", docx,
                     "attachment; filename=part" + std::to_string(i) + ".docx"});
  std::string mail = testing::make_email("a@example.org", "Views", "Wed, 22 May 2019 10:00:00 +0800", parts);
  BOOST_TEST(read_error("views.eml", mail) ==
             "views.eml: attachment part2.docx: too large: word/document.xml inflates to 40 MB, more than the 23 MB "
             "left of the limit");
}

BOOST_AUTO_TEST_CASE(a_truncated_message_gives_no_negative_offset) {
  std::string mail = "From: a@example.org\r\nSubject: Views\r\nMIME-Version: 1.0\r\n"
                     "Content-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n--sep\r\n"
                     "Content-Type: text/plain\r\n\r\nHello\r\n";
  std::string error = read_error("views.eml", mail);
  BOOST_TEST(error.find("byte -") == std::string::npos, error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(chinese_text)

BOOST_AUTO_TEST_CASE(a_long_run_of_numerals_is_segmented_in_one_pass) {
  // Each position rescanned the numerals after it: 40,000 took 21 s, 200,000 would take minutes.
  auto lexicon = std::make_shared<Lexicon>();
  lexicon->add_general(U"一二", 10);
  lexicon->finish();
  Segmenter segmenter(lexicon);
  std::u32string run;
  for (int i = 0; i < 20000; ++i) run += U"一二三四五六七八九十";
  run += U"年";
  std::vector<std::size_t> lengths;
  segmenter.segment_han(run, lengths);
  std::size_t total = 0;
  for (std::size_t len : lengths) total += len;
  BOOST_TEST(total == run.size());
  BOOST_TEST(lengths.size() <= 2u, "words: " << lengths.size() << " first " << lengths.front());
}

BOOST_AUTO_TEST_CASE(overlong_queries_get_a_clear_error) {
  // A 4,000-character Chinese query took 19 s, 20,000 characters more than 10 minutes.
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  auto indexed = testing::run_provisio("index --db '" + dir / "db" + "' '" + dir / "corpus" + "'");
  BOOST_REQUIRE_EQUAL(indexed.status, 0);
  std::string query = repeat("認可實驗所", 800);
  auto r = testing::run_provisio("search --db '" + dir / "db" + "' '" + query + "'");
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.err == "provisio: the query is too long: 4000 characters (at most 500)\n");
  auto ok = testing::run_provisio("search --db '" + dir / "db" + "' '" + repeat("實", 500) + "'");
  BOOST_TEST(ok.err.find("too long") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(submission_store)

BOOST_AUTO_TEST_CASE(names_that_are_not_utf8_are_refused_before_filing) {
  // Such a name was committed, then `submission add` failed on a raw JSON error, and the store
  // could no longer be listed or searched as JSON.
  TempDir dir;
  std::string store = dir / "s.db";
  std::string bad_name = dir / "views-\xff\xfe.txt";
  write_file(bad_name, "Views on the mutual recognition of testing results.\n");
  write_file(dir / "good.txt", "Views on CCC testing by Hong Kong laboratories.\n");
  auto r = testing::run_provisio("submission add --all-or-nothing --store '" + store + "' '" + bad_name + "' '" + dir / "good.txt" + "'");
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.err.find(bad_name + ": the file name is not valid UTF-8; rename the file\n") == 0, r.err);
  BOOST_TEST(r.err.find("nothing was filed") != std::string::npos, r.err);
  r = testing::run_provisio("submission add --store '" + store + "' --from 'A \xff' '" + dir / "good.txt" + "'");
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.err.find("provisio: --from is not valid UTF-8\n") == 0, r.err);
  // The store was left as it was and works.
  r = testing::run_provisio("submission add --store '" + store + "' '" + dir / "good.txt" + "'");
  BOOST_TEST(r.status == 0, r.err);
  r = testing::run_provisio("submission list --json --store '" + store + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("good.txt") != std::string::npos);
  BOOST_TEST(r.out.find("views-") == std::string::npos);
  r = testing::run_provisio("search --type submission --store '" + store + "' testing");
  BOOST_TEST(r.status == 0, r.err);
}

BOOST_AUTO_TEST_CASE(suggestions_for_a_long_submission_say_what_they_read) {
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  BOOST_REQUIRE(testing::run_provisio("index --db '" + dir / "db" + "' '" + dir / "corpus" + "'").status == 0);
  std::string text;
  while (text.size() < 150000) text += "Hong Kong laboratories ask for CCC testing and mutual recognition. ";
  write_file(dir / "long.txt", text);
  std::string store = "--store '" + dir / "s.db" + "'";
  BOOST_REQUIRE(testing::run_provisio("submission add " + store + " '" + dir / "long.txt" + "'").status == 0);
  auto r = testing::run_provisio("link suggest --min-score 0 " + store + " --db '" + dir / "db" + "' sub-0001");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.err == "provisio: note: sub-0001 is long: suggestions read only its first 100000 characters\n");
  BOOST_TEST(r.out.find("tig/art58/2") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(corpus_paths)

BOOST_AUTO_TEST_CASE(only_regular_files_are_read_and_the_rest_reported_by_name) {
  // A symlink loop aborted the whole run with a raw filesystem error; a FIFO given to `index` hung.
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  std::filesystem::create_symlink("loop.xml", dir / "corpus/loop.xml");
  BOOST_REQUIRE_EQUAL(::mkfifo((dir / "corpus/pipe.xml").c_str(), 0600), 0);
  Diagnostics d;
  auto files = collect_corpus_files({dir / "corpus", dir / "corpus/pipe.xml"}, d);
  BOOST_TEST(files == std::vector<std::string>{dir / "corpus/tig.xml"});
  std::set<std::string> problems;  // a folder is listed in no particular order
  for (const auto& diag : d) problems.insert(diag.to_string());
  BOOST_TEST(problems == (std::set<std::string>{
                             dir / "corpus/loop.xml" + ": cannot read file: Too many levels of symbolic links",
                             dir / "corpus/pipe.xml" + ": not a regular file; skipped",
                             dir / "corpus/pipe.xml" + ": not a regular file (a FIFO, device or socket): not read"}));
}

BOOST_AUTO_TEST_SUITE_END()
