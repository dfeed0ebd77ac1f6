#define BOOST_TEST_MODULE link_time
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "corpus.h"
#include "index_writer.h"
#include "submission_date.h"
#include "submission_output.h"
#include "suggester.h"
#include "suggester_world.h"
#include "test_support.h"

// Time-aware link suggestions (issue 16): the letter's date decides which provision versions
// count, and a suggestion says what it meant then and what holds now.
using namespace provisio::submissions;
using provisio::Date;
using provisio::testing::ids;
using provisio::testing::no_minimum;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// A pilot (2011 to 2012) superseded by today's wider commitment (from 2016), on one line.
const char* kLine = R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="demo" kind="measure" signed="2010-05-27">
  <title lang="en">Demo measures</title>
  <title lang="zh-Hant">示範措施</title>
  <provision id="demo/pilot">
    <citation lang="en">Demo, pilot</citation>
    <topics>ccc</topics>
    <version from="2011-01-01" to="2012-04-01">
      <heading lang="en">Pilot: CCC testing of selected Hong Kong-processed products</heading>
      <text lang="en">As a pilot, accredited Hong Kong laboratories may do CCC testing of selected products processed in Hong Kong.</text>
    </version>
  </provision>
  <provision id="demo/wide">
    <citation lang="en">Demo, wide</citation>
    <topics>ccc</topics>
    <relation type="supersedes" to="demo/pilot"/>
    <version from="2016-06-01">
      <heading lang="en">CCC testing of all products, wherever made</heading>
      <text lang="en">Accredited Hong Kong laboratories may do CCC testing of all products wherever they are made, processed in Hong Kong or not.</text>
    </version>
  </provision>
</instrument>
)";

struct World : provisio::testing::SuggesterWorld {
  World() : SuggesterWorld({{"demo.xml", kLine}}) {}
};

const char* kLetter =
    "We hear that under the new Supplement accredited Hong Kong laboratories may, as a pilot, do CCC testing "
    "of selected products processed in Hong Kong. We wish to take part.";

}  // namespace

BOOST_AUTO_TEST_CASE(a_letter_dates_itself_with_its_first_full_date) {
  BOOST_TEST(date_in_letter("15 June 2010\n\nDear Sirs, since 1 January 2004 ...")->iso() == "2010-06-15");
  BOOST_TEST(date_in_letter("Hong Kong, June 15, 2010 - press release")->iso() == "2010-06-15");
  BOOST_TEST(date_in_letter("致局方：\n2010年7月8日\n")->iso() == "2010-07-08");
  BOOST_TEST(date_in_letter("Date: 2019-05-20")->iso() == "2019-05-20");
  BOOST_TEST(date_in_letter("31 June 2010 was no day; 2 July 2010 was")->iso() == "2010-07-02");
  BOOST_TEST(!date_in_letter("Supplement VII of 2010, no day given"));
  // The day received comes first; without it, the letter's own date.
  BOOST_TEST(submission_date("2019-05-21", "15 June 2010")->iso() == "2019-05-21");
  BOOST_TEST(submission_date("", "15 June 2010")->iso() == "2010-06-15");
}

BOOST_FIXTURE_TEST_SUITE(time_aware, World)

BOOST_AUTO_TEST_CASE(a_2010_letter_about_the_pilot_links_to_the_pilot_and_shows_what_holds_now) {
  LinkSuggester suggester(db, no_minimum());
  auto then = suggester.suggest(kLetter, 5, Date::parse("2010-06-15"));
  // The pilot, signed in May 2010, took effect in January 2011: within the year after the letter.
  // Today's commitment (2016) could not be meant in 2010.
  BOOST_TEST(ids(then) == std::vector<std::string>{"demo/pilot"});
  BOOST_REQUIRE(then[0].then && then[0].now);
  BOOST_TEST(then[0].then->from == "2011-01-01");
  BOOST_TEST(then[0].now->id == "demo/wide");
  BOOST_TEST(then[0].now->from == "2016-06-01");
  BOOST_TEST(provisio::output::then_and_now(provisio::output::suggestion_json(then[0])) ==
             "then: Pilot: CCC testing of selected Hong Kong-processed products (2011-01-01 to 2012-04-01); "
             "now: demo/wide CCC testing of all products, wherever made (since 2016-06-01)");

  // Without a date both take part and nothing is placed in time.
  auto any = suggester.suggest(kLetter, 5);
  BOOST_TEST(any.size() == 2u);
  BOOST_TEST(!any[0].then);
}

BOOST_AUTO_TEST_CASE(a_later_letter_ranks_the_ended_pilot_below_the_measure_in_force) {
  LinkSuggester suggester(db, no_minimum());
  auto later = suggester.suggest(kLetter, 5, Date::parse("2021-03-01"));
  BOOST_REQUIRE(later.size() == 2u);
  BOOST_TEST(later[0].id == "demo/wide");
  BOOST_TEST(!later[0].now);  // in force then and now: nothing to compare
  BOOST_TEST(later[1].id == "demo/pilot");
  BOOST_TEST(provisio::output::then_and_now(provisio::output::suggestion_json(later[1])).find("now: demo/wide") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_letter_from_before_any_measure_was_announced_gets_none_of_them) {
  LinkSuggester suggester(db, no_minimum());
  BOOST_TEST(suggester.suggest(kLetter, 5, Date::parse("2005-03-01")).empty());
}

BOOST_AUTO_TEST_SUITE_END()
