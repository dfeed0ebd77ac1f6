// Word documents (.docx: a zip of XML parts, read with libzip and pugixml) as blocks.
#pragma once

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
// Thread-safe (no shared state).
std::vector<Block> docx_blocks(const std::string& bytes);

}  // namespace provisio::extract
