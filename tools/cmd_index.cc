#include <nlohmann/json.hpp>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "corpus.h"
#include "index_writer.h"
#include "locations.h"

namespace provisio::cli {

int run_index(const std::vector<std::string>& paths, const std::string& db_path,
              const Terminal& terminal, bool json, bool summary_to_stderr, unsigned shards) {
  Diagnostics diagnostics;
  auto files = collect_corpus_files(paths, diagnostics);
  if (files.empty() && diagnostics.empty())
    diagnostics.push_back({paths.empty() ? std::string(".") : paths.front(), 0, 0,
                           "no corpus files (*.xml) found"});

  IndexOptions options;
  options.db_path = db_path;
  options.input_paths = paths;
  options.shards = shards;
  options.progress = [&](std::size_t done, std::size_t total) {
    terminal.show_progress(total ? "writing " + std::to_string(done) + "/" + std::to_string(total) +
                                       " documents"
                                 : "reading: " + std::to_string(done) + " documents");
  };
  IndexReport report;
  if (diagnostics.empty()) {
    try {
      report = index_corpus_files(files, options, diagnostics);
    } catch (const Xapian::DatabaseLockError& e) {
      terminal.end_progress();
      // Xapian raises the same error when the lock is held and when its lock file cannot be made
      // (a read-only folder or disk): only its message tells them apart.
      const std::string held = ": already locked";
      const std::string& msg = e.get_msg();
      if (msg.size() >= held.size() && msg.compare(msg.size() - held.size(), held.size(), held) == 0) {
        std::cerr << "provisio: the index at " << db_path
                  << " is being written by another process; try again when it has finished\n";
      } else {
        // "Unable to get write lock on DB: Couldn't open lockfile: Read-only file system"
        std::string reason = msg;
        if (auto at = msg.find(db_path + ": "); at != std::string::npos) reason = msg.substr(at + db_path.size() + 2);
        std::cerr << "provisio: cannot write the index at " << db_path << ": " << reason << "\n";
      }
      return 1;
    } catch (const Xapian::DatabaseCreateError& e) {
      terminal.end_progress();
      const char* why = e.get_error_string();
      std::cerr << "provisio: cannot create the index at " << db_path << ": " << (why ? why : e.get_msg().c_str())
                << "\n";
      return 1;
    } catch (const Xapian::DatabaseError& e) {
      // A full or failing disk ("Error writing block 12", errno ENOSPC): the run's transaction is
      // cancelled, or a new index's temporary folder removed, so the index is as it was.
      terminal.end_progress();
      const char* why = e.get_error_string();
      std::cerr << "provisio: cannot write the index at " << db_path << ": "
                << (why ? std::string(why) + " (" + e.get_msg() + ")" : e.get_msg()) << "; the index was not changed\n";
      return 1;
    }
  }
  if (!diagnostics.empty()) {
    terminal.end_progress();
    for (const auto& d : diagnostics) std::cerr << d.to_string() << "\n";
    std::cerr << "provisio: " << diagnostics.size() << (diagnostics.size() == 1 ? " problem" : " problems")
              << " found; the index at " << db_path << " was not changed\n";
    return 1;
  }
  terminal.end_progress();

  std::string langs;
  for (const auto& l : report.languages) langs += (langs.empty() ? "" : ", ") + l;
  if (json) {
    nlohmann::json j = {{"db", db_path},
                        {"instruments", report.instruments},
                        {"provisions", report.provisions},
                        {"versions", report.versions},
                        {"documents", report.documents},
                        {"languages", report.languages},
                        {"added", report.added},
                        {"replaced", report.replaced},
                        {"deleted", report.deleted},
                        {"unchanged", report.unchanged},
                        {"changed", report.changed()},
                        {"seconds", report.elapsed.count()}};
    std::cout << j.dump() << "\n";
    return 0;
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", report.elapsed.count());
  std::string what = report.changed()
                         ? std::to_string(report.added) + " added, " + std::to_string(report.replaced) +
                               " replaced, " + std::to_string(report.deleted) + " deleted"
                         : "nothing changed";
  std::string line = "indexed " + std::to_string(report.instruments) + " instruments, " +
                     std::to_string(report.provisions) + " provisions, " +
                     std::to_string(report.versions) + " versions (" + langs + ") into " + db_path +
                     ": " + what + " in " + seconds;
  (summary_to_stderr ? std::cerr : std::cout) << line << "\n";
  return 0;
}

std::string index_for_reading(const std::string& explicit_db, const Terminal& terminal) {
  bool is_default = false;
  std::string db = database_path(explicit_db, is_default);
  if (is_default && !std::filesystem::exists(db)) {
    std::cerr << "provisio: no index at " << db << " yet; building it from the bundled corpus\n";
    if (run_index({bundled_corpus_path()}, db, terminal, false, true) != 0) return "";
  }
  return db;
}

void add_db_option(CLI::App& cmd, std::string& db) {
  cmd.add_option("--db", db,
                 "Index folder, or the Xapian stub file of a sharded index, local or remote shards "
                 "(default: $PROVISIO_DB, else $XDG_DATA_HOME/provisio/index)");
}

Run add_index_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("index", "Validate corpus files and (re)build the search index");
  struct Args {
    std::string db;
    std::vector<std::string> paths;
    bool json = false;
    unsigned shards = 0;
  };
  auto args = std::make_shared<Args>();
  add_db_option(*cmd, args->db);
  cmd->add_flag("--json", args->json, "Print the summary as one JSON object");
  cmd->add_option("--shards", args->shards,
                  "Split a new index into N shard databases listed by a Xapian stub file at --db "
                  "(docs/scaling.md); later runs keep the shards the index has")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("paths", args->paths,
                  "Corpus files or folders (default: the bundled corpus)");
  cmd->footer(
      "Every file is validated before anything is written: problems are printed as\n"
      "FILE:LINE:COL: message, the exit status is 1 and the index is left as it was.\n"
      "Re-running on an unchanged corpus changes nothing.\n\n"
      "Example:\n  provisio index corpus/instruments");
  return [args, &terminal] {
    bool is_default = false;
    std::string db = database_path(args->db, is_default);
    auto paths = args->paths.empty() ? std::vector<std::string>{bundled_corpus_path()} : args->paths;
    return run_index(paths, db, terminal, args->json, false, args->shards);
  };
}

}  // namespace provisio::cli
