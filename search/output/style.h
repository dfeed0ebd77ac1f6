// The styles a formatter may use, as plain values: the CLI passes ANSI sequences when stdout is a
// terminal (tools/terminal.h decides), the web server or a file gets none. With no style, diff
// marks changes as [-deleted-] and {+inserted+} instead.
#pragma once

#include <string_view>

namespace provisio::output {

struct Style {
  std::string_view bold, dim, reset;
  std::string_view deleted, inserted;  // diff: red struck-through, green underlined

  // Whether this style draws anything (otherwise formatters use plain-text markers).
  bool colour() const { return !reset.empty(); }

  static constexpr Style plain() { return {}; }
  static constexpr Style ansi() { return {"\033[1m", "\033[2m", "\033[0m", "\033[31;9m", "\033[32;4m"}; }
};

}  // namespace provisio::output
