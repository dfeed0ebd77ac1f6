// Campaigns of near-identical letters: the grouping (search/linking/near_duplicates.h), each
// member's changes, link propagation to every member, and the report counting a campaign once, on
// the synthetic campaign of campaign_letters.h.
#define BOOST_TEST_MODULE campaigns
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "campaign_letters.h"
#include "campaigns.h"
#include "near_duplicates.h"
#include "store.h"
#include "test_support.h"

using provisio::testing::CommandResult;
using provisio::testing::run_provisio;
using provisio::testing::synthetic_campaign_letters;
using provisio::testing::TempDir;
using provisio::testing::write_file;
namespace sub = provisio::submissions;

namespace {

// The synthetic letters as submissions sub-0001… in their order.
std::vector<sub::Submission> as_submissions(const std::vector<provisio::testing::SyntheticLetter>& letters) {
  std::vector<sub::Submission> out;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    sub::Submission s;
    s.id = "sub-" + std::string(i + 1 < 10 ? "000" : "00") + std::to_string(i + 1);
    s.sha256 = std::to_string(i);
    s.file_name = letters[i].file_name;
    s.format = "txt";
    s.charset = "UTF-8";
    s.sender = letters[i].sender;
    s.received = letters[i].received;
    s.lang = "en";
    s.text = letters[i].text;
    out.push_back(std::move(s));
  }
  return out;
}

sub::Submission letter(const std::string& id, const std::string& text) {
  sub::Submission s;
  s.id = id;
  s.sha256 = id;
  s.text = text;
  return s;
}

const std::string kTemplate =
    "Dear Council, we the undersigned laboratories ask that Hong Kong test reports be accepted for China "
    "Compulsory Certification of all products whatever their origin, since our laboratories are accredited "
    "to the same standard as those on the Mainland. Signed, Chan Tai Man, Harbour Testing Laboratory.";

}  // namespace

BOOST_AUTO_TEST_CASE(folding_makes_traditional_simplified_and_full_width_copies_one_text) {
  auto tokens = provisio::near_duplicate_tokens("香港檢測 ＣＣＣ Test-Reports");
  std::string joined;
  for (const auto& t : tokens) joined += t + "|";
  BOOST_TEST(joined == "香|港|检|测|ccc|test|reports|");
  BOOST_TEST(provisio::near_duplicate_tokens("香港检测 CCC test reports") == tokens);
}

BOOST_AUTO_TEST_CASE(the_synthetic_campaigns_are_found_exactly) {
  auto letters = synthetic_campaign_letters();
  BOOST_REQUIRE_EQUAL(letters.size(), 60u);
  std::set<std::string> texts;
  for (const auto& l : letters) texts.insert(l.text);
  BOOST_TEST(texts.size() == 60u);  // no two letters are the same file (filing would refuse the copy)
  auto campaigns = sub::find_campaigns(as_submissions(letters));
  BOOST_REQUIRE_EQUAL(campaigns.size(), 2u);
  std::map<std::string, int> truth;
  for (std::size_t i = 0; i < letters.size(); ++i) truth[as_submissions(letters)[i].id] = letters[i].campaign;
  BOOST_TEST(campaigns[0].size() == 34u);  // the English one, largest first
  BOOST_TEST(campaigns[1].size() == 16u);  // Traditional and Simplified copies together
  BOOST_TEST(campaigns[0].lead == "sub-0001");
  BOOST_TEST(campaigns[1].lead == "sub-0035");
  for (int c = 0; c < 2; ++c)
    for (const auto& m : campaigns[c].members) BOOST_TEST(truth[m.id] == c, m.id);
  // Members keep their sender and date; changes are reported for all but the common text.
  BOOST_TEST(campaigns[0].members[0].sender == "Chan Tai Man, Harbour Testing Laboratory");
  for (const auto& m : campaigns[0].members)
    if (m.id != campaigns[0].common) BOOST_TEST(!m.changes.empty(), m.id);
  // --min-size leaves out the smaller campaign.
  BOOST_TEST(sub::find_campaigns(as_submissions(letters), 20).size() == 1u);
}

