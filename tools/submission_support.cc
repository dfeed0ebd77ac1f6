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
  path = index_for_reading(explicit_path, terminal);
  return path.empty() ? 1 : 0;
}

void add_location_options(CLI::App* cmd, std::string& db, std::string& store) {
  cmd->add_option("--db", db, "Provisions index folder (default: $PROVISIO_DB, else $XDG_DATA_HOME/provisio/index)");
  cmd->add_option("--store", store,
                  "Submissions store (default: $PROVISIO_STORE, else $PROVISIO_HOME/submissions.db, else "
                  "$XDG_DATA_HOME/provisio/submissions.db)");
}

}  // namespace provisio::cli
