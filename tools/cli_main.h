// The command line shared by the two programs that make up `provisio` (full_program.h): the
// subcommands given, `--color` on each, "provisio help COMMAND", the "did you mean" for a
// mistyped command, and failures turned into one line on stderr and an exit status:
// 0 success (zero results included), 1 bad input or runtime failure, 2 wrong usage.
#pragma once

#include <functional>
#include <vector>

#include "commands.h"

namespace provisio::cli {

// Registers a subcommand on `root` and returns what runs it (commands.h).
using AddCommand = Run (*)(CLI::App& root, const Terminal& terminal);

// Parses the command line with `commands` (in the order `--help` lists them) and runs the one
// chosen. When `others` is given and the first argument (after "help COMMAND" became
// "COMMAND --help") names none of `commands` — no command, --help, --version, a command this
// program leaves out, a typing mistake — returns others() instead, having registered nothing else.
int run_command_line(int argc, char** argv, const std::vector<AddCommand>& commands,
                     const std::function<int()>& others = {});

}  // namespace provisio::cli
