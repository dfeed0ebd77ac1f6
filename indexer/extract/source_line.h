// The importer's input, whatever the format: logical lines of an official text in reading order,
// each with where it came from.
#pragma once

#include <string>
#include <vector>

namespace provisio::import {

struct SourceLine {
  int line = 0;            // 1-based line in the file (text, HTML) or paragraph number (.docx)
  std::string text;        // tidied, never empty
  int heading_level = 0;   // 1..6 when the source marks the line as a heading (HTML, .docx)
  bool after_blank = false;  // plain text: a blank line (or a page break) comes before it
};

}  // namespace provisio::import
