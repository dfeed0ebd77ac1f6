// Word's automatic numbering (word/numbering.xml): the labels Word draws before numbered
// paragraphs ("1.", "(a)", "第一條") but that are not part of the paragraph text. Internal to the
// docx extractor.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace provisio::extract {

// Renders labels in document order: every call to next_label() advances the counter of that list
// level and resets the deeper ones, as Word does. Not thread-safe (it holds the counters).
class DocxNumbering {
 public:
  // `numbering` is the parsed word/numbering.xml; an empty document gives empty labels.
  explicit DocxNumbering(const pugi::xml_document& numbering);

  // The label of the next paragraph numbered with list `num_id` at level `ilvl`, e.g. "(b)";
  // empty for bullets, unknown lists and numFmt "none".
  std::string next_label(const std::string& num_id, int ilvl);

 private:
  struct Level {
    long start = 1;
    std::string format = "decimal";
    std::string text;  // lvlText, e.g. "%1.%2"
  };
  struct List {
    std::string abstract_id;
    std::map<int, long> start_overrides;
  };
  std::map<std::string, std::vector<Level>> abstract_levels_;  // abstractNumId -> levels by ilvl
  std::map<std::string, List> lists_;                          // numId -> list
  std::map<std::string, std::vector<long>> counters_;          // abstractNumId -> counter per ilvl (0 = unused)
  std::map<std::string, bool> list_started_;                   // numId -> seen before
};

// The largest list start or override honoured (larger or malformed ones are ignored), so counters
// stay far from overflow and labels stay short.
constexpr long kMaxListStart = 1000000;

// Formats `n` in Word's numFmt `format` (decimal, lowerLetter, upperRoman, chineseCounting…).
// Roman numerals past 3999 and letter labels past 780 ("zz…z", 30 letters) fall back to digits.
std::string format_list_number(long n, const std::string& format);

}  // namespace provisio::extract
