#define BOOST_TEST_MODULE submission_cli
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "terminal_run.h"
#include "test_support.h"

using provisio::testing::CommandResult;
using provisio::testing::read_file;
using provisio::testing::run_provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

const std::string kSamples = std::string(PROVISIO_SOURCE_DIR) + "/tests/linking/samples/";

// The bundled corpus indexed once per test, a store of its own, and an environment that keeps the
// user's own data out of reach.
struct World {
  TempDir dir;
  std::string db = dir / "index";
  std::string store = dir / "data/submissions.db";
  std::string env = "HOME='" + (dir / "home") + "' XDG_DATA_HOME= PROVISIO_DB= PROVISIO_STORE= PROVISIO_HOME= USER=tester NO_COLOR=1";
  std::string where = " --db '" + db + "' --store '" + store + "' ";
  World() { BOOST_REQUIRE_EQUAL(run("index --db '" + db + "' '" + PROVISIO_SOURCE_CORPUS + "'").status, 0); }
  CommandResult run(const std::string& args) const { return run_provisio(args, env); }
  // `provisio SUB… --db … --store … REST`
  CommandResult cmd(const std::string& sub, const std::string& rest) const { return run(sub + where + rest); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(submission_cli, World)

BOOST_AUTO_TEST_CASE(filing_reads_headers_detects_language_and_recognises_duplicates) {
  CommandResult r = cmd("submission add", "'" + kSamples + "14-cma-big5.eml' '" + kSamples + "24-ccc-gb18030.txt'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out ==
             "filed sub-0001 from 14-cma-big5.eml (eml, Big5, zh-Hant, from 李美玲 <may.lee@qa.example.hk>, received 2019-05-21)\n"
             "filed sub-0002 from 24-ccc-gb18030.txt (txt, GB18030, zh-Hans)\n"
             "filed 2, already filed 0, unreadable 0\n");
  r = cmd("submission add", "--json '" + kSamples + "14-cma-big5.eml'");
  BOOST_TEST(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["filed"].empty());
  BOOST_TEST(j["duplicates"][0]["already"] == "sub-0001");
  r = cmd("submission add", "'" + kSamples + "14-cma-big5.eml'");
  BOOST_TEST(r.out == kSamples + "14-cma-big5.eml: already filed as sub-0001 (same content); not filed again\n");

  r = cmd("submission add", "--id hkta-2019 --from 'HK Testing Association' --received 2019-05-24 '" + kSamples + "01-ccc-all-products.txt'");
  BOOST_TEST(r.out == "filed hkta-2019 from 01-ccc-all-products.txt (txt, UTF-8, en, from HK Testing Association, received 2019-05-24)\n");
  r = cmd("submission list", "--json");
  j = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(j["submissions"].size() == 3u);
  BOOST_TEST(j["submissions"][0]["subject"] == "有關資質認定（CMA）的建議");
  BOOST_TEST(j["submissions"][0]["added_by"] == "tester");
  BOOST_TEST(j["submissions"][2]["id"] == "hkta-2019");

  r = cmd("submission show", "--original sub-0001");
  BOOST_TEST(r.out == read_file(kSamples + "14-cma-big5.eml"));
  r = cmd("submission show", "sub-0002");
  BOOST_TEST(r.out.find("香港检测和认证局：") != std::string::npos, r.out);
  r = cmd("submission show", "sub-0099");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: unknown submission 'sub-0099'\n");
}

BOOST_AUTO_TEST_CASE(a_removed_submission_filed_again_is_reported_as_removed_with_its_id) {
  std::string file = "'" + kSamples + "01-ccc-all-products.txt'";
  BOOST_REQUIRE(cmd("submission add", file).status == 0);
  BOOST_REQUIRE(cmd("submission remove", "sub-0001 --note 'sent by mistake'").status == 0);
  // Not silently "already filed": the letter was filed, then removed, and is not filed again.
  CommandResult r = cmd("submission add", file);
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("01-ccc-all-products.txt: filed before as sub-0001 and removed on ") != std::string::npos, r.out);
  BOOST_TEST(r.out.find(" by tester (sent by mistake); not filed again") != std::string::npos, r.out);
  auto j = nlohmann::json::parse(cmd("submission add", "--json " + file).out);
  BOOST_TEST(j["duplicates"][0]["already"] == "sub-0001");
  BOOST_TEST(j["duplicates"][0]["removed"]["by"] == "tester");
  BOOST_TEST(j["duplicates"][0]["removed"]["note"] == "sent by mistake");
  // A duplicate of a submission still filed says so as before, with "removed": null.
  BOOST_REQUIRE(cmd("submission add", "'" + kSamples + "02-cma-mark.eml'").status == 0);
  j = nlohmann::json::parse(cmd("submission add", "--json '" + kSamples + "02-cma-mark.eml'").out);
  BOOST_TEST(j["duplicates"][0]["removed"].is_null());
}

BOOST_AUTO_TEST_CASE(with_all_or_nothing_one_unreadable_file_and_nothing_is_filed) {
  std::string bad = dir / "broken.docx";
  write_file(bad, "PK\x03\x04 not a zip at all");
  CommandResult r = cmd("submission add", "--all-or-nothing '" + kSamples + "01-ccc-all-products.txt' '" + bad + "' '" +
                                              (dir / "missing.txt") + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out == "");
  BOOST_TEST(r.err == bad + ": not a .docx file: not a zip archive\n" + (dir / "missing.txt") +
                          ": cannot read: No such file or directory\n"
                          "provisio: 2 files could not be read; nothing was filed in " + store + " (--all-or-nothing)\n");
  BOOST_TEST(!std::filesystem::exists(store));

  write_file(dir / "notes.odt", "x");
  r = cmd("submission add", "--all-or-nothing '" + (dir / "notes.odt") + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find((dir / "notes.odt") + ": unknown file type '.odt' (expected .txt, .eml, .html, .docx, .pdf, .png, .jpg or .tif)\n") == 0u, r.err);
  write_file(dir / "views.msg", "\xD0\xCF\x11\xE0");
  r = cmd("submission add", "'" + (dir / "views.msg") + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find((dir / "views.msg") + ": Outlook .msg files cannot be read: save the message as .eml") == 0u, r.err);
  BOOST_TEST(!std::filesystem::exists(store));

  r = cmd("submission add", "--id x '" + kSamples + "01-ccc-all-products.txt' '" + kSamples + "03-gba-promotion.txt'");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: --id names one submission: give exactly one FILE with it\n");
  r = cmd("submission add", "--received 2019-02-30 '" + kSamples + "01-ccc-all-products.txt'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: bad date '2019-02-30' for --received: expected YYYY-MM-DD\n");
  r = cmd("submission add", "--id 'a b' '" + kSamples + "01-ccc-all-products.txt'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: bad submission id 'a b'") == 0u, r.err);
  BOOST_TEST(!std::filesystem::exists(store));
}

