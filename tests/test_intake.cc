// What arrives in a consultation inbox besides .txt, .eml, .html and .docx: PDF letters (with a text
// layer, or scanned), scanned images, emails carrying them, mbox exports, Outlook .msg, and the
// size limits. The tests make their own documents: pango-view (pango1.0-tools) writes PDFs with a
// text layer in either script (fonts-wqy-zenhei), pdfunite joins pages, pdftoppm (poppler-utils)
// renders them to PNG, JPEG and TIFF scans, and Leptonica wraps a scan in a PDF without text.
// OCR tests skip when the Tesseract models are not installed.
#define BOOST_TEST_MODULE intake
#include <boost/test/unit_test.hpp>

#include <glib.h>
#include <leptonica/allheaders.h>

#include <cstdlib>
#include <filesystem>

#include "mailbox.h"
#include "ocr.h"
#include "pdf_reader.h"
#include "reader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using provisio::submissions::read_submission;
using provisio::submissions::ReadError;
using provisio::testing::read_file;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

bool have(const char* program) {
  return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0;
}

bool can_make_documents() { return have("pango-view") && have("pdfunite") && have("pdftoppm"); }

std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void run(const std::string& command) { BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command); }

// A one-page PDF with `text` as its text layer, set in WenQuanYi Zen Hei (both scripts).
std::string text_pdf(const TempDir& dir, const std::string& name, const std::string& text, int points = 14) {
  std::string path = dir / name;
  run("pango-view --no-display --margin=60 --font='WenQuanYi Zen Hei " + std::to_string(points) +
      "' --output=" + shell_quoted(path) + " --text=" + shell_quoted(text) + " 2>/dev/null");
  return path;
}

// A scan of `text`: the PDF rendered at 300 dpi by pdftoppm, as "png", "jpeg" or "tiff".
std::string scan(const TempDir& dir, const std::string& name, const std::string& text, const std::string& format) {
  // 14 points at 300 dpi: the size Tesseract reads best, as in a letter scanned at 300 dpi.
  std::string pdf = text_pdf(dir, name + ".pdf", text, 14);
  std::string stem = dir / name;
  run("pdftoppm -r 300 -gray -singlefile -" + format + " " + shell_quoted(pdf) + " " + shell_quoted(stem));
  return stem + (format == "jpeg" ? ".jpg" : format == "tiff" ? ".tif" : ".png");
}

// A PDF whose one page is the image at `png`: no text layer, as a scanner makes.
std::string image_only_pdf(const TempDir& dir, const std::string& name, const std::string& png) {
  Pix* pix = pixRead(png.c_str());
  BOOST_REQUIRE(pix);
  l_uint8* data = nullptr;
  size_t size = 0;
  BOOST_REQUIRE(pixWriteMemPdf(&data, &size, pix, 300, "scan") == 0);
  pixDestroy(&pix);
  std::string path = dir / name;
  write_file(path, std::string(reinterpret_cast<char*>(data), size));
  lept_free(data);
  return path;
}

#define REQUIRE_DOCUMENT_TOOLS()                                                                  \
  if (!can_make_documents()) {                                                                    \
    BOOST_TEST_MESSAGE("skipped: pango-view, pdfunite or pdftoppm missing (pango1.0-tools, poppler-utils)"); \
    return;                                                                                       \
  }
#define REQUIRE_OCR()                                                                             \
  REQUIRE_DOCUMENT_TOOLS();                                                                       \
  if (!provisio::extract::ocr_available()) {                                                      \
    BOOST_TEST_MESSAGE("skipped: Tesseract models missing (tesseract-ocr-eng, -chi-tra, -chi-sim)"); \
    return;                                                                                       \
  }