BOOST_AUTO_TEST_CASE(short_and_unrelated_letters_are_never_grouped) {
  std::vector<sub::Submission> filed = {letter("a", "Please see the attached letter."),
                                        letter("b", "Please see the attached letter."),
                                        letter("c", kTemplate)};
  BOOST_TEST(sub::find_campaigns(filed).empty());
  auto letters = synthetic_campaign_letters();
  std::vector<sub::Submission> others;
  for (const auto& s : as_submissions(letters))
    if (s.file_name.rfind("other-", 0) == 0) others.push_back(s);
  BOOST_REQUIRE_EQUAL(others.size(), 10u);
  BOOST_TEST(sub::find_campaigns(others).empty());
}

BOOST_AUTO_TEST_CASE(changes_are_passages_against_the_most_common_text_in_each_letters_own_words) {
  std::string renamed = kTemplate;
  renamed.replace(renamed.find("Chan Tai Man"), 12, "Lee Ka Yan");
  std::string longer = kTemplate + " We also ask for a meeting.";
  std::vector<sub::Submission> filed = {letter("s1", renamed), letter("s2", kTemplate),
                                        letter("s3", kTemplate), letter("s4", longer),
                                        letter("s5", "An unrelated note about lifts.")};
  auto campaigns = sub::find_campaigns(filed);
  BOOST_REQUIRE_EQUAL(campaigns.size(), 1u);
  const auto& c = campaigns[0];
  BOOST_TEST(c.lead == "s1");
  BOOST_TEST(c.common == "s2");  // the text two members share exactly
  BOOST_REQUIRE_EQUAL(c.size(), 4u);
  BOOST_REQUIRE_EQUAL(c.members[0].changes.size(), 1u);
  BOOST_TEST(c.members[0].changes[0].removed == "Chan Tai Man");
  BOOST_TEST(c.members[0].changes[0].added == "Lee Ka Yan");
  BOOST_TEST(c.members[1].changes.empty());
  BOOST_TEST(c.members[2].changes.empty());
  BOOST_REQUIRE_EQUAL(c.members[3].changes.size(), 1u);
  BOOST_TEST(c.members[3].changes[0].removed == "");
  BOOST_TEST(c.members[3].changes[0].added == "We also ask for a meeting.");

  // A Simplified copy of a Traditional letter differs only where the sender changed something,
  // and the passage is shown in the script the sender wrote.
  auto zh = synthetic_campaign_letters();
  std::string hant = zh[36].text, hans = zh[37].text;  // campaign-zh-03 (Traditional), -04 (Simplified)
  std::vector<sub::Submission> pair = {letter("t1", hant), letter("t2", hant), letter("t3", hans)};
  campaigns = sub::find_campaigns(pair);
  BOOST_REQUIRE_EQUAL(campaigns.size(), 1u);
  BOOST_TEST(campaigns[0].common == "t1");
  std::string changed;
  for (const auto& ch : campaigns[0].members[2].changes) changed += "[" + ch.removed + "→" + ch.added + "]";
  // zh-04 adds a sentence and is signed 黃美儀 where zh-03 is signed 張志強.
  BOOST_TEST(changed == "[→去年我们有一位客户等了十一个星期才取得证书。][張志強→黃美儀]");
}

