// A problem found in an input file, located by line and column, printed as FILE:LINE:COL: message.
#pragma once

#include <string>
#include <vector>

namespace provisio {

struct Diagnostic {
  std::string file;  // as given by the user (relative paths stay relative)
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based, in characters (Unicode code points), not bytes
  std::string message;

  // "corpus/x.xml:12:5: message", or "corpus/x.xml: message" without a position.
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

// Converts a byte offset in `text` into a 1-based line and a 1-based column counted in code points.
void offset_to_line_column(const std::string& text, std::size_t offset, int& line, int& column);

}  // namespace provisio
