// Laying text out on a terminal: display width (Chinese characters take two columns), wrapping,
// and two columns side by side. ANSI style sequences count as zero width. Pure functions: thread-safe.
// (Whether stdout is a terminal, and how wide, is the CLI's business: tools/terminal.h.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace provisio::output {

// Columns `text` takes on a terminal.
std::size_t display_width(std::string_view text);

// `text` cut into lines of at most `width` columns: between words in English, between any two
// characters in Chinese. Style sequences are carried over so every line is styled as it should be.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// Two wrapped texts side by side, each `width` columns wide, separated by " │ ".
std::string side_by_side(std::string_view left, std::string_view right, std::size_t width,
                         std::string_view indent);

}  // namespace provisio::output