BOOST_AUTO_TEST_CASE(a_link_for_one_member_is_made_for_every_member_and_removals_are_respected) {
  TempDir dir;
  sub::Store store(dir / "s.db");
  auto filed = as_submissions(synthetic_campaign_letters());
  store.add_submissions(filed);
  auto campaigns = sub::find_campaigns(store);
  BOOST_REQUIRE_EQUAL(campaigns.size(), 2u);

  std::vector<sub::LinkRequest> ccc = {
      {"cepa-tis/a1/t2/1fe/1", "provision", "manual", std::nullopt, "asks for CCC"}};
  BOOST_TEST(store.add_links("sub-0002", ccc, "officer") == 1u);
  auto result = sub::campaign_links(store, campaigns, "sub-0002", ccc, "officer");
  BOOST_TEST(result.lead == "sub-0001");
  BOOST_TEST(result.members.size() == 33u);
  BOOST_TEST(result.added() == 33u);
  auto links = store.links({"", "cepa-tis/a1/t2/1fe/1", "", false});
  BOOST_TEST(links.size() == 34u);  // one row per member
  std::set<std::string> linked;
  for (const auto& l : links) {
    linked.insert(l.submission);
    if (l.submission != "sub-0002")
      BOOST_TEST(l.note == "asks for CCC; via campaign sub-0001 (from sub-0002)");
  }
  for (const auto& m : campaigns[0].members) BOOST_TEST(linked.count(m.id) == 1u, m.id);
  BOOST_TEST(store.links({"sub-0035", "", "", false}).empty());  // the other campaign is untouched

  // A person removes the link from one member; making it again from another member skips it there.
  BOOST_TEST(store.remove_link("sub-0007", "cepa-tis/a1/t2/1fe/1", "officer", "not about CCC"));
  store.remove_link("sub-0003", "cepa-tis/a1/t2/1fe/1", "officer");
  result = sub::campaign_links(store, campaigns, "sub-0003", ccc, "officer");
  BOOST_TEST(result.added() == 0u);
  std::vector<std::string> declined;
  for (const auto& m : result.members) declined.insert(declined.end(), m.declined.begin(), m.declined.end());
  BOOST_TEST(declined == std::vector<std::string>{"cepa-tis/a1/t2/1fe/1"});
  BOOST_TEST(store.links({"sub-0007", "", "", false}).empty());

  // A letter in no campaign: nothing happens.
  BOOST_TEST(sub::campaign_links(store, campaigns, "sub-0051", ccc, "officer").lead.empty());
}

