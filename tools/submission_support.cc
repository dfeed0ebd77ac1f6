#include "submission_support.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "locations.h"

namespace provisio::cli {

std::string store_path(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("PROVISIO_STORE"); env && *env) return env;
  return default_data_folder() + "/submissions.db";
}

std::string acting_user(const std::string& explicit_name) {
  if (!explicit_name.empty()) return explicit_name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return "unknown";
}

int ready_index(const std::string& explicit_path, const Terminal& terminal, std::string& path) {
  bool is_default = false;
  path = database_path(explicit_path, is_default);
  if (is_default && !std::filesystem::exists(path)) {
    std::cerr << "provisio: no index at " << path << " yet; building it from the bundled corpus\n";
    return run_index({bundled_corpus_path()}, path, terminal, false, true);
  }
  return 0;
}

void add_location_options(CLI::App* cmd, std::string& db, std::string& store) {
  cmd->add_option("--db", db, "Provisions index folder (default: $PROVISIO_DB, else $XDG_DATA_HOME/provisio/index)");
  cmd->add_option("--store", store,
                  "Submissions store (default: $PROVISIO_STORE, else $PROVISIO_HOME/submissions.db, else "
                  "$XDG_DATA_HOME/provisio/submissions.db)");
}

}  // namespace provisio::cli
