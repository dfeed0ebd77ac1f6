// The subcommands of `provisio`. Each add_*_command() registers its options on `root` and returns
// the function to run when the user chose it; that function returns the process exit status
// (0 success, 1 bad input or failure) and may throw for main() to report.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "terminal.h"

namespace provisio::cli {

using Run = std::function<int()>;

Run add_index_command(CLI::App& root, const Terminal& terminal);
Run add_search_command(CLI::App& root, const Terminal& terminal);
Run add_show_command(CLI::App& root, const Terminal& terminal);
Run add_analyze_command(CLI::App& root, const Terminal& terminal);
Run add_segment_command(CLI::App& root, const Terminal& terminal);

// Shared by commands that index: validates the corpus at `paths` and writes it to `db_path`.
// Prints diagnostics (and returns 1) or the summary line (and returns 0). With `quiet` the summary
// goes to stderr (used when search builds its own index) or, with `json`, as JSON to stdout.
int run_index(const std::vector<std::string>& paths, const std::string& db_path,
              const Terminal& terminal, bool json, bool summary_to_stderr);

// The languages accepted by --lang.
inline const std::vector<std::string> kLangChoices = {"en", "zh-Hant", "zh-Hans"};

}  // namespace provisio::cli