BOOST_AUTO_TEST_CASE(a_folder_is_walked_and_one_unreadable_file_stops_nothing) {
  std::string in = dir / "inbox";
  std::filesystem::create_directories(in + "/letters");
  std::filesystem::copy_file(kSamples + "01-ccc-all-products.txt", in + "/a.txt");
  std::filesystem::copy_file(kSamples + "14-cma-big5.eml", in + "/letters/b.eml");
  write_file(in + "/letters/broken.docx", "PK\x03\x04 not a zip at all");
  write_file(in + "/.DS_Store", "skipped: hidden");
  write_file(in + "/notes.odt", "x");
  CommandResult r = cmd("submission add", "'" + in + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out ==
             "filed sub-0001 from a.txt (txt, UTF-8, en)\n"
             "filed sub-0002 from b.eml (eml, Big5, zh-Hant, from 李美玲 <may.lee@qa.example.hk>, received 2019-05-21)\n"
             "filed 2, already filed 0, unreadable 2\n");
  BOOST_TEST(r.err == in + "/letters/broken.docx: not a .docx file: not a zip archive\n" + in +
                          "/notes.odt: unknown file type '.odt' (expected .txt, .eml, .html, .docx, .pdf, .png, .jpg or .tif)\n"
                          "provisio: 2 files could not be read; the others were filed in " + store + "\n");
  // Again: the two are recognised, the two unreadable reported again; --json lists all three kinds.
  r = cmd("submission add", "--json '" + in + "'");
  BOOST_TEST(r.status == 1);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["filed"].empty());
  BOOST_TEST(j["duplicates"].size() == 2u);
  BOOST_REQUIRE(j["unreadable"].size() == 2u);
  BOOST_TEST(j["unreadable"][0]["file"] == in + "/letters/broken.docx");
  BOOST_TEST(j["unreadable"][0]["error"] == in + "/letters/broken.docx: not a .docx file: not a zip archive");
  // --id names one submission, and a folder may hold many.
  r = cmd("submission add", "--id x '" + in + "'");
  BOOST_TEST(r.status == 2);
}

// The progress line is on stderr only when it is a terminal (a pseudo-terminal here), and cleared.
BOOST_AUTO_TEST_CASE(a_progress_line_only_on_a_terminal) {
  std::string in = dir / "inbox";
  std::filesystem::create_directories(in);
  std::filesystem::copy_file(kSamples + "01-ccc-all-products.txt", in + "/a.txt");
  std::filesystem::copy_file(kSamples + "03-gba-promotion.txt", in + "/b.txt");
  std::string shown = provisio::testing::run_on_terminal(env + " '" + PROVISIO_BINARY + "' submission add" + where +
                                                         "'" + in + "'");
  BOOST_TEST(shown.find("\r\033[Kreading 2/2: " + in + "/b.txt") != std::string::npos, shown);
  BOOST_TEST(shown.find("\r\033[Kfiled sub-0001 from a.txt") != std::string::npos, shown);  // cleared first
  BOOST_TEST(shown.find("filed 2, already filed 0, unreadable 0") != std::string::npos, shown);
  CommandResult r = cmd("submission add", "'" + in + "'");
  BOOST_TEST(r.err == "");
  BOOST_TEST(r.out == in + "/a.txt: already filed as sub-0001 (same content); not filed again\n" + in +
                          "/b.txt: already filed as sub-0002 (same content); not filed again\n"
                          "filed 0, already filed 2, unreadable 0\n");
}

