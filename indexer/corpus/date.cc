#include "date.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace provisio {

namespace {
bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto ys = text.substr(0, 4), ms = text.substr(5, 2), ds = text.substr(8, 2);
  if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{to_int(ys)},
                                  std::chrono::month{static_cast<unsigned>(to_int(ms))},
                                  std::chrono::day{static_cast<unsigned>(to_int(ds))}};
  if (!ymd.ok()) return std::nullopt;
  return Date(to_int(ys), static_cast<unsigned>(to_int(ms)), static_cast<unsigned>(to_int(ds)));
}

Date Date::today() {
  // $PROVISIO_TODAY fixes the day, so that examples and tests print the same on any day.
  if (const char* fixed = std::getenv("PROVISIO_TODAY"); fixed && *fixed)
    if (auto d = parse(fixed)) return *d;
  // Local time: staff ask "what is in force today" in Hong Kong time, not UTC.
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
              static_cast<unsigned>(local.tm_mday));
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year_, month_, day_);
  return buf;
}

std::string Date::value_key() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", year_, month_, day_);
  return buf;
}

Date Date::next_day() const {
  namespace chr = std::chrono;  // Date's own year()/month()/day() would hide the chrono types
  chr::year_month_day start{chr::year{year_}, chr::month{month_}, chr::day{day_}};
  chr::year_month_day next{chr::sys_days{start} + chr::days{1}};
  return Date(static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
              static_cast<unsigned>(next.day()));
}

}  // namespace provisio
