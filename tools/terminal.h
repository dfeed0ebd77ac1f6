// Every decision about the terminal in one place: colour and progress lines appear only when the
// stream is a terminal, and never when NO_COLOR is set (https://no-color.org), unless the user
// asks for colour with `--color=always`.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "style.h"

namespace provisio::cli {

// The global `--color` option: auto (on a terminal, unless NO_COLOR is set or TERM is dumb),
// always (even into a pipe or with NO_COLOR: the user asked), never.
inline const std::vector<std::string> kColourChoices = {"auto", "always", "never"};

class Terminal {
 public:
  Terminal();

  // Applies `--color` (one of kColourChoices; "auto" keeps what the constructor decided). Called
  // once the command line is parsed, before any command runs.
  void set_colour_choice(const std::string& choice);

  bool colour_out() const { return colour_out_; }  // stdout
  bool progress() const { return progress_; }      // stderr is a terminal

  // ANSI styles for stdout; empty strings when colour is off.
  std::string_view bold() const { return style().bold; }
  std::string_view dim() const { return style().dim; }
  std::string_view reset() const { return style().reset; }
  // The styles the output library's formatters take: ANSI when colour is on, none otherwise.
  output::Style style() const { return colour_out_ ? output::Style::ansi() : output::Style::plain(); }

  // Rewrites the progress line on stderr (no-op when stderr is not a terminal).
  void show_progress(const std::string& line) const;
  // Clears the progress line, if one was shown.
  void end_progress() const;

 private:
  bool colour_out_ = false;
  bool progress_ = false;
  mutable bool progress_shown_ = false;
};

// The terminal's width in columns, or 0 when stdout is not a terminal.
std::size_t terminal_columns();

}  // namespace provisio::cli