BOOST_AUTO_TEST_CASE(each_message_of_an_mbox_or_maildir_is_a_submission) {
  std::string mbox =
      "From alice@example.hk Tue May 21 10:00:00 2019\nFrom: Alice <alice@example.hk>\nDate: Tue, 21 May 2019 10:00:00 +0800\n"
      "Subject: CCC\n\nWe ask for recognition of CCC test reports.\n\n"
      "From bob@example.hk Wed May 22 10:00:00 2019\nFrom: Bob <bob@example.hk>\nSubject: CMA\n\nCMA accreditation.\n";
  write_file(dir / "export/inbox.mbox", mbox);
  CommandResult r = cmd("submission add", "'" + (dir / "export/inbox.mbox") + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out ==
             "filed sub-0001 from inbox.mbox#1 (eml, UTF-8, en, from Alice <alice@example.hk>, received 2019-05-21)\n"
             "filed sub-0002 from inbox.mbox#2 (eml, UTF-8, en, from Bob <bob@example.hk>)\n"
             "filed 2, already filed 0, unreadable 0\n");
  r = cmd("submission show", "--original sub-0002");
  BOOST_TEST(r.out == "From: Bob <bob@example.hk>\nSubject: CMA\n\nCMA accreditation.\n");
  r = cmd("submission add", "--id x '" + (dir / "export/inbox.mbox") + "'");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "provisio: --id names one submission, and " + (dir / "export/inbox.mbox") + " holds 2\n");
  // The same message exported again, in a Maildir this time, is recognised.
  write_file(dir / "Mail/cur/1.host:2,S", "From: Bob <bob@example.hk>\nSubject: CMA\n\nCMA accreditation.\n");
  write_file(dir / "Mail/new/2.host", "From: Carol <carol@example.hk>\nSubject: GBA\n\nThe Greater Bay Area.\n");
  std::filesystem::create_directories(dir / "Mail/tmp");
  r = cmd("submission add", "'" + (dir / "Mail") + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out ==
             "filed sub-0003 from 2.host (eml, UTF-8, en, from Carol <carol@example.hk>)\n" + (dir / "Mail/cur/1.host:2,S") +
             ": already filed as sub-0002 (same content); not filed again\n"
             "filed 1, already filed 1, unreadable 0\n");
}

BOOST_AUTO_TEST_CASE(show_says_when_the_text_is_ocr_output) {
  if (std::system("command -v pango-view >/dev/null && command -v pdftoppm >/dev/null") != 0 ||
      !std::filesystem::exists("/usr/share/tesseract-ocr/5/tessdata/chi_tra.traineddata")) {
    BOOST_TEST_MESSAGE("skipped: pango-view, pdftoppm or the Tesseract models missing");
    return;
  }
  BOOST_REQUIRE(std::system(("pango-view --no-display --margin=60 --font='WenQuanYi Zen Hei 14' --output='" +
                             (dir / "l.pdf") + "' --text='We support mutual recognition of test reports.' && "
                             "pdftoppm -r 300 -gray -singlefile -png '" + (dir / "l.pdf") + "' '" + (dir / "scan") + "'")
                                .c_str()) == 0);
  CommandResult r = cmd("submission add", "'" + (dir / "scan.png") + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("filed sub-0001 from scan.png (png, UTF-8, en, OCR confidence ") == 0u, r.out);
  r = cmd("submission show", "sub-0001");
  BOOST_TEST(r.out.find("\ntext read by OCR (1 page), mean confidence ") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("mutual recognition of test reports") != std::string::npos, r.out);
  auto j = nlohmann::json::parse(cmd("submission show", "--json sub-0001").out);
  BOOST_TEST(j["ocr"]["pages"] == 1);
  BOOST_TEST(j["ocr"]["mean_confidence"].get<int>() > 50);
  // A file with a text layer is not OCR output.
  BOOST_REQUIRE_EQUAL(cmd("submission add", "'" + (dir / "l.pdf") + "'").status, 0);
  j = nlohmann::json::parse(cmd("submission show", "--json sub-0002").out);
  BOOST_TEST(j["ocr"].is_null());
  BOOST_TEST(j["format"] == "pdf");
}

BOOST_AUTO_TEST_CASE(submissions_are_searchable_in_either_script) {
  BOOST_REQUIRE_EQUAL(cmd("submission add", "'" + kSamples + "14-cma-big5.eml' '" + kSamples + "03-gba-promotion.txt'").status, 0);
  CommandResult r = run("search --type submission --store '" + store + "' --json 资质认定");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["total"] == 1);
  BOOST_TEST(j["results"][0]["id"] == "sub-0001");
  BOOST_TEST(j["results"][0]["snippet"].get<std::string>().find("資質認定") != std::string::npos);
  r = run("search --type submission --store '" + store + "' Hi-Tech Fair");
  BOOST_TEST(r.out.find("1. sub-0002  (sender unknown)  [en, 03-gba-promotion.txt]") != std::string::npos, r.out);
  // The search index is derived: deleting it loses nothing.
  std::filesystem::remove_all(dir / "data/submissions.xapian");
  r = run("search --type submission --store '" + store + "' --json 资质认定");
  BOOST_TEST(nlohmann::json::parse(r.out)["total"] == 1);
}

