// A calendar date (proleptic Gregorian), as used by the corpus and by point-in-time search.
//
// Dates are written YYYY-MM-DD in the corpus and on the command line, and stored in Xapian values as
// the eight digits YYYYMMDD so that string order is date order. Immutable value type; thread-safe.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace provisio {

class Date {
 public:
  // Parses exactly YYYY-MM-DD (four, two and two digits) naming a real day; nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  // Today, local time; $PROVISIO_TODAY (YYYY-MM-DD), when set and valid, stands in for it so that
  // examples and tests print the same on any day.
  static Date today();

  int year() const { return year_; }
  unsigned month() const { return month_; }
  unsigned day() const { return day_; }

  std::string iso() const;         // "2019-03-01"
  std::string value_key() const;   // "20190301": for Xapian values and range comparisons
  Date next_day() const;

  auto operator<=>(const Date&) const = default;

 private:
  Date(int y, unsigned m, unsigned d) : year_(y), month_(m), day_(d) {}
  int year_;
  unsigned month_;
  unsigned day_;
};

// The value key stored for "no end date": sorts after every real date.
inline constexpr std::string_view kOpenEndValueKey = "99991231";

// The one rule for "in force on a day": from `from` (inclusive) until `to`, the first day no longer
// in force (exclusive); with no `to`, still in force. Versions, stored documents, `show --as-of` and
// `diff --from/--to` all ask this; the searcher's Xapian filter is the same rule on value keys.
inline bool in_force_on(const Date& from, const std::optional<Date>& to, const Date& day) {
  return from <= day && (!to || day < *to);
}

}  // namespace provisio
