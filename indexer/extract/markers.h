// Recognises the structural marker at the start of a line of an official text: divisions
// (Part, Chapter, Section, Article, Annex, Table and 第…部分/章/節/條, 附件N, 表N, schedule
// sector codes such as "1.F.e") and numbered
// items (1., (1), (a), (i), 一、, （一）, 1．). Only the line start is examined; whether a marker
// really starts a new unit (and not a wrapped cross-reference) is decided by the outline builder,
// which knows what number to expect.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace provisio::import {

// Sector: a services-schedule sector code such as "1.F.e" (CPC-style: sector, subsector, item).
enum class MarkerKind { Part, Chapter, Section, Article, Annex, Table, Sector, Item };

// How an item is numbered; items with the same style at the same depth are siblings.
enum class ItemStyle { None, Decimal, ParenDecimal, ParenAlpha, ParenRoman, CjkComma, CjkParen };

struct Marker {
  MarkerKind kind = MarkerKind::Item;
  ItemStyle style = ItemStyle::None;
  long number = 0;      // ordinal value: 58 for 第五十八條, 2 for (b) and for (ii)
  std::string label;    // as printed, without brackets or punctuation: "58", "IV", "ii", "五十八", "1.F.e"
  std::string rest;     // the rest of the line after the marker and its punctuation, trimmed
  // (i), (v), (x), (c), (l), (d), (m) read as roman numerals but could be letters after (h), (u)…:
  // letter_number is then their value as a letter (9 for i) and the outline builder decides.
  long letter_number = 0;
};

// The marker at the start of `line` (UTF-8, tidied), or nullopt. Full-width digits, letters and
// brackets count as their ASCII forms.
std::optional<Marker> find_marker(std::string_view line);

// Lower-case roman numeral value of `s` ("iv" -> 4), or 0 when `s` is not a canonical numeral.
long roman_value(std::string_view s);

// The singular English word for a division kind ("chapter", "article"…) as used in the corpus.
const char* division_type(MarkerKind kind);

}  // namespace provisio::import
