#include <iostream>

#include "catalogue.h"
#include "commands.h"
#include "corpus.h"
#include "provision_output.h"
#include "schema.h"
#include "script_converter.h"
#include "searcher.h"

namespace provisio::cli {

Run add_list_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("list", "Browse the provisions as a tree of citations");
  struct Args {
    std::string db, instrument, topic, lang = "en";
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  add_db_option(*cmd, args->db);
  cmd->add_option("--instrument", args->instrument, "Only this instrument");
  cmd->add_option("--topic", args->topic, "Only provisions with this topic")->check(CLI::IsMember(known_topics()));
  cmd->add_option("--lang", args->lang, "Language of headings (default en)")->check(CLI::IsMember(kLangChoices));
  cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
  cmd->footer("Examples:\n  provisio list --instrument cepa-tig\n  provisio list --topic cma --lang zh-Hant");
  return [args, &terminal] {
    std::string db = index_for_reading(args->db, terminal);
    if (db.empty()) return 1;
    Searcher searcher(db);
    Catalogue catalogue(searcher.database());
    auto provisions = catalogue.provisions(args->instrument, args->topic, args->lang);
    if (provisions.empty() && !args->instrument.empty() &&
        !searcher.database().term_exists(schema::prefixed(schema::kInstrumentTerm, args->instrument))) {
      std::cerr << "provisio: unknown instrument '" << args->instrument << "'\n";
      return 1;
    }
    // Headings the corpus has only in Traditional are converted for a Simplified reader.
    if (args->lang == "zh-Hans") to_simplified(provisions, ScriptConverter());
    std::cout << (args->json ? output::list_json(provisions) : output::list_text(provisions, terminal.style()));
    return 0;
  };
}

Run add_stats_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("stats", "Count the indexed provisions by instrument, topic, language and verification");
  struct Args {
    std::string db;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  add_db_option(*cmd, args->db);
  cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
  cmd->footer("Example:\n  provisio stats");
  return [args, &terminal] {
    std::string db = index_for_reading(args->db, terminal);
    if (db.empty()) return 1;
    Searcher searcher(db);
    IndexStats stats = Catalogue(searcher.database()).stats();
    std::cout << (args->json ? output::stats_json(stats) : output::stats_text(stats));
    return 0;
  };
}

}  // namespace provisio::cli
