// The common output of the document extractors: a document as a list of paragraph-like blocks in
// reading order, with what the source says about each block's role (style, heading level, list
// depth). Extractors only find text and its layout hints; deciding what is an article or an annex
// is the importer's job (indexer/import/).
#pragma once

#include <stdexcept>
#include <string>

namespace provisio::extract {

// One paragraph-like block of a document, in reading order.
struct Block {
  std::string text;        // UTF-8, whitespace tidied (see tidy.h); never empty
  std::string style;       // docx paragraph style id or HTML element name ("p", "h2", "li", "tr"...)
  int heading_level = 0;   // 1..6 for headings (docx Heading N / Title, HTML h1..h6), else 0
  int list_level = -1;     // list nesting depth (docx numbering ilvl, HTML ul/ol depth), -1 if not a list item
  std::string list_label;  // the number the viewer draws before the block but the text lacks:
                           // docx automatic numbering ("1.", "(a)", "第一條") or an HTML <ol> item
                           // number ("3."); empty for bullets and unnumbered blocks
};

// A document the extractor cannot read (not a zip, no document part, malformed XML, not UTF-8).
// what() is one line without a file name; callers prefix the file they were reading.
class ExtractError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace provisio::extract
