// Every decision about the terminal in one place: colour and progress lines appear only when the
// stream is a terminal, and never when NO_COLOR is set (https://no-color.org).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace provisio::cli {

class Terminal {
 public:
  Terminal();

  bool colour_out() const { return colour_out_; }  // stdout
  bool progress() const { return progress_; }      // stderr is a terminal

  // ANSI styles for stdout; empty strings when colour is off.
  std::string_view bold() const { return colour_out_ ? "\033[1m" : ""; }
  std::string_view dim() const { return colour_out_ ? "\033[2m" : ""; }
  std::string_view reset() const { return colour_out_ ? "\033[0m" : ""; }
  // Diff styles: red struck-through deletions, green underlined insertions.
  std::string_view deleted() const { return colour_out_ ? "\033[31;9m" : ""; }
  std::string_view inserted() const { return colour_out_ ? "\033[32;4m" : ""; }

  // Rewrites the progress line on stderr (no-op when stderr is not a terminal).
  void show_progress(const std::string& line) const;
  // Clears the progress line, if one was shown.
  void end_progress() const;

 private:
  bool colour_out_ = false;
  bool progress_ = false;
  mutable bool progress_shown_ = false;
};

}  // namespace provisio::cli
