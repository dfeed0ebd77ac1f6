// The day a submission speaks from, for time-aware link suggestions (suggester.h): the day it was
// received when known (`--received`, an email's Date:), else the first date written in the letter.
//
// Dates found in a letter: "15 June 2010", "June 15, 2010" (month names in English, full or
// abbreviated), "2010年6月15日" (Arabic digits), "2010-06-15". The first in the text wins: a letter
// dates itself at its head. Chinese-numeral dates (二〇一〇年六月十五日) and dates without a day
// are not read. Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "date.h"

namespace provisio::submissions {

// The first full date written in `text`, or nullopt.
std::optional<Date> date_in_letter(std::string_view text);

// `received` (YYYY-MM-DD) when it is a date, else date_in_letter(text).
std::optional<Date> submission_date(const std::string& received, std::string_view text);

}  // namespace provisio::submissions
