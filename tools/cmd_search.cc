#include <filesystem>
#include <iostream>
#include <set>

#include "commands.h"
#include "explain.h"
#include "explain_output.h"
#include "locations.h"
#include "script_converter.h"
#include "history.h"
#include "search_output.h"
#include "searcher.h"
#include "submission_support.h"

namespace provisio::cli {

Run add_search_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("search", "Search the provisions (English, Traditional or Simplified Chinese)");
  struct Args {
    std::string db, lang, as_of, script = "as-written";
    std::vector<std::string> instruments, topics, words;
    std::size_t limit = 10, offset = 0;
    bool json = false, all_versions = false, facets = false, parallel = false, explain = false, ids = false,
         count = false;
    std::string type = "provision", store;
  };
  auto args = std::make_shared<Args>();
  add_db_option(*cmd, args->db);
  cmd->add_option("--lang", args->lang, "Show each hit in this language (default: the query's, English or the best-matching Chinese)")->check(CLI::IsMember(kLangChoices));
  // One value per flag (repeat the flag for more): a filter must never take the query's words.
  cmd->add_option("--instrument", args->instruments, "Only provisions of this instrument (repeat for more)")
      ->allow_extra_args(false);
  cmd->add_option("--topic", args->topics, "Only provisions with this topic (repeat for more)")->allow_extra_args(false);
  auto* as_of = cmd->add_option("--as-of", args->as_of, "Provisions as they stood on this day, YYYY-MM-DD (default: today)");
  cmd->add_flag("--all-versions", args->all_versions, "List every version (up to --as-of), current ones first");
  cmd->add_flag("--facets", args->facets, "Count the matches by instrument, topic, language and year of effect");
  cmd->add_flag("--parallel", args->parallel, "Show English and Chinese together (side by side on a wide terminal)");
  cmd->add_option("--script", args->script, "Chinese script shown: as-written or hans (Simplified)")
      ->check(CLI::IsMember({"as-written", "hans"}));
  cmd->add_option("--limit", args->limit, "Number of hits to show (default 10)")->check(CLI::Range(1, 10000));
  cmd->add_option("--offset", args->offset, "Skip this many hits first (default 0, at most 1000000)")
      ->check(CLI::Range(0, 1000000));
  auto* json = cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
  auto* ids = cmd->add_flag("--ids", args->ids, "Print only the hits' provision ids, one a line (for scripts)");
  cmd->add_flag("--count", args->count, "Print only the number of matching provisions (for scripts)")
      ->excludes(json)
      ->excludes(ids);
  ids->excludes(json);
  cmd->add_flag("--explain", args->explain,
                "Also show how the query was read (glossary concepts too) and what each hit's score is made of");
  cmd->add_option("--type", args->type, "What to search: provision (default) or submission")
      ->check(CLI::IsMember({"provision", "submission"}));
  cmd->add_option("--store", args->store, "Submissions store, for --type submission");
  cmd->add_option("query", args->words, "The query")->required();
  cmd->footer(
      "Query syntax:\n"
      "  words                all must occur (if no provision has them all: any of them)\n"
      "  \"a phrase\"           in this order; Chinese too (「…」 works as quotes)\n"
      "  AND OR NOT -w +w ()  boolean operators (upper case)\n"
      "  instrument:cepa-tis  topic:ccc  lang:en     filters\n"
      "  year:2019  year:2016..2019                   versions that took effect then\n"
      "  cite:\"Article 58\"  cite:第五十八條  art:58   provisions by citation\n"
      "  cite:\"Article 68(v)\"  cite:1.F.e             an item only; a services sector\n"
      "English, Traditional and Simplified Chinese, full-width forms: all find the same provisions.\n"
      "One hit per provision; versions in force today unless --as-of or --all-versions.\n\n"
      "Examples:\n  provisio search \"mutual recognition\"\n  provisio search 檢測 --lang en --parallel\n"
      "  provisio search 'topic:ccc factory inspection' --as-of 2021-01-01 --json\n"
      "  provisio search art:58 --all-versions --facets\n  provisio search \"CCC testing\" --limit 3 --explain\n"
      "  provisio search CMA --ids --limit 100 | xargs -n1 provisio show --lang en");
  return [args, as_of, &terminal] {
    SearchOptions o;
    for (const auto& w : args->words) o.query += (o.query.empty() ? "" : " ") + w;
    if (args->type == "submission" && (args->ids || args->count)) {
      std::cerr << "provisio: --ids and --count are for provisions, not --type submission\n";
      return 2;
    }
    if (args->type == "submission")
      return run_submission_search(o.query, args->store, args->limit, args->offset, args->json, terminal);
    o.lang = display_language(args->lang, o.query);
    o.instruments = args->instruments;
    o.topics = args->topics;
    o.limit = args->limit;
    o.offset = args->offset;
    o.all_versions = args->all_versions;
    o.facets = args->facets || args->count;  // facets count every match, so the total is exact
    o.parallel = args->parallel;
    if (as_of->count() > 0) {  // --as-of "" is a mistake, not "today"
      auto d = Date::parse(args->as_of);
      if (!d) {
        std::cerr << "provisio: bad date '" << args->as_of << "' for --as-of: expected YYYY-MM-DD\n";
        return 1;
      }
      o.as_of = *d;
    }
    std::string db = index_for_reading(args->db, terminal);
    if (db.empty()) return 1;
    Searcher searcher(db);
    SearchResult result = searcher.search(o);
    if (args->count) {
      std::cout << result.total << "\n";
      return 0;
    }
    for (const auto& note : result.notes) std::cerr << "provisio: " << note << "\n";
    if (!result.suggestion.empty()) std::cerr << "provisio: did you mean \"" << result.suggestion << "\"?\n";

    if (args->ids) {
      // One line per provision: a superseded version listed after the current hits may be an older
      // version of a provision already printed, and a script piping ids into `show` wants each once.
      std::set<std::string> printed;
      for (const auto& hit : result.hits)
        if (printed.insert(hit.id).second) std::cout << hit.id << "\n";
      return 0;
    }
    if (args->script == "hans" || o.lang == "zh-Hans") {
      ScriptConverter converter;
      to_simplified(result.hits, converter);
    }
    StoredGraph graph = read_graph(searcher.database());
    if (args->explain) {
      SearchExplanation explanation = explain_search(searcher, o, result);
      if (args->json)
        std::cout << output::search_json_explained(result, o, explanation, &graph);
      else
        std::cout << output::search_text_explained(result, o, explanation, terminal.style(), terminal_columns(), &graph);
      return 0;
    }
    if (args->json)
      std::cout << output::search_json(result, o, &graph);
    else
      std::cout << output::search_text(result, o, terminal.style(), terminal_columns(), &graph);
    return 0;
  };
}

}  // namespace provisio::cli