BOOST_AUTO_TEST_CASE(suggest_accept_add_remove_list_and_report) {
  BOOST_REQUIRE_EQUAL(cmd("submission add", "'" + kSamples + "14-cma-big5.eml' '" + kSamples + "01-ccc-all-products.txt'").status, 0);
  CommandResult r = cmd("link suggest", "sub-0001 --limit 3 --json");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["submission"] == "sub-0001");
  BOOST_REQUIRE(j["suggestions"].size() == 3u);
  std::set<std::string> top;
  for (const auto& s : j["suggestions"]) top.insert(s["id"].get<std::string>());
  BOOST_TEST(top.count("hkctc-views-2019/q2") == 1u);
  const auto& first = j["suggestions"][0];
  BOOST_TEST((first["kind"] == "question" || first["kind"] == "provision"));
  BOOST_TEST(first["score"].get<double>() > 0);
  BOOST_TEST(first["why"]["terms"].size() > 0u);
  BOOST_TEST(first["why"]["concepts"][0]["id"] == "cma");
  BOOST_TEST(!first["why"]["submission_snippet"].get<std::string>().empty());
  BOOST_TEST(!first["why"]["provision_snippet"].get<std::string>().empty());

  r = cmd("link accept", "sub-0001 --top 2");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("linked sub-0001 to 2 new targets of the top 2 suggestions: ") == 0u, r.out);
  j = nlohmann::json::parse(cmd("link accept", "--json sub-0001 --top 2").out);
  BOOST_TEST(j["added"] == 0);
  BOOST_TEST(j["suggestions"].size() == 2u);

  r = cmd("link add", "sub-0002 hkctc-views-2019/q1 cepa-tis/a1/t2/1fe/9");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: unknown provision id 'cepa-tis/a1/t2/1fe/9'; did you mean cepa-tis/a1/t2/1fe/1, cepa-tis/a1/t2/1fe/2, cepa-tis/a1/t2/1fe/3?\n"
                      "provisio: no link was added\n");
  for (const std::string c : {"link suggest sub-0042", "link accept sub-0042", "link remove sub-0042 x",
                              "link list --submission sub-0042"}) {
    r = run(c.substr(0, c.find(' ', 5)) + where + c.substr(c.find(' ', 5)));
    BOOST_TEST(r.status == 1, c);
    BOOST_TEST(r.err == "provisio: unknown submission 'sub-0042' in " + store + "\n", c);
  }
  r = cmd("link add", "sub-0042 hkctc-views-2019/q1");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: unknown submission 'sub-0042' in " + store + "\n");
  BOOST_TEST(nlohmann::json::parse(cmd("link list", "--submission sub-0002 --json").out)["links"].empty());

  r = cmd("link add", "sub-0002 hkctc-views-2019/q1 cepa-tis/a1/t2/1fe/1 --note 'asks for all CCC products' --by amy");
  BOOST_TEST(r.out == "linked sub-0002 to 2 targets\n");
  r = cmd("link add", "sub-0002 hkctc-views-2019/q1");
  BOOST_TEST(r.out == "linked sub-0002 to 0 targets (1 already linked)\n");
  r = cmd("link remove", "sub-0002 cepa-tis/a1/t2/1fe/1 --note 'too broad'");
  BOOST_TEST(r.out == "removed the link from sub-0002 to cepa-tis/a1/t2/1fe/1 (kept in its history)\n");
  r = cmd("link remove", "sub-0002 cepa-tis/a1/t2/1fe/1");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(cmd("link add", "--json sub-0002 hkctc-views-2019/q1").out == "{\"added\":0,\"already_linked\":1,\"campaign\":null,\"submission\":\"sub-0002\"}\n");
  BOOST_TEST(r.err == "provisio: sub-0002 is not linked to 'cepa-tis/a1/t2/1fe/1'\n");

  j = nlohmann::json::parse(cmd("link list", "--submission sub-0002 --history --json").out);
  BOOST_REQUIRE(j["links"].size() == 2u);
  BOOST_TEST(j["links"][1]["target"] == "cepa-tis/a1/t2/1fe/1");
  BOOST_TEST(j["links"][1]["how"] == "manual");
  BOOST_TEST(j["links"][1]["by"] == "amy");
  BOOST_TEST(j["links"][1]["note"] == "asks for all CCC products");
  BOOST_TEST(j["links"][1]["active"] == false);
  BOOST_TEST(j["links"][1]["removed_by"] == "tester");
  BOOST_TEST(j["links"][1]["removal_note"] == "too broad");
  r = cmd("link list", "--question hkctc-views-2019/q1");
  BOOST_TEST(r.out.find("sub-0002 -> hkctc-views-2019/q1  question, manual, by amy at ") == 0u, r.out);
  j = nlohmann::json::parse(cmd("link list", "--submission sub-0001 --json").out);
  BOOST_TEST(j["links"][0]["how"] == "suggested");
  BOOST_TEST(j["links"][0]["score"].get<double>() > 0);

  r = cmd("report", "--by question --format csv");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.rfind("\xEF\xBB\xBFquestion,kind,heading,count,letters,submissions\r\n", 0) == 0u, r.out);
  BOOST_TEST(r.out.find("hkctc-views-2019/q1,question,") != std::string::npos, r.out);
  // A question nothing is linked to still has its row (sub-0001, a CMA letter of May 2019, is
  // linked to q2 and q3: with its date, the 2023 GBA Certification no longer takes part).
  BOOST_TEST(r.out.find("hkctc-views-2019/other,question,Other views and difficulties in serving the Mainland market,0,0,\r\n") != std::string::npos, r.out);
  BOOST_TEST(r.out.find(",1,1,sub-0002\r\n") != std::string::npos, r.out);
  r = cmd("report", "--by topic --lang zh-Hant");
  BOOST_TEST(r.out.find("cma  (1 submission)") != std::string::npos, r.out);
  // Simplified headings are the Traditional ones converted (issue 13, item 8; they were English).
  r = cmd("report", "--by question --format csv --lang zh-Hans");
  BOOST_TEST(r.out.find("hkctc-views-2019/q3,question,向大湾区企业推广香港的检测认证服务,1,1,sub-0001\r\n") != std::string::npos, r.out);
  BOOST_TEST(cmd("report", "--format pdf").status == 2);

  // The index is derived; rebuilding it from nothing leaves every link in place.
  std::string before = cmd("link list", "--history --json").out;
  std::filesystem::remove_all(db);
  BOOST_REQUIRE_EQUAL(run("index --db '" + db + "' '" + PROVISIO_SOURCE_CORPUS + "'").status, 0);
  BOOST_TEST(cmd("link list", "--history --json").out == before);
  BOOST_TEST(cmd("report", "--by question --format json").status == 0);
}


