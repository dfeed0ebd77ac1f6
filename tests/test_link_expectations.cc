#define BOOST_TEST_MODULE link_expectations
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <stdexcept>

#include "link_expectations.h"
#include "test_support.h"

using namespace provisio::linking_eval;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

const std::string kExpected = std::string(PROVISIO_SOURCE_DIR) + "/tests/linking/expected.tsv";

std::string load_error(const std::string& tsv) {
  TempDir dir;
  std::string path = dir / "expected.tsv";
  write_file(path, tsv);
  try {
    load_expectations(path);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_committed_samples_follow_the_split_rule_and_both_halves_hold_every_language) {
  auto samples = load_expectations(kExpected);  // throws if a line's half is not the rule's
  BOOST_TEST(samples.size() >= 54u);
  std::map<std::string, std::set<std::string>> langs_by_half;
  for (const auto& s : samples) langs_by_half[s.half].insert(s.lang);
  for (const char* half : {kTuningHalf, kHeldOutHalf})
    BOOST_TEST(langs_by_half[half] == (std::set<std::string>{"en", "zh-Hans", "zh-Hant"}), half);
}

BOOST_AUTO_TEST_CASE(samples_with_the_same_links_stay_in_one_half_and_units_alternate) {
  std::vector<JudgedSample> samples = {
      {"a.txt", "en", "", {"x", "y"}},       {"b.txt", "en", "", {"z"}},
      {"a-zh.txt", "zh-Hant", "", {"y", "x"}},  // a translation of a.txt: same unit
      {"c.txt", "en", "", {"w"}},
  };
  BOOST_TEST(half_by_rule(samples) ==
             (std::vector<std::string>{kTuningHalf, kHeldOutHalf, kTuningHalf, kTuningHalf}));
}

BOOST_AUTO_TEST_CASE(a_sample_moved_to_the_other_half_is_refused_with_its_line) {
  std::string e = load_error("# header\na.txt\ten\ttuning\tx\nb.txt\ten\ttuning\ty\n");
  BOOST_TEST(e.find("expected.tsv:3: b.txt is in the tuning half, but the split rule") != std::string::npos, e);
  BOOST_TEST(load_error("a.txt\ten\ttuning\tx\nb.txt\ten\theld-out\ty\n") == "");
}

BOOST_AUTO_TEST_CASE(bad_lines_are_refused_with_file_and_line) {
  BOOST_TEST(load_error("a.txt\ten\ttuning\n").find("expected.tsv:1: expected 4 tab-separated columns") !=
             std::string::npos);
  BOOST_TEST(load_error("a.txt\tfr\ttuning\tx\n").find("expected.tsv:1: unknown language 'fr'") != std::string::npos);
  BOOST_TEST(load_error("a.txt\ten\tboth\tx\n").find("expected.tsv:1: half must be") != std::string::npos);
  BOOST_TEST(load_error("a.txt\ten\ttuning\t \n").find("expected.tsv:1: no links for a.txt") != std::string::npos);
  BOOST_TEST(load_error("a.txt\ten\ttuning\tx\na.txt\ten\theld-out\ty\n").find("expected.tsv:2: a.txt is listed twice") !=
             std::string::npos);
}
