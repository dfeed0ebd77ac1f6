// What the submission, link and report commands share: where the store is, who the user is, and
// the provisions index they check ids against.
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

#include "link_targets.h"
#include "store.h"
#include "terminal.h"

namespace provisio::cli {

// The store: `explicit_path` if given, else $PROVISIO_STORE, else $PROVISIO_HOME/submissions.db,
// else ${XDG_DATA_HOME:-$HOME/.local/share}/provisio/submissions.db: beside the default index, but
// a separate file that rebuilding or deleting the index never touches.
std::string store_path(const std::string& explicit_path);

// Who is acting: `explicit_name` (--by) if given, else $USER, else "unknown".
std::string acting_user(const std::string& explicit_name);

// The provisions index for `explicit_path` (see database_path()); when it is the default one and
// missing, it is built from the bundled corpus first. Returns 0, or the exit status of a failure.
int ready_index(const std::string& explicit_path, const Terminal& terminal, std::string& path);

// What became of each active link's target in the index at `db` (LinkTargets): moved targets are
// followed, and for each link whose target no longer exists or moved, a warning saying what to do
// goes to stderr. Keyed by target id.
std::map<std::string, submissions::TargetCheck> check_link_targets(const std::vector<submissions::Link>& links,
                                                                   const std::string& db);

// Adds --db and --store to `cmd`.
void add_location_options(CLI::App* cmd, std::string& db, std::string& store);

}  // namespace provisio::cli

namespace provisio::cli {

// `provisio search --type submission`: searches the store's submissions and prints the hits.
int run_submission_search(const std::string& query, const std::string& store, std::size_t limit,
                          std::size_t offset, bool json, const Terminal& terminal);

}  // namespace provisio::cli