// Ids are a contract: a store made when samr-2020/cma-gba existed keeps working after the corpus
// corrected it. The link is followed to the new id, and every command that shows links says what to
// do; a withdrawn id is reported with its reason.
BOOST_AUTO_TEST_CASE(links_to_moved_and_withdrawn_ids_are_followed_and_explained) {
  const std::string old_corpus = dir / "old-corpus";
  write_file(old_corpus + "/samr-2020.xml", R"(<?xml version="1.0"?>
<instrument id="samr-2020" kind="notice" signed="2020-11-04">
<title lang="en">SAMR announcement</title><title lang="zh-Hant">公告</title>
<provision id="samr-2020/cma-gba"><citation lang="en">SAMR 2020</citation><topics>cma gba</topics>
<version from="2020-11-04"><heading lang="en">CMA in the GBA</heading><text lang="en">CMA qualification.</text></version>
</provision>
<provision id="samr-2020/old-extra"><citation lang="en">SAMR 2020 extra</citation><topics>cma</topics>
<version from="2020-11-04"><heading lang="en">Extra</heading><text lang="en">Something else.</text></version>
</provision>
</instrument>
)");
  // The store's links were made against the old corpus...
  BOOST_REQUIRE_EQUAL(run("index --db '" + db + "' '" + old_corpus + "'").status, 0);
  BOOST_REQUIRE_EQUAL(cmd("submission add", "'" + kSamples + "14-cma-big5.eml'").status, 0);
  BOOST_REQUIRE_EQUAL(cmd("link add", "sub-0001 samr-2020/cma-gba samr-2020/old-extra").status, 0);
  CommandResult r;
  // ...then the corrected bundled corpus replaces the instrument, with its <moved> record.
  BOOST_REQUIRE_EQUAL(run("index --db '" + db + "' '" + PROVISIO_SOURCE_CORPUS + "'").status, 0);

  r = cmd("link list", "--submission sub-0001");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("sub-0001 -> samr-2020/ccc-inspection-bodies (linked as samr-2020/cma-gba, which moved)") !=
                 std::string::npos, r.out);
  BOOST_TEST(r.out.find("sub-0001 -> samr-2020/old-extra (unknown: no such provision now)") != std::string::npos, r.out);
  BOOST_TEST(r.err.find("provisio: warning: sub-0001 is linked to 'samr-2020/cma-gba', which is now "
                        "'samr-2020/ccc-inspection-bodies'") == 0u, r.err);
  BOOST_TEST(r.err.find("`provisio link add sub-0001 samr-2020/ccc-inspection-bodies`") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("`provisio link remove sub-0001 samr-2020/old-extra`") != std::string::npos, r.err);
  auto j = nlohmann::json::parse(cmd("link list", "--submission sub-0001 --json").out);
  BOOST_TEST(j["links"][0]["target"] == "samr-2020/cma-gba");
  BOOST_TEST(j["links"][0]["target_state"] == "moved");
  BOOST_TEST(j["links"][0]["target_now"] == "samr-2020/ccc-inspection-bodies");

  r = cmd("report", "--format json");
  BOOST_TEST(r.status == 0, r.err);
  j = nlohmann::json::parse(r.out);
  std::set<std::string> rows;
  for (const auto& row : j["rows"]) rows.insert(row["id"].get<std::string>());
  BOOST_TEST(rows.count("samr-2020/ccc-inspection-bodies") == 1u);
  BOOST_TEST(rows.count("samr-2020/cma-gba") == 0u);
  BOOST_TEST(j["warnings"].size() == 2u);
  BOOST_TEST(r.err.find("provisio: warning: sub-0001 is linked to 'samr-2020/cma-gba'") != std::string::npos, r.err);

  r = cmd("submission show", "sub-0001");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("linked to samr-2020/cma-gba (now samr-2020/ccc-inspection-bodies)") != std::string::npos, r.out);
  BOOST_TEST(r.err.find("which is now 'samr-2020/ccc-inspection-bodies'") != std::string::npos, r.err);

  // show follows the move too.
  r = run("show --db '" + db + "' samr-2020/cma-gba --lang en");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.err.find("provisio: 'samr-2020/cma-gba' is now 'samr-2020/ccc-inspection-bodies'") == 0u, r.err);
  BOOST_TEST(r.out.find("samr-2020/ccc-inspection-bodies\n") == 0u, r.out);

  // A withdrawn id: its reason, and what to do.
  const std::string new_corpus = dir / "new-corpus";
  std::string withdrawn = read_file(std::string(PROVISIO_SOURCE_CORPUS) + "/samr-2020.xml");
  withdrawn.replace(withdrawn.find("  <provision "), 0,
                    "  <withdrawn id=\"samr-2020/old-extra\" reason=\"it never existed in the announcement\"/>\n");
  write_file(new_corpus + "/samr-2020.xml", withdrawn);
  const std::string db2 = dir / "index2";
  BOOST_REQUIRE_EQUAL(run("index --db '" + db2 + "' '" + new_corpus + "'").status, 0);
  r = run("link list --db '" + db2 + "' --store '" + store + "' --submission sub-0001");
  BOOST_TEST(r.out.find("sub-0001 -> samr-2020/old-extra (withdrawn: no such provision now)") != std::string::npos, r.out);
  BOOST_TEST(r.err.find("'samr-2020/old-extra', which was withdrawn (it never existed in the announcement). Remove the "
                        "link with `provisio link remove sub-0001 samr-2020/old-extra`") != std::string::npos, r.err);
  r = run("show --db '" + db2 + "' samr-2020/old-extra");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: 'samr-2020/old-extra' was withdrawn: it never existed in the announcement\n");
}

