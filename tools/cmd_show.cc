#include <filesystem>
#include <iostream>
#include <optional>

#include "commands.h"
#include "history.h"
#include "shown_provision.h"
#include "locations.h"
#include "provision_output.h"
#include "script_converter.h"
#include "searcher.h"

namespace provisio::cli {

std::vector<StoredDocument> provision_or_report(Searcher& searcher, const std::string& id) {
  auto docs = searcher.provision_documents(id);
  if (docs.empty()) {
    IdFate fate = id_fate(read_graph(searcher.database()), id);
    if (fate.kind == IdFate::kMoved) {
      std::cerr << "provisio: '" << id << "' is now '" << fate.now << "'"
                << (fate.reason.empty() ? "" : " (" + fate.reason + ")") << "; showing '" << fate.now << "'\n";
      return searcher.provision_documents(fate.now);
    }
    if (fate.kind == IdFate::kWithdrawn) {
      std::cerr << "provisio: '" << id << "' was withdrawn: " << fate.reason << "\n";
      return docs;
    }
    std::string message = "provisio: unknown provision id '" + id + "'";
    auto near = searcher.nearest_ids(id);
    for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "; did you mean ") + near[i];
    std::cerr << message << (near.empty() ? "" : "?") << "\n";
  }
  return docs;
}

std::optional<ProvisionLookup> look_up_provision(const std::string& explicit_db, const std::string& id,
                                                 const Terminal& terminal) {
  std::string db = index_for_reading(explicit_db, terminal);
  if (db.empty()) return std::nullopt;
  ProvisionLookup found{std::make_unique<Searcher>(db), {}};
  found.docs = provision_or_report(*found.searcher, id);
  if (found.docs.empty()) return std::nullopt;
  return found;
}

Run add_show_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("show", "Show one provision: citation, text and every version");
  struct Args {
    std::string db, lang = "all", id, as_of;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  add_db_option(*cmd, args->db);
  std::vector<std::string> langs = kLangChoices;
  langs.push_back("all");
  cmd->add_option("--lang", args->lang, "Language of the text shown (default: all)")->check(CLI::IsMember(langs));
  cmd->add_option("--as-of", args->as_of, "Only the version in force on this day, YYYY-MM-DD");
  cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
  cmd->add_option("id", args->id, "Provision id, e.g. cepa-tig/art58/2")->required();
  cmd->footer("Examples:\n  provisio show cepa-tig/art58/2 --lang en\n  provisio show cepa-tis/a1/t2/1fe/1 --as-of 2019-01-01");
  return [args, &terminal] {
    auto found = look_up_provision(args->db, args->id, terminal);
    if (!found) return 1;
    auto& docs = found->docs;
    if (!args->as_of.empty()) {
      auto day = Date::parse(args->as_of);
      if (!day) {
        std::cerr << "provisio: bad date '" << args->as_of << "' for --as-of: expected YYYY-MM-DD\n";
        return 1;
      }
      std::vector<StoredDocument> in_force;
      for (const auto& d : docs)
        if (d.in_force_on(*day)) in_force.push_back(d);
      if (in_force.empty()) {
        std::cerr << "provisio: " << args->id << " was not in force on " << day->iso() << " (it has effect from "
                  << docs.front().effective_from << ")\n";
        return 1;
      }
      docs = in_force;
    }
    std::optional<ScriptConverter> converter;  // OpenCC's tables, loaded only for a Simplified reader
    if (args->lang == "zh-Hans") converter.emplace();
    ShownProvision shown =
        shown_provision(found->searcher->database(), docs, args->lang, converter ? &*converter : nullptr);
    std::cout << (args->json ? output::show_json(shown.docs, args->lang, shown.line)
                             : output::show_text(shown.docs, args->lang, terminal.style(), shown.line));
    return 0;
  };
}

}  // namespace provisio::cli