// The commands, on the synthetic letters filed as files.
BOOST_AUTO_TEST_CASE(groups_accept_add_and_report_through_the_cli) {
  TempDir dir;
  std::string env = "HOME='" + (dir / "home") +
                    "' XDG_DATA_HOME= PROVISIO_DB= PROVISIO_STORE= PROVISIO_HOME= "
                    "USER=tester NO_COLOR=1";
  std::string where = " --db '" + (dir / "index") + "' --store '" + (dir / "s.db") + "' ";
  auto run = [&](const std::string& sub, const std::string& rest) {
    return run_provisio(sub + where + rest, env);
  };
  BOOST_REQUIRE_EQUAL(
      run_provisio("index --db '" + (dir / "index") + "' '" + PROVISIO_SOURCE_CORPUS + "'", env).status, 0);
  auto letters = synthetic_campaign_letters();
  for (const auto& l : letters) write_file(dir / ("inbox/" + l.file_name), l.text);
  BOOST_REQUIRE_EQUAL(run("submission add", "'" + (dir / "inbox") + "'").status, 0);

  CommandResult r = run("submission groups", "--json");
  BOOST_TEST(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["compared"] == 60);
  BOOST_REQUIRE(j["campaigns"].size() == 2u);
  BOOST_TEST(j["campaigns"][0]["size"] == 34);
  BOOST_TEST(j["campaigns"][1]["size"] == 16);
  BOOST_TEST(
      nlohmann::json::parse(run("submission groups", "--json --min-size 20").out)["campaigns"].size() == 1u);
  r = run("submission groups", "");
  BOOST_TEST(r.out.rfind("2 campaigns, 50 of 60 submissions\n", 0) == 0u, r.out);
  BOOST_TEST(r.out.find("{+Chan Tai Man Harbour Testing Laboratory+}") != std::string::npos, r.out);
  BOOST_TEST(run("submission groups", "--min-size 1").status != 0);

  // Files are filed in name order: campaign-en-01..34 are sub-0001..0034, campaign-zh-* next.
  std::string lead = j["campaigns"][0]["id"];
  BOOST_TEST(lead == "sub-0001");
  r = run("link add", "sub-0005 hkctc-views-2019/q1 --note 'form letter'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out ==
             "linked sub-0005 to 1 target\ncampaign sub-0001: 33 new links for its 33 other members\n");
  r = run("link add", "sub-0040 hkctc-views-2019/q1 --only-this --json");
  BOOST_TEST(nlohmann::json::parse(r.out)["campaign"].is_null());
  r = run("link add", "sub-0051 hkctc-views-2019/q1");  // an unrelated letter
  BOOST_TEST(r.out == "linked sub-0051 to 1 target\n");
  auto links = nlohmann::json::parse(run("link list", "--question hkctc-views-2019/q1 --json").out)["links"];
  BOOST_TEST(links.size() == 36u);

  // The report counts the English campaign once (34 letters) beside sub-0040 and sub-0051.
  auto report = nlohmann::json::parse(run("report", "--by question --format json").out);
  nlohmann::json q1;
  for (const auto& row : report["rows"])
    if (row["id"] == "hkctc-views-2019/q1") q1 = row;
  BOOST_TEST(q1["count"] == 3);
  BOOST_TEST(q1["letters"] == 36);
  BOOST_TEST(q1["submissions"][0]["id"] == "sub-0001");
  BOOST_TEST(q1["submissions"][0]["campaign"]["signed"] == 34);
  BOOST_TEST(q1["submissions"][1]["campaign"]["id"] == "sub-0035");  // one member of the Chinese campaign
  BOOST_TEST(q1["submissions"][1]["campaign"]["signed"] == 1);
  BOOST_TEST(q1["submissions"][2]["campaign"].is_null());
  r = run("report", "--by question");
  BOOST_TEST(r.out.find("hkctc-views-2019/q1  (3 submissions, 36 letters)") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("    sub-0001  [campaign sub-0001, signed by 34]\n") != std::string::npos, r.out);
  r = run("report", "--by question --format csv");
  BOOST_TEST(r.out.find("hkctc-views-2019/q1,question,") != std::string::npos);
  BOOST_TEST(
      r.out.find(",3,36,\"sub-0001 (campaign sub-0001, signed by 34: sub-0001 sub-0002") != std::string::npos,
      r.out);

  // The workbook lists the campaign as the CSV does, with its letters counted.
  std::string xlsx = dir / "report.xlsx";
  BOOST_TEST(run("report", "--format xlsx -o '" + xlsx + "'").status == 0);
  std::string strings = provisio::testing::run_program("unzip -p '" + xlsx + "' xl/sharedStrings.xml").out;
  BOOST_TEST(strings.find("sub-0001 (campaign sub-0001, signed by 34: sub-0001 sub-0002") !=
             std::string::npos);
  BOOST_TEST(strings.find(">letters<") != std::string::npos);

  // accept on a campaign member: every member gets the accepted links, noted; a removal stays.
  BOOST_TEST(run("link remove", "sub-0009 hkctc-views-2019/q1").status == 0);
  r = run("link accept", "sub-0036 --top 1 --json");
  j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["campaign"]["id"] == "sub-0035");
  BOOST_TEST(j["campaign"]["members"].size() == 15u);
  std::string target = j["suggestions"][0]["id"];
  auto rows = nlohmann::json::parse(run("link list", "--provision '" + target + "' --json").out)["links"];
  std::size_t via = 0;
  for (const auto& l : rows)
    via += l["note"].is_string() &&
           l["note"].get<std::string>().find("via campaign sub-0035") != std::string::npos;
  BOOST_TEST(via == 15u);
  r = run("link add", "sub-0002 hkctc-views-2019/q1");
  BOOST_TEST(r.out.find("not linked again: sub-0009 -> hkctc-views-2019/q1 (a person removed that link)") !=
                 std::string::npos,
             r.out);
}
