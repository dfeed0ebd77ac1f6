#define BOOST_TEST_MODULE submission_reader
#include <boost/test/unit_test.hpp>

#include "charset.h"
#include "docx_builder.h"
#include "language.h"
#include "reader.h"
#include "submission_fixtures.h"

using namespace provisio::submissions;
using namespace provisio::testing;

namespace {

const std::string kTrad = "我們促請內地接受香港檢測機構的報告，並讓香港實驗所取得資質認定。";
const std::string kSimp = "我们促请内地接受香港检测机构的报告，并让香港实验所取得资质认定。";
// 嘅 and 啲 are Cantonese characters found in Big5-HKSCS, not in plain Big5.
const std::string kCantonese = "我哋希望內地接受香港實驗所嘅報告，啲客戶就唔使再驗一次。";

std::string error_of(const std::string& name, const std::string& bytes) {
  try {
    read_submission(name, bytes);
  } catch (const ReadError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(txt_in_utf8_big5_and_gb18030_is_detected_and_converted) {
  auto utf8 = read_submission("a.txt", "\xEF\xBB\xBF" + kTrad + "\r\n");
  BOOST_TEST(utf8.text == kTrad);
  BOOST_TEST(utf8.charset == "UTF-8");
  BOOST_TEST(utf8.format == "txt");

  auto big5 = read_submission("b.txt", encode_as(kTrad + "\n" + kTrad, "Big5"));
  BOOST_TEST(big5.text == kTrad + "\n" + kTrad);
  BOOST_TEST(big5.charset == "Big5");

  auto hkscs = read_submission("c.txt", encode_as(kCantonese + kCantonese, "Big5-HKSCS"));
  BOOST_TEST(hkscs.text == kCantonese + kCantonese);
  BOOST_TEST(hkscs.charset == "Big5-HKSCS");

  auto gb = read_submission("d.txt", encode_as(kSimp + "\n" + kSimp, "GB18030"));
  BOOST_TEST(gb.text == kSimp + "\n" + kSimp);
  BOOST_TEST(gb.charset == "GB18030");
}

BOOST_AUTO_TEST_CASE(undecodable_and_unknown_files_are_errors_naming_the_file) {
  BOOST_TEST(error_of("x.txt", "\xFF\xFF\xFF\xFF\x80\x80") ==
             "x.txt: cannot tell the character set: not UTF-8, Big5 or GB18030");
  BOOST_TEST(error_of("letter.pdf", "%PDF-1.4") == "letter.pdf: the PDF cannot be opened (damaged, or not a PDF)");
  BOOST_TEST(error_of("README", "hello") == "README: unknown file type (expected .txt, .eml, .html, .docx, .pdf, .png, .jpg or .tif)");
  BOOST_TEST(error_of("empty.txt", "") == "empty.txt: the file is empty");
  BOOST_TEST(error_of("blank.txt", "  \n\n ") == "blank.txt: no text found in the txt file");
}

BOOST_AUTO_TEST_CASE(email_in_big5_with_encoded_word_headers_and_base64_body) {
  std::string from = encoded_word("陳大文", "Big5") + " <tm.chan@lab.example.hk>";
  std::string mail = make_email(from, encoded_word("就資質認定提交的意見", "Big5"), "Mon, 20 May 2019 10:15:00 +0800",
                                {{"text/plain; charset=big5", "base64", encode_as(kTrad, "Big5"), ""}});
  auto r = read_submission("views.eml", mail);
  BOOST_TEST(r.format == "eml");
  BOOST_TEST(r.charset == "Big5");
  BOOST_TEST(r.text == kTrad);
  BOOST_TEST(r.sender == "陳大文 <tm.chan@lab.example.hk>");
  BOOST_TEST(r.subject == "就資質認定提交的意見");
  BOOST_TEST(r.received == "2019-05-20");

  // The day as the sender's clock had it, not as UTC has it (00:30 in Hong Kong is the day before in UTC).
  std::string early = make_email("a@example.hk", "x", "Wed, 22 May 2019 00:30:00 +0800",
                                 {{"text/plain; charset=utf-8", "8bit", "CCC", ""}});
  BOOST_TEST(read_submission("early.eml", early).received == "2019-05-22");
}

BOOST_AUTO_TEST_CASE(email_in_gb18030_quoted_printable_with_gb2312_header) {
  std::string mail = make_email(encoded_word("王小明", "GB2312") + " <wang@example.cn>",
                                encoded_word("关于资质认定的意见", "GB18030"), "Tue, 21 May 2019 23:30:00 -0000",
                                {{"text/plain; charset=\"GB18030\"", "quoted-printable", encode_as(kSimp, "GB18030"), ""}});
  auto r = read_submission("gb.eml", mail);
  BOOST_TEST(r.charset == "GB18030");
  BOOST_TEST(r.text == kSimp);
  BOOST_TEST(r.sender == "王小明 <wang@example.cn>");
  BOOST_TEST(r.subject == "关于资质认定的意见");
  BOOST_TEST(r.received == "2019-05-21");
}

BOOST_AUTO_TEST_CASE(big5_declared_mail_holding_hkscs_characters_is_read_as_big5_hkscs) {
  std::string mail = make_email("lab@example.hk", encoded_word("嘅意見", "Big5-HKSCS"), "Wed, 22 May 2019 09:00:00 +0800",
                                {{"text/plain; charset=big5", "base64", encode_as(kCantonese, "Big5-HKSCS"), ""}});
  auto r = read_submission("hk.eml", mail);
  BOOST_TEST(r.text == kCantonese);
  BOOST_TEST(r.charset == "Big5-HKSCS");
  BOOST_TEST(r.subject == "嘅意見");
}

BOOST_AUTO_TEST_CASE(gb2312_and_utf8_parts_of_a_multipart_email_are_joined) {
  std::string mail = make_email(
      "\"Li Ming\" <li@example.cn>", "=?UTF-8?Q?Views_on_CCC_=E2=80=93_testing?=", "Thu, 23 May 2019 08:00:00 +0800",
      {{"text/plain; charset=gb2312", "base64", encode_as("内地应开放强制性产品认证。", "GB2312"), ""},
       {"text/plain; charset=utf-8", "quoted-printable", "Second part: CCC testing café.", "inline"}});
  auto r = read_submission("multi.eml", mail);
  BOOST_TEST(r.text == "内地应开放强制性产品认证。\n\nSecond part: CCC testing café.");
  BOOST_TEST(r.subject == "Views on CCC – testing");
  BOOST_TEST(r.sender == "Li Ming <li@example.cn>");
}

BOOST_AUTO_TEST_CASE(html_only_email_and_docx_attachment_are_read) {
  std::string html = "<html><body><p>We ask for <b>CMA</b> recognition.</p><p>Second paragraph.</p></body></html>";
  std::string docx = make_docx(docx_paragraph("Attached: views on mutual recognition."));
  std::string mail = make_email("a@example.hk", "Views", "Fri, 24 May 2019 12:00:00 +0800",
                                {{"text/html; charset=utf-8", "quoted-printable", html, ""},
                                 {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "base64",
                                  docx, "attachment; filename=\"views.docx\""}});
  auto r = read_submission("html.eml", mail);
  BOOST_TEST(r.text == "We ask for CMA recognition.\n\nSecond paragraph.\n\nAttached: views on mutual recognition.");
}

BOOST_AUTO_TEST_CASE(broken_mime_and_bad_charsets_are_errors) {
  std::string no_boundary =
      "From: a@example.hk\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nbody\r\n";
  BOOST_TEST(error_of("nb.eml", no_boundary).rfind("nb.eml: broken MIME: a multipart part has no boundary", 0) == 0u,
             error_of("nb.eml", no_boundary));
  std::string unknown = make_email("a@example.hk", "x", "Fri, 24 May 2019 12:00:00 +0800",
                                   {{"text/plain; charset=x-klingon", "8bit", "abc", ""}});
  BOOST_TEST(error_of("k.eml", unknown) == "k.eml: text/plain part: unknown character set 'x-klingon'");
  std::string bad_big5 = make_email("a@example.hk", "x", "Fri, 24 May 2019 12:00:00 +0800",
                                    {{"text/plain; charset=big5", "base64", "ok \xA4\x40 then \xFF\xFF", ""}});
  BOOST_TEST(error_of("b.eml", bad_big5) == "b.eml: text/plain part: the text is not valid Big5 (byte 11)");
  BOOST_TEST(error_of("n.eml", "just some words\nwithout headers\n").rfind("n.eml: not an email", 0) == 0u,
             error_of("n.eml", "just some words\nwithout headers\n"));
}

BOOST_AUTO_TEST_CASE(html_and_docx_files) {
  auto html = read_submission("page.html", "<html><head><title>t</title><script>x()</script></head><body>"
                                           "<h1>意見</h1><p>香港檢測機構希望取得<b>資質認定</b>。</p></body></html>");
  BOOST_TEST(html.format == "html");
  BOOST_TEST(html.text == "意見\n\n香港檢測機構希望取得資質認定。");
  auto big5_html = read_submission("big5.htm", encode_as("<p>" + kTrad + "</p><p>" + kTrad + "</p>", "Big5"));
  BOOST_TEST(big5_html.text == kTrad + "\n\n" + kTrad);
  BOOST_TEST(big5_html.charset == "Big5");

  // A short page whose bytes alone could pass for either charset: its <meta> decides.
  std::string short_gb = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\"></head><body><p>" +
                         encode_as("检测认证", "GB2312") + "</p></body></html>";
  auto declared = read_submission("short.html", short_gb);
  BOOST_TEST(declared.text == "检测认证");
  BOOST_TEST(declared.charset == "GB2312");
  std::string bad_meta = "<meta charset='x-unknown-set'><p>" + encode_as("檢測", "Big5") + "</p>";
  BOOST_TEST(error_of("m.html", bad_meta) == "m.html: unknown character set 'x-unknown-set'");

  auto docx = read_submission("views.docx", make_docx(docx_paragraph("Views on CCC", "Heading1") +
                                                      docx_paragraph("We ask that CCC testing be opened further.")));
  BOOST_TEST(docx.format == "docx");
  BOOST_TEST(docx.text == "Views on CCC\n\nWe ask that CCC testing be opened further.");
  BOOST_TEST(error_of("bad.docx", "PK\x03\x04 this is not really a zip") == "bad.docx: not a .docx file: not a zip archive");
}

// One <meta> sniffer for the importer and the submission reader (charset.h).
BOOST_AUTO_TEST_CASE(html_meta_charset_forms) {
  BOOST_TEST(html_meta_charset("<meta charset=big5>") == "big5");
  BOOST_TEST(html_meta_charset("<HTML><META CHARSET=\"Big5-HKSCS\">") == "big5-hkscs");
  BOOST_TEST(html_meta_charset("<meta charset = 'gb2312' >") == "gb2312");
  BOOST_TEST(html_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">") == "gbk");
  BOOST_TEST(html_meta_charset("<meta name=x><p>charset=big5</p>") == "");  // outside a <meta>
  BOOST_TEST(html_meta_charset(std::string(5000, ' ') + "<meta charset=big5>") == "");  // past the first 4 KB
  BOOST_TEST(html_meta_charset("<p>no declaration</p>") == "");
  // Spaces around '=' are allowed by HTML; the reader used to miss them and guess instead.
  std::string spaced = "<meta charset = \"GB2312\"><p>" + encode_as("检测认证", "GB2312") + "</p>";
  BOOST_TEST(read_submission("s.html", spaced).charset == "GB2312");
  BOOST_TEST(is_known_charset("BIG5"));
  BOOST_TEST(is_known_charset(""));
  BOOST_TEST(!is_known_charset("klingon"));
  try {
    decode("ab\xB2", "utf-8");
    BOOST_TEST(false, "no error");
  } catch (const CharsetError& e) {
    BOOST_TEST(std::string(e.what()) == "the text is not valid UTF-8 (byte 2)");
  }
}

BOOST_AUTO_TEST_CASE(language_detection) {
  LanguageDetector d;
  struct Case {
    std::string text, lang;
  };
  const Case cases[] = {
      {"We ask that Hong Kong laboratories be allowed to do CCC testing.", "en"},
      {kTrad, "zh-Hant"},
      {kSimp, "zh-Hans"},
      {"我們希望CCC和CMA的安排可以擴大到HOKLAS認可的實驗所。", "zh-Hant"},
      {"The Chinese term is 資質認定 (CMA), which Hong Kong laboratories lack today.", "en"},
      {"12345 --- !!!", "en"},
  };
  for (const auto& c : cases) BOOST_TEST(d.detect(c.text) == c.lang, c.text);
}

BOOST_AUTO_TEST_CASE(sha256_of_known_input) {
  BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
