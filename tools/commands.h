// The subcommands of `provisio`. Each add_*_command() registers its options on `root` and returns
// the function to run when the user chose it; that function returns the process exit status
// (0 success, 1 bad input or failure) and may throw for main() to report.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus.h"
#include "stored_document.h"
#include "terminal.h"

namespace provisio {
class Searcher;
}

namespace provisio::cli {

using Run = std::function<int()>;

Run add_index_command(CLI::App& root, const Terminal& terminal);
Run add_search_command(CLI::App& root, const Terminal& terminal);
Run add_show_command(CLI::App& root, const Terminal& terminal);
Run add_diff_command(CLI::App& root, const Terminal& terminal);
Run add_list_command(CLI::App& root, const Terminal& terminal);
Run add_stats_command(CLI::App& root, const Terminal& terminal);
Run add_history_command(CLI::App& root, const Terminal& terminal);

// The index to read: --db, $PROVISIO_DB or the default place. At the default place a missing index
// is first built from the bundled corpus (one line on stderr says so). Returns "" after printing
// an error if that build failed.
std::string index_for_reading(const std::string& explicit_db, const Terminal& terminal);

// Every stored document of provision `id`. An id recorded as moved is followed (one line on stderr
// names the new id); for a withdrawn id the reason is printed; for any other unknown id, "unknown
// provision id 'X'; did you mean A, B?". Both of those return an empty list.
std::vector<StoredDocument> provision_or_report(Searcher& searcher, const std::string& id);

// What show, history and diff start from: the index opened for reading and the provision's stored
// documents (provision_or_report(): a moved id followed). nullopt once the error is printed (no
// index, unknown or withdrawn id): the command then exits 1.
struct ProvisionLookup {
  std::unique_ptr<Searcher> searcher;
  std::vector<StoredDocument> docs;  // not empty
};
std::optional<ProvisionLookup> look_up_provision(const std::string& explicit_db, const std::string& id,
                                                 const Terminal& terminal);

// The option every command has for the index folder.
void add_db_option(CLI::App& cmd, std::string& db);
Run add_import_command(CLI::App& root, const Terminal& terminal);
Run add_submission_command(CLI::App& root, const Terminal& terminal);
Run add_link_command(CLI::App& root, const Terminal& terminal);
Run add_report_command(CLI::App& root, const Terminal& terminal);
Run add_analyze_command(CLI::App& root, const Terminal& terminal);
Run add_segment_command(CLI::App& root, const Terminal& terminal);
Run add_serve_command(CLI::App& root, const Terminal& terminal);
Run add_user_command(CLI::App& root, const Terminal& terminal);

// Shared by commands that index: validates the corpus at `paths` and writes it to `db_path`.
// `shards` is IndexOptions::shards. Prints diagnostics (and returns 1) or the summary line (and returns 0). With `quiet` the summary
// goes to stderr (used when search builds its own index) or, with `json`, as JSON to stdout.
int run_index(const std::vector<std::string>& paths, const std::string& db_path,
              const Terminal& terminal, bool json, bool summary_to_stderr, unsigned shards = 0);

// The languages accepted by --lang: the corpus's.
inline const std::vector<std::string>& kLangChoices = kLanguages;

}  // namespace provisio::cli
