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

std::map<std::string, submissions::TargetCheck> check_link_targets(const std::vector<submissions::Link>& links,
                                                                   const std::string& db) {
  Xapian::Database index(db);
  submissions::LinkTargets targets(index);
  std::map<std::string, submissions::TargetCheck> checks;
  for (const auto& l : links) {
    auto [it, fresh] = checks.emplace(l.target, submissions::TargetCheck{});
    if (fresh) it->second = targets.check(l.target);
    if (l.active() && it->second.state != submissions::TargetCheck::kCurrent)
      std::cerr << "provisio: warning: " << submissions::LinkTargets::advice(l.submission, l.target, it->second) << "\n";
  }
  return checks;
}

void add_location_options(CLI::App* cmd, std::string& db, std::string& store) {
  cmd->add_option("--db", db, "Provisions index folder (default: $PROVISIO_DB, else $XDG_DATA_HOME/provisio/index)");
  cmd->add_option("--store", store,
                  "Submissions store (default: $PROVISIO_STORE, else $PROVISIO_HOME/submissions.db, else "
                  "$XDG_DATA_HOME/provisio/submissions.db)");
}

}  // namespace provisio::cli
