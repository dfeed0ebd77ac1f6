#include "submission_date.h"

#include <array>
#include <cstdio>
#include <regex>
#include <string>

namespace provisio::submissions {

namespace {

// 1..12 for an English month name or its three-letter abbreviation (any case), else 0.
unsigned month_number(std::string name) {
  static const std::array<const char*, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (unsigned i = 0; i < months.size(); ++i)
    if (name.compare(0, 3, months[i]) == 0) return i + 1;
  return 0;
}

std::optional<Date> make_date(int year, unsigned month, unsigned day) {
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", year, month, day);
  return Date::parse(iso);  // nullopt for 31 June and the like
}

}  // namespace

std::optional<Date> date_in_letter(std::string_view view) {
  // Letters date themselves near the top; reading a bounded head keeps regex time small.
  std::string text(view.substr(0, 4000));
  static const std::string kMonth =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
      "Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
  static const std::regex day_month_year("\\b(\\d{1,2}) " + kMonth + ",? (\\d{4})\\b", std::regex::icase);
  static const std::regex month_day_year("\\b" + kMonth + " (\\d{1,2}), (\\d{4})\\b", std::regex::icase);
  static const std::regex chinese("(\\d{4}) ?年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?日");
  static const std::regex iso("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  std::optional<Date> best;
  std::size_t best_at = std::string::npos;
  auto consider = [&](const std::regex& re, auto to_date) {
    std::smatch m;
    for (auto from = text.cbegin(); std::regex_search(from, text.cend(), m, re); from = m[0].second) {
      auto at = static_cast<std::size_t>(m.position(0) + (from - text.cbegin()));
      if (at >= best_at) return;
      if (auto d = to_date(m)) {
        best = d;
        best_at = at;
        return;
      }
    }
  };
  consider(day_month_year, [](const std::smatch& m) {
    return make_date(std::stoi(m[3]), month_number(m[2]), static_cast<unsigned>(std::stoi(m[1])));
  });
  consider(month_day_year, [](const std::smatch& m) {
    return make_date(std::stoi(m[3]), month_number(m[1]), static_cast<unsigned>(std::stoi(m[2])));
  });
  consider(chinese, [](const std::smatch& m) {
    return make_date(std::stoi(m[1]), static_cast<unsigned>(std::stoi(m[2])), static_cast<unsigned>(std::stoi(m[3])));
  });
  consider(iso, [](const std::smatch& m) { return Date::parse(m.str(0)); });
  return best;
}

std::optional<Date> submission_date(const std::string& received, std::string_view text) {
  if (auto d = Date::parse(received)) return d;
  return date_in_letter(text);
}

}  // namespace provisio::submissions