BOOST_AUTO_TEST_CASE(default_store_is_beside_the_default_index) {
  CommandResult r = run_provisio("submission add '" + kSamples + "03-gba-promotion.txt'",
                                 "HOME='" + (dir / "home") + "' XDG_DATA_HOME= PROVISIO_DB= PROVISIO_STORE= PROVISIO_HOME= USER=t");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(std::filesystem::exists(dir / "home/.local/share/provisio/submissions.db"));
  r = run_provisio("submission list", "HOME=/nonexistent XDG_DATA_HOME= PROVISIO_STORE= PROVISIO_HOME='" + (dir / "ph") + "'");
  BOOST_TEST(r.out == "No submissions in " + (dir / "ph") + "/submissions.db yet.\n", r.out);
}

BOOST_AUTO_TEST_CASE(every_command_has_help_with_an_example) {
  for (const std::string c : {"submission add", "submission list", "submission show", "submission groups",
                              "link suggest", "link accept", "link add", "link remove", "link list", "report"}) {
    CommandResult r = run(c + " --help");
    BOOST_TEST(r.status == 0, c);
    BOOST_TEST(r.out.find("--store") != std::string::npos, c);
    BOOST_TEST(r.out.find("--db") != std::string::npos, c);
    BOOST_TEST(r.out.find("Example") != std::string::npos, c);
  }
  CommandResult r = run("link frobnicate");
  BOOST_TEST(r.status == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(records, World)

BOOST_AUTO_TEST_CASE(a_mistyped_store_on_a_reading_command_is_an_error_not_a_new_store) {
  std::string typo = dir / "data/typo.db";
  for (const std::string c : {"submission list", "submission show sub-0001", "submission groups", "link list", "report",
                              "link suggest sub-0001", "submission remove sub-0001",
                              "submission edit sub-0001 --from x"}) {
    CommandResult r = run(c.substr(0, c.find(' ', c.find(' ') + 1)) + " --db '" + db + "' --store '" + typo + "'" +
                          (c.find(' ', c.find(' ') + 1) == std::string::npos ? "" : c.substr(c.find(' ', c.find(' ') + 1))));
    BOOST_TEST(r.status != 0, c);
    BOOST_TEST(r.err.find("no submissions store at " + typo) != std::string::npos, c + ": " + r.err);
    BOOST_TEST(!std::filesystem::exists(typo), c);
  }
}

BOOST_AUTO_TEST_CASE(add_json_gives_the_filing_time) {
  auto j = nlohmann::json::parse(cmd("submission add", "--json '" + kSamples + "01-ccc-all-products.txt'").out);
  std::string at = j["filed"][0]["added_at"];
  BOOST_TEST(at.size() == 20u, at);
  BOOST_TEST(at == nlohmann::json::parse(cmd("submission list", "--json").out)["submissions"][0]["added_at"]);
}

BOOST_AUTO_TEST_CASE(remove_keeps_the_submission_and_ends_its_links) {
  BOOST_REQUIRE(cmd("submission add", "'" + kSamples + "01-ccc-all-products.txt' '" + kSamples + "14-cma-big5.eml'").status == 0);
  BOOST_REQUIRE(cmd("link add", "sub-0001 hkctc-views-2019/q1").status == 0);
  CommandResult r = cmd("submission remove", "sub-0001 --by amy --note 'sent twice'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "removed sub-0001 (kept in the store with its file and history); ended 1 link\n");
  BOOST_TEST(cmd("submission remove", "sub-0001").out.find("sub-0001 was already removed") == 0u);
  BOOST_TEST(cmd("submission remove", "sub-0042").status == 1);
  // Out of the list, the report and the search; still shown, with its file.
  auto listed = nlohmann::json::parse(cmd("submission list", "--json").out)["submissions"];
  BOOST_REQUIRE(listed.size() == 1u);
  BOOST_TEST(listed[0]["id"] == "sub-0002");
  listed = nlohmann::json::parse(cmd("submission list", "--json --removed").out)["submissions"];
  BOOST_REQUIRE(listed.size() == 2u);
  BOOST_TEST(listed[0]["removed_by"] == "amy");
  BOOST_TEST(cmd("submission list", "--removed").out.find("(removed) sub-0001") == 0u);
  BOOST_TEST(cmd("submission show", "--original sub-0001").out == read_file(kSamples + "01-ccc-all-products.txt"));
  auto shown = nlohmann::json::parse(cmd("submission show", "--json sub-0001").out);
  BOOST_TEST(shown["removal_note"] == "sent twice");
  BOOST_REQUIRE(shown["links"].is_array());
  BOOST_TEST(shown["links"][0]["removal_note"] == "submission removed: sent twice");
  BOOST_TEST(cmd("report", "--by question --format csv").out.find("sub-0001") == std::string::npos);
  BOOST_TEST(run("search --type submission CCC --store '" + store + "'").out.find("sub-0001") == std::string::npos);
  r = cmd("link add", "sub-0001 hkctc-views-2019/q1");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("was removed") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(edit_corrects_sender_date_and_subject_with_history) {
  BOOST_REQUIRE(cmd("submission add", "'" + kSamples + "01-ccc-all-products.txt'").status == 0);
  CommandResult r = cmd("submission edit", "sub-0001 --from 'HK Testing Association' --received 2019-05-24 --subject 'CCC for all' --by amy");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("edited sub-0001 (3 fields, kept in its history)") == 0u, r.out);
  BOOST_TEST(cmd("submission edit", "sub-0001 --received 2019-13-40").status == 1);
  BOOST_TEST(cmd("submission edit", "sub-0001").status == 2);
  auto shown = nlohmann::json::parse(cmd("submission show", "--json sub-0001").out);
  BOOST_TEST(shown["sender"] == "HK Testing Association");
  BOOST_TEST(shown["received"] == "2019-05-24");
  BOOST_TEST(shown["subject"] == "CCC for all");
  BOOST_REQUIRE(shown["edits"].size() == 3u);
  BOOST_TEST(shown["edits"][0]["field"] == "sender");
  BOOST_TEST(shown["edits"][0]["old"].is_null());
  BOOST_TEST(shown["edits"][0]["by"] == "amy");
  r = cmd("submission show", "sub-0001");
  BOOST_TEST(r.out.find("by amy: received (unknown) -> \"2019-05-24\"") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(list_and_report_filter_by_links_language_and_date) {
  BOOST_REQUIRE(cmd("submission add", "'" + kSamples + "01-ccc-all-products.txt' '" + kSamples + "14-cma-big5.eml' '" +
                                          kSamples + "02-cma-mark.eml'").status == 0);
  BOOST_REQUIRE(cmd("link add", "sub-0002 hkctc-views-2019/q2 --note 'CMA, with 資質認定'").status == 0);
  BOOST_REQUIRE(cmd("link add", "sub-0003 hkctc-views-2019/q2").status == 0);
  auto ids = [&](const std::string& options) {
    std::string out;
    auto listed = nlohmann::json::parse(cmd("submission list", "--json " + options).out);
    for (const auto& s : listed["submissions"]) out += (out.empty() ? "" : " ") + s["id"].get<std::string>();
    return out;
  };
  BOOST_TEST(ids("--unlinked") == "sub-0001");
  BOOST_TEST(ids("--lang zh-Hant") == "sub-0002");
  BOOST_TEST(ids("--since 2019-05-20") == "sub-0002");  // 14-cma: 21 May
  BOOST_TEST(ids("--until 2019-05-20") == "sub-0003");  // 02-cma: 14 May
  BOOST_TEST(cmd("submission list", "--since May").status == 1);

  auto report = nlohmann::json::parse(cmd("report", "--format json --since 2019-05-20").out);
  BOOST_TEST(report["since"] == "2019-05-20");
  BOOST_TEST(report["until"].is_null());
  BOOST_TEST(report["submissions_total"] == 1);
  BOOST_REQUIRE(report["rows"].size() == 1u);
  BOOST_TEST(report["rows"][0]["submissions"].size() == 1u);
  // Unknown values are null, not "".
  report = nlohmann::json::parse(cmd("report", "--format json --by topic").out);
  BOOST_TEST(report["rows"][0]["heading"].is_null());

  // One line per link, with what staff need beside it.
  CommandResult r = cmd("report", "--by link --format csv");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.rfind("\xEF\xBB\xBFsubmission,sender,received,subject,provision,citation,linked_by,linked_at,note\r\n", 0) == 0u, r.out);
  BOOST_TEST(r.out.find("sub-0002,李美玲 <may.lee@qa.example.hk>,2019-05-21,有關資質認定（CMA）的建議,hkctc-views-2019/q2,") !=
                 std::string::npos, r.out);
  BOOST_TEST(r.out.find(",tester,") != std::string::npos, r.out);
  BOOST_TEST(r.out.find(",\"CMA, with 資質認定\"\r\n") != std::string::npos, r.out);

  // The workbook: a sheet per grouping, read back by unzipping it.
  std::string xlsx = dir / "report.xlsx";
  BOOST_TEST(cmd("report", "--format xlsx").status == 2);
  r = cmd("report", "--format xlsx -o '" + xlsx + "'");
  BOOST_TEST(r.status == 0, r.err);
  auto part = [&](const std::string& name) {
    return provisio::testing::run_program("unzip -p '" + xlsx + "' '" + name + "'").out;
  };
  std::string workbook = part("xl/workbook.xml");
  for (const std::string sheet : {"By provision", "By question", "By topic", "Links"})
    BOOST_TEST(workbook.find("name=\"" + sheet + "\"") != std::string::npos, sheet);
  std::string strings = part("xl/sharedStrings.xml");
  BOOST_TEST(strings.find("有關資質認定（CMA）的建議") != std::string::npos);
  BOOST_TEST(strings.find("hkctc-views-2019/q2") != std::string::npos);
  BOOST_TEST(strings.find("sub-0002; sub-0003") != std::string::npos, strings);
  std::string links = part("xl/worksheets/sheet4.xml");
  BOOST_TEST(links.find("<row r=\"3\"") != std::string::npos);  // header and two links
  BOOST_TEST(links.find("<row r=\"4\"") == std::string::npos);
  BOOST_TEST(part("xl/worksheets/sheet2.xml").find("<autoFilter") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(accept_never_recreates_a_link_a_person_removed) {
  BOOST_REQUIRE(cmd("submission add", "'" + kSamples + "14-cma-big5.eml'").status == 0);
  BOOST_REQUIRE(cmd("link accept", "sub-0001 --top 3").status == 0);
  auto links = nlohmann::json::parse(cmd("link list", "--json").out)["links"];
  BOOST_REQUIRE(links.size() == 3u);
  std::string removed = links[0]["target"];
  BOOST_REQUIRE(cmd("link remove", "sub-0001 '" + removed + "' --note 'not what they ask'").status == 0);
  CommandResult r = cmd("link accept", "sub-0001 --top 3");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("not linked again: " + removed) != std::string::npos, r.out);
  links = nlohmann::json::parse(cmd("link list", "--json").out)["links"];
  BOOST_TEST(links.size() == 2u);
  for (const auto& l : links) BOOST_TEST(l["target"] != removed);
  auto j = nlohmann::json::parse(cmd("link accept", "--json sub-0001 --top 3").out);
  BOOST_TEST(j["removed_before"] == nlohmann::json::array({removed}));
}

BOOST_AUTO_TEST_CASE(an_off_topic_letter_gets_no_suggestion_and_a_tc_one_other_views) {
  write_file(dir / "canteen.txt",
             "Dear building manager,\n\nThe canteen menu this week has too much fried food and the soup is always "
             "cold. Please add a vegetarian option on Fridays.\n\nAlso, the lift on the east side has been broken "
             "since Monday and staff on the 12th floor must take the stairs. Could someone repair it soon?\n");
  write_file(dir / "canteen-zh.txt", "致大廈管理處：本週飯堂餐單油炸食物太多，湯總是冷的，請於星期五增加素食選擇。"
                                     "另外，東翼升降機自星期一起故障，十二樓職員要走樓梯，請盡快維修。\n");
  write_file(dir / "vague.txt", "We support mutual recognition.\n");
  BOOST_REQUIRE(cmd("submission add", "'" + (dir / "canteen.txt") + "' '" + (dir / "canteen-zh.txt") + "' '" +
                                          (dir / "vague.txt") + "'").status == 0);
  for (const std::string id : {"sub-0001", "sub-0002"}) {
    auto j = nlohmann::json::parse(cmd("link suggest", "--json " + id).out);
    BOOST_TEST(j["suggestions"].empty(), id + ": " + j.dump());
    CommandResult r = cmd("link accept", id);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.out.find("nothing was linked") != std::string::npos, r.out);
  }
  BOOST_TEST(cmd("link list", "").out == "No links.\n");
  // With no minimum, the canteen letter did get suggestions: the minimum is what holds them back.
  BOOST_TEST(!nlohmann::json::parse(cmd("link suggest", "--json --min-score 0 sub-0001").out)["suggestions"].empty());
  // About T&C, but too short to fit a provision: the consultation's "other views" question.
  auto j = nlohmann::json::parse(cmd("link suggest", "--json sub-0003").out);
  BOOST_REQUIRE(j["suggestions"].size() == 1u);
  BOOST_TEST(j["suggestions"][0]["id"] == "hkctc-views-2019/other");
  BOOST_TEST(j["suggestions"][0]["other_views"] == true);
  // --min-score on accept: only the suggestions reaching it.
  BOOST_REQUIRE(cmd("submission add", "'" + kSamples + "14-cma-big5.eml'").status == 0);
  auto all = nlohmann::json::parse(cmd("link suggest", "--json --limit 3 sub-0004").out)["suggestions"];
  BOOST_REQUIRE(all.size() == 3u);
  double between = (all[0]["score"].get<double>() + all[1]["score"].get<double>()) / 2;
  auto accepted = nlohmann::json::parse(cmd("link accept", "--json --top 3 --min-score " + std::to_string(between) + " sub-0004").out);
  BOOST_TEST(accepted["added"] == 1);
}

BOOST_AUTO_TEST_CASE(why_words_are_whole_words_from_the_tokenizer_without_function_words) {
  BOOST_REQUIRE(cmd("submission add", "'" + kSamples + "14-cma-big5.eml'").status == 0);
  std::set<std::string> words;
  auto j = nlohmann::json::parse(cmd("link suggest", "--json sub-0001").out);
  for (const auto& s : j["suggestions"])
    for (const auto& w : s["why"]["terms"]) words.insert(w.get<std::string>());
  // Fragments that merged bigram spans used to give.
  for (const std::string fragment : {"因是", "地獲", "檢測結果在", "檢測結果在內地獲", "驗檢測機構資質認定"})
    BOOST_TEST(words.count(fragment) == 0u, fragment);
  BOOST_TEST(words.count("資質認定") == 1u);
  BOOST_TEST(words.count("CMA") == 1u);
  // English: every sample's reasons, none a function word.
  std::string files;
  for (const auto& e : std::filesystem::directory_iterator(kSamples))
    if (e.path().filename().string() < "14") files += " '" + e.path().string() + "'";
  BOOST_REQUIRE(cmd("submission add", files).status == 0);
  for (int n = 2; n <= 14; ++n) {
    char id[16];
    std::snprintf(id, sizeof id, "sub-%04d", n);
    auto suggested = nlohmann::json::parse(cmd("link suggest", std::string("--json ") + id).out);
    BOOST_TEST(!suggested["suggestions"].empty(), id);
    for (const auto& s : suggested["suggestions"])
      for (const auto& w : s["why"]["terms"]) {
        std::string lower = w.get<std::string>();
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const std::string f : {"would", "such", "more", "include", "including", "the", "should"})
          BOOST_TEST(lower != f, id << ": " << lower);
      }
  }
}

BOOST_AUTO_TEST_SUITE_END()
