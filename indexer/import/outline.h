// Finds the structure of an official text: builds the tree of divisions (part, chapter, section,
// article, annex, table) and numbered items from its lines, joining wrapped lines (English
// line-break hyphens removed, Chinese lines joined without spaces) and keeping what could not be
// placed. Numbers are checked against what comes next in sequence, so a wrapped "Article 5 of
// this Agreement" or "附件一所列" does not start a new unit.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "markers.h"
#include "source_line.h"

namespace provisio::import {

struct OutlineNode {
  MarkerKind kind = MarkerKind::Item;
  ItemStyle style = ItemStyle::None;  // items only
  long number = 0;                    // ordinal (58 for 第五十八條, 2 for (b))
  std::string label;                  // as printed ("58", "IV", "b", "五十八")
  std::string key;                    // id path segment: "art58", "a1", "t2", "ch5", "2", "b", "ii"
  std::string heading;                // in the document's language; may be empty
  std::string text;                   // the unit's own text before its first child, tidied
  int line = 0;                       // where the marker was
  int depth = 0;                      // items: 1 for a paragraph, 2 for its sub-items…
  std::string effective;              // a schedule's sector: "Effective from …" as YYYY-MM-DD, or ""
  std::vector<OutlineNode> children;

  bool is_division() const { return kind != MarkerKind::Item; }
};

// A run of consecutive lines that belongs to no unit that can hold text (for example text
// directly under a chapter heading, before its first article), or that starts with a marker out
// of sequence ("Article 12" after Article 68, "(ix)" after (vi), after a finished sentence): such
// text is reported, never merged into the unit before it.
struct Stretch {
  int first_line = 0;
  int last_line = 0;
  int lines = 0;
  std::string excerpt;  // the first words
  std::string reason;   // why it was not placed; "" = outside any unit that holds text
};

struct Outline {
  std::string title;     // the document's own title (first heading or first lines), may be empty
  std::string preamble;  // text between the title and the first division or item
  int preamble_line = 0;
  std::string closing;   // the closing formula ("Done at …", "本協議於…簽署"), may be empty
  int closing_line = 0;
  std::vector<OutlineNode> top;  // top-level divisions and items
  std::vector<Stretch> unplaced;
};

// REQUIRES: lines in reading order. `chinese` selects the heading-length rule (Chinese headings
// are shorter in characters).
// Numbering may have gaps (an extract giving Articles 58, 59 and 68; a list starting at (ii),
// (v), （二）): a marker out of sequence starts a unit when the line before it ended a statement
// (".", ";", ":", "。"…, a heading, or a blank line) and the number goes forward; otherwise it is
// read as a wrapped line (a cross-reference) or, after a finished statement, reported as unplaced.
// A services schedule (schedule.h) gives sector divisions keyed by their code ("1fe") whose
// heading is the innermost sector name and whose `effective` is the date line of their block.
Outline build_outline(const std::vector<SourceLine>& lines, bool chinese);

// ("chapters", 3), ("articles", 12), ("paragraphs", 30)… in a fixed order, zero counts left out.
std::vector<std::pair<std::string, int>> count_levels(const Outline& outline);

}  // namespace provisio::import
