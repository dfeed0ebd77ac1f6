// provisio history ID: the whole line of a commitment, across instruments, as a dated timeline with
// the change from each step to the next (search/history.h builds it, search/output/history_output.h
// formats it; this file only handles the arguments).
#include <iostream>

#include "commands.h"
#include "history.h"
#include "script_converter.h"
#include "history_output.h"
#include "searcher.h"

namespace provisio::cli {

Run add_history_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("history", "Show a commitment's whole line across instruments, with what changed");
  struct Args {
    std::string db, id, lang = "en";
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  add_db_option(*cmd, args->db);
  cmd->add_option("--lang", args->lang, "Language of the texts (default en)")->check(CLI::IsMember(kLangChoices));
  cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
  cmd->add_option("id", args->id, "Any provision on the line, e.g. cepa-tis/a1/t2/1fe/1")->required();
  cmd->footer(
      "A line is made of the provisions the corpus relates by supersedes, amends, carries-over or\n"
      "echoes (corpus/README.md, \"Relations\"). Each step is one dated version; after the first, a\n"
      "step shows what changed from the step it follows: words in English, characters in Chinese,\n"
      "coloured on a terminal, else [-deleted-] and {+inserted+}. The steps of the provision asked\n"
      "about are marked \"you are here\".\n\n"
      "Examples:\n  provisio history cepa-tis/a1/t2/1fe/1\n"
      "  provisio history cepa-s7/ts/1fe/ccc-pilot --lang zh-Hant");
  return [args, &terminal] {
    auto found = look_up_provision(args->db, args->id, terminal);
    if (!found) return 1;
    std::string id = found->docs.front().id;  // the new id when the one given moved
    StoredGraph graph = read_graph(found->searcher->database());
    auto history = build_history(*found->searcher, graph, id, args->lang);
    // Steps the corpus has only in Traditional are converted for a Simplified reader.
    if (history && args->lang == "zh-Hans") to_simplified(*history, ScriptConverter());
    if (!history)
      std::cout << (args->json ? output::no_line_json(id) : output::no_line_text(id));
    else
      std::cout << (args->json ? output::history_json(*history) : output::history_text(*history, terminal.style()));
    return 0;
  };
}

}  // namespace provisio::cli
