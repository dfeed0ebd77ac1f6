#define BOOST_TEST_MODULE date
#include <boost/test/unit_test.hpp>

#include "date.h"

using provisio::Date;

BOOST_AUTO_TEST_CASE(parses_real_days_only) {
  BOOST_TEST(Date::parse("2019-03-01")->iso() == "2019-03-01");
  BOOST_TEST(Date::parse("2020-02-29").has_value());
  for (const char* bad : {"2019-02-29", "2019-13-01", "2019-3-1", "20190301", "2019-03-01x", "", "abcd-ef-gh"})
    BOOST_TEST(!Date::parse(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(value_keys_sort_as_dates_and_days_advance) {
  BOOST_TEST(Date::parse("2019-12-31")->value_key() == "20191231");
  BOOST_TEST(Date::parse("2019-12-31")->next_day().iso() == "2020-01-01");
  BOOST_TEST(Date::parse("2020-02-28")->next_day().iso() == "2020-02-29");
  BOOST_TEST((*Date::parse("2019-01-02") < *Date::parse("2019-10-01")));
}