std::string read_error(const std::string& name, const std::string& bytes) {
  try {
    read_submission(name, bytes);
  } catch (const ReadError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(spaces_tesseract_puts_between_chinese_characters_are_removed) {
  using provisio::extract::join_cjk_spaces;
  BOOST_TEST(join_cjk_spaces("檢 測 結 果") == "檢測結果");
  BOOST_TEST(join_cjk_spaces("檢 測 ， 結 果 。") == "檢測，結果。");
  BOOST_TEST(join_cjk_spaces("CCC 認 證 test reports") == "CCC 認證 test reports");
  BOOST_TEST(join_cjk_spaces("mutual  recognition") == "mutual  recognition");
  BOOST_TEST(join_cjk_spaces("第 58 條") == "第 58 條");
  BOOST_TEST(join_cjk_spaces("檢 \n測") == "檢 \n測");  // line ends are tidy_lines's business
}

BOOST_AUTO_TEST_CASE(a_pdf_with_a_text_layer_is_read_in_either_script) {
  REQUIRE_DOCUMENT_TOOLS();
  TempDir dir;
  auto en = read_submission("letter.pdf", read_file(text_pdf(dir, "en.pdf",
      "Hong Kong Testing Association\n\nWe ask for mutual recognition of test reports under CCC.")));
  BOOST_TEST(en.format == "pdf");
  BOOST_TEST(en.ocr_pages == 0);
  BOOST_TEST(contains(en.text, "mutual recognition of test reports under CCC"), en.text);
  auto zh = read_submission("信.PDF", read_file(text_pdf(dir, "zh.pdf", "關於強制性產品認證的意見\n\n檢測結果應獲互認。")));
  BOOST_TEST(contains(zh.text, "關於強制性產品認證的意見"), zh.text);
  BOOST_TEST(contains(zh.text, "檢測結果應獲互認。"), zh.text);
  auto hans = read_submission("x.pdf", read_file(text_pdf(dir, "hans.pdf", "关于检测结果互认的建议")));
  BOOST_TEST(contains(hans.text, "关于检测结果互认的建议"), hans.text);
}

BOOST_AUTO_TEST_CASE(page_headers_and_footers_are_dropped_as_the_importer_drops_them) {
  REQUIRE_DOCUMENT_TOOLS();
  TempDir dir;
  const char* bodies[] = {"Our members test toys for export.", "The CCC marks cost them weeks.",
                          "We ask for recognition of Hong Kong reports."};
  std::string pages;
  for (int p = 1; p <= 3; ++p)
    pages += " " + shell_quoted(text_pdf(dir, "p" + std::to_string(p) + ".pdf",
                                   "Hong Kong Toys Council - Submission on CEPA\n\n" + std::string(bodies[p - 1]) +
                                       "\n\nPage " + std::to_string(p) + " of 3"));
  run("pdfunite" + pages + " " + shell_quoted(dir / "letter.pdf"));
  auto r = read_submission("letter.pdf", read_file(dir / "letter.pdf"));
  for (const char* body : bodies) BOOST_TEST(contains(r.text, body), r.text);
  BOOST_TEST(!contains(r.text, "Hong Kong Toys Council"), r.text);
  BOOST_TEST(!contains(r.text, "of 3"), r.text);
}

BOOST_AUTO_TEST_CASE(a_hand_made_pdf_loses_its_running_header_and_page_numbers) {
  // Needs no tools: tests/fixtures/intake holds PDFs written byte by byte (Helvetica, two pages; a CID
  // font with a ToUnicode map, not embedded).
  std::string seeds = std::string(PROVISIO_SOURCE_DIR) + "/tests/fixtures/intake/inbox/";
  auto en = read_submission("letter-en.pdf", read_file(seeds + "letter-en.pdf"));
  BOOST_TEST(en.text == "We ask for mutual recognition of test reports.\n\nCCC marks cost our members weeks.");
  auto zh = read_submission("letter-zh.pdf", read_file(seeds + "letter-zh.pdf"));
  BOOST_TEST(zh.text == "檢測結果互認");
  BOOST_TEST(zh.ocr_pages == 0);
}

BOOST_AUTO_TEST_CASE(without_the_models_a_scan_is_an_error_saying_what_to_install) {
  std::string seeds = std::string(PROVISIO_SOURCE_DIR) + "/tests/fixtures/intake/";
  const char* saved = std::getenv("TESSDATA_PREFIX");
  std::string old = saved ? saved : "";
  setenv("TESSDATA_PREFIX", "/nonexistent", 1);
  std::string error = read_error("scan.pdf", read_file(seeds + "scan.pdf"));
  if (saved) setenv("TESSDATA_PREFIX", old.c_str(), 1);
  else unsetenv("TESSDATA_PREFIX");
  BOOST_TEST(error == "scan.pdf: page 1 has no text layer and OCR failed: OCR needs the Tesseract models for "
                      "English, Traditional and Simplified Chinese (Debian: tesseract-ocr-eng tesseract-ocr-chi-tra "
                      "tesseract-ocr-chi-sim)");
}

BOOST_AUTO_TEST_CASE(scanned_images_are_read_by_ocr_in_either_script) {
  REQUIRE_OCR();
  TempDir dir;
  auto en = read_submission("scan.png", read_file(scan(dir, "en", "The chamber supports mutual recognition\nof testing reports.", "png")));
  BOOST_TEST(en.format == "png");
  BOOST_TEST(en.ocr_pages == 1);
  BOOST_TEST(en.ocr_confidence > 50);
  BOOST_TEST(contains(en.text, "mutual recognition"), en.text);
  BOOST_TEST(contains(en.text, "testing reports"), en.text);

  auto hant = read_submission("scan.jpg", read_file(scan(dir, "hant", "香港檢測和認證局：\n本會認為檢測結果應獲互認，以減少重複檢測。\n此致", "jpeg")));
  BOOST_TEST(hant.format == "jpeg");
  BOOST_TEST(hant.ocr_pages == 1);
  BOOST_TEST(contains(hant.text, "香港檢測和認證局"), hant.text);
  BOOST_TEST(contains(hant.text, "檢測結果應獲互認"), hant.text);

  auto hans = read_submission("scan.tiff", read_file(scan(dir, "hans", "香港检测和认证局：\n本会认为检测结果应获互认，以减少重复检测。\n此致", "tiff")));
  BOOST_TEST(hans.format == "tiff");
  BOOST_TEST(contains(hans.text, "检测结果应获互认"), hans.text);  // the Simplified pass won
}

BOOST_AUTO_TEST_CASE(a_pdf_page_without_text_is_read_by_ocr) {
  REQUIRE_OCR();
  TempDir dir;
  std::string png = scan(dir, "page", "Letter from the Testing Association\nabout accreditation of laboratories", "png");
  auto r = read_submission("scanned.pdf", read_file(image_only_pdf(dir, "scanned.pdf", png)));
  BOOST_TEST(r.format == "pdf");
  BOOST_TEST(r.ocr_pages == 1);
  BOOST_TEST(r.ocr_confidence > 50);
  BOOST_TEST(contains(r.text, "accreditation of laboratories"), r.text);
}

BOOST_AUTO_TEST_CASE(emails_carry_pdf_and_scanned_attachments) {
  REQUIRE_OCR();
  TempDir dir;
  auto base64 = [](const std::string& bytes) {
    gchar* b = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
    std::string out(b);
    g_free(b);
    return out;
  };
  std::string pdf = read_file(text_pdf(dir, "att.pdf", "Annex: the list of toy laboratories in Kwun Tong."));
  std::string png = read_file(scan(dir, "att", "Signed by the chairman of the toy council", "png"));
  std::string mail =
      "From: Toy Council <info@toys.example.hk>\nDate: Tue, 21 May 2019 10:00:00 +0800\nSubject: Views\n"
      "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nSee attached.\n"
      "--b\nContent-Type: application/pdf; name=annex.pdf\nContent-Disposition: attachment; filename=annex.pdf\n"
      "Content-Transfer-Encoding: base64\n\n" + base64(pdf) + "\n"
      "--b\nContent-Type: image/png\nContent-Disposition: attachment; filename=signed.png\n"
      "Content-Transfer-Encoding: base64\n\n" + base64(png) + "\n"
      "--b\nContent-Type: image/png\nContent-Disposition: inline; filename=logo.png\n"
      "Content-Transfer-Encoding: base64\n\n" + base64(png) + "\n--b--\n";
  auto r = read_submission("views.eml", mail);
  BOOST_TEST(contains(r.text, "See attached."), r.text);
  BOOST_TEST(contains(r.text, "toy laboratories in Kwun Tong"), r.text);
  BOOST_TEST(contains(r.text, "chairman of the toy council"), r.text);
  BOOST_TEST(r.ocr_pages == 1);  // the attached scan; the inline logo is not read
  BOOST_TEST(r.ocr_confidence > 50);
}

BOOST_AUTO_TEST_CASE(damaged_and_unsupported_files_say_why) {
  BOOST_TEST(read_error("a.pdf", "%PDF-1.4\n") == "a.pdf: the PDF cannot be opened (damaged, or not a PDF)");
  BOOST_TEST(read_error("a.pdf", "hello") == "a.pdf: not a PDF (no %PDF- header)");
  BOOST_TEST(read_error("a.png", "hello") == "a.png: not a PNG, JPEG or TIFF image");
  BOOST_TEST(read_error("a.png", std::string("\x89PNG\r\n\x1a\n", 8) + "broken") ==
             "a.png: the image cannot be decoded (damaged or truncated)");
  BOOST_TEST(read_error("Re: views.msg", "\xD0\xCF\x11\xE0") ==
             "Re: views.msg: Outlook .msg files cannot be read: save the message as .eml (in Outlook on the web "
             "or the new Outlook: More actions > Download) and file that");
  BOOST_TEST(read_error("notes.odt", "x") ==
             "notes.odt: unknown file type '.odt' (expected .txt, .eml, .html, .docx, .pdf, .png, .jpg or .tif)");
}

BOOST_AUTO_TEST_CASE(files_and_attachments_over_the_size_limits_are_refused) {
  std::string big(provisio::submissions::kMaxSubmissionBytes + 1, 'a');
  BOOST_TEST(read_error("big.txt", big) == "big.txt: the file is 64 MB, more than the 64 MB read");
  // An attachment of 33 MB (base64: 44 MB) in an email under the file limit.
  std::string attachment((provisio::submissions::kMaxAttachmentBytes / 3 + 1) * 4, 'A');
  std::string mail = "From: a@b.example\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                     "--b\nContent-Type: text/plain\n\nhello\n--b\nContent-Type: application/pdf\n"
                     "Content-Disposition: attachment; filename=huge.pdf\nContent-Transfer-Encoding: base64\n\n" +
                     attachment + "\n--b--\n";
  BOOST_TEST(read_error("m.eml", mail) == "m.eml: attachment huge.pdf: is 32 MB, more than the 32 MB read in an attachment");
}

BOOST_AUTO_TEST_CASE(an_mbox_file_is_split_into_its_messages) {
  using provisio::submissions::split_mbox;
  std::string mbox =
      "From alice@example.hk Tue May 21 10:00:00 2019\nFrom: Alice <alice@example.hk>\nSubject: One\n\nFirst letter.\n"
      ">From the chamber's point of view this line is body text.\n\n"
      "From bob@example.hk Wed May 22 10:00:00 2019\nFrom: Bob <bob@example.hk>\nSubject: Two\n\nSecond letter.\n\n"
      "From carol@example.hk Thu May 23 10:00:00 2019\r\nFrom: Carol <carol@example.hk>\r\nSubject: Three\r\n\r\nThird.\r\n";
  auto messages = split_mbox("exports/inbox.mbox", mbox);
  BOOST_REQUIRE(messages.size() == 3u);
  BOOST_TEST(messages[0].name == "inbox.mbox#1");
  BOOST_TEST(messages[0].bytes ==
             "From: Alice <alice@example.hk>\nSubject: One\n\nFirst letter.\n"
             ">From the chamber's point of view this line is body text.\n");
  BOOST_TEST(messages[1].bytes == "From: Bob <bob@example.hk>\nSubject: Two\n\nSecond letter.\n");
  BOOST_TEST(messages[2].name == "inbox.mbox#3");
  auto third = provisio::submissions::read_email_message(messages[2].name, messages[2].bytes);
  BOOST_TEST(third.sender == "Carol <carol@example.hk>");
  BOOST_TEST(third.text == "Third.");

  try {
    split_mbox("inbox.mbox", "Subject: not an mbox\n\nhello\n");
    BOOST_FAIL("no error");
  } catch (const ReadError& e) {
    BOOST_TEST(std::string(e.what()) == "inbox.mbox: not an mbox file (it does not start with a \"From \" line)");
  }
}

BOOST_AUTO_TEST_CASE(a_maildir_lists_cur_and_new_but_not_tmp) {
  TempDir dir;
  for (const char* sub : {"cur", "new", "tmp"}) fs::create_directories(dir / sub);
  write_file(dir / "cur/1.host:2,S", "x");
  write_file(dir / "new/2.host", "x");
  write_file(dir / "tmp/3.host", "x");
  write_file(dir / "cur/.hidden", "x");
  BOOST_TEST(provisio::submissions::is_maildir(dir.path()));
  auto files = provisio::submissions::maildir_messages(dir.path());
  BOOST_REQUIRE(files.size() == 2u);
  BOOST_TEST(files[0].filename() == "1.host:2,S");
  BOOST_TEST(files[1].filename() == "2.host");
}
