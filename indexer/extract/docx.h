// Word documents (.docx: a zip of XML parts, read with libzip and pugixml) as blocks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "blocks.h"

namespace provisio::extract {

// The blocks of word/document.xml in reading order:
// - each non-empty paragraph is a block; its style is the paragraph style id ("Heading1",
//   "ListParagraph", "" when none); heading_level comes from the style's name ("heading N",
//   "Title" = 1) or an outline level, following basedOn chains in word/styles.xml;
// - numbered paragraphs get list_level (the numbering ilvl) and list_label (the number Word
//   renders from word/numbering.xml, e.g. "(a)"); bullets get list_level and an empty label;
// - each table row is one block (style "tr"): the text of its cells joined by " | ", paragraphs
//   within a cell by a space; nested tables are flattened into their cell;
// - tracked deletions, hidden text and text boxes / drawings are left out; tabs and line breaks
//   become spaces.
// Throws ExtractError when `bytes` is not a readable .docx:
//   "not a .docx file: the file is empty"
//   "not a .docx file: not a zip archive"
//   "not a .docx file: no word/document.xml in the archive"
//   "not a .docx file: word/document.xml: <XML error> at byte N"
//   "not a .docx file: cannot read word/document.xml: <libzip error>"
//   "not a .docx file: more than 10000 members in the archive"
//   "not a .docx file: word/document.xml: elements nested more than 256 deep"
//   "too large: word/document.xml inflates to N MB, more than the M MB left of the limit"
// The parts read may inflate to kDocxInflateLimit bytes in all (a zip bomb guard).
// Thread-safe (no shared state).
std::vector<Block> docx_blocks(const std::string& bytes);

// The same, taking the inflated size of the parts from `inflate_budget` (bytes, decreased as parts
// are read), so that several documents (an email's attachments) can share one limit.
std::vector<Block> docx_blocks(const std::string& bytes, std::uint64_t& inflate_budget);

// What one .docx (or one email, all its attachments together) may inflate to: 64 MB, where real
// agreements are a few megabytes of XML.
constexpr std::uint64_t kDocxInflateLimit = 64u << 20;

}  // namespace provisio::extract
