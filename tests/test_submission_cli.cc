#define BOOST_TEST_MODULE submission_cli
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <set>

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
             "filed sub-0002 from 24-ccc-gb18030.txt (txt, GB18030, zh-Hans)\n");
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

BOOST_AUTO_TEST_CASE(one_unreadable_file_and_nothing_is_filed) {
  std::string bad = dir / "broken.docx";
  write_file(bad, "PK\x03\x04 not a zip at all");
  CommandResult r = cmd("submission add", "'" + kSamples + "01-ccc-all-products.txt' '" + bad + "' '" + (dir / "missing.txt") + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out == "");
  BOOST_TEST(r.err == bad + ": not a .docx file: not a zip archive\n" + (dir / "missing.txt") +
                          ": cannot read: No such file or directory\n"
                          "provisio: 2 files could not be read; nothing was filed in " + store + "\n");
  BOOST_TEST(!std::filesystem::exists(store));

  r = cmd("submission add", "'" + kSamples + "01-ccc-all-products.txt' '" + (dir / "notes.pdf") + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find((dir / "notes.pdf") + ": cannot read: No such file or directory\n") == 0u, r.err);
  write_file(dir / "notes.pdf", "%PDF");
  r = cmd("submission add", "'" + (dir / "notes.pdf") + "'");
  BOOST_TEST(r.err.find((dir / "notes.pdf") + ": unknown file type '.pdf' (expected .txt, .eml, .html or .docx)\n") == 0u, r.err);

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
  BOOST_TEST(cmd("link add", "--json sub-0002 hkctc-views-2019/q1").out == "{\"added\":0,\"already_linked\":1,\"submission\":\"sub-0002\"}\n");
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
  BOOST_TEST(r.out.rfind("\xEF\xBB\xBFquestion,kind,heading,count,submissions\r\n", 0) == 0u, r.out);
  BOOST_TEST(r.out.find("hkctc-views-2019/q1,question,") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("hkctc-views-2019/q3,question,Promoting Hong Kong T&C services to Greater Bay Area enterprises,0,\r\n") != std::string::npos, r.out);
  BOOST_TEST(r.out.find(",1,sub-0002\r\n") != std::string::npos, r.out);
  r = cmd("report", "--by topic --lang zh-Hant");
  BOOST_TEST(r.out.find("cma  (1 submission)") != std::string::npos, r.out);
  // Simplified headings are the Traditional ones converted (issue 13, item 8; they were English).
  r = cmd("report", "--by question --format csv --lang zh-Hans");
  BOOST_TEST(r.out.find("hkctc-views-2019/q3,question,向大湾区企业推广香港的检测认证服务,0,\r\n") != std::string::npos, r.out);
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
  for (const std::string c : {"submission add", "submission list", "submission show", "link suggest", "link accept",
                              "link add", "link remove", "link list", "report"}) {
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
