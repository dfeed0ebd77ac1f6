#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "commands.h"
#include "locations.h"
#include "searcher.h"
#include "submission_support.h"

namespace provisio::cli {

namespace {

nlohmann::json hit_json(const Hit& h) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [b, e] : h.snippet.highlights) highlights.push_back({b, e});
  return {{"rank", h.rank},
          {"id", h.id},
          {"instrument", h.instrument},
          {"citation", h.citation},
          {"heading", h.heading},
          {"lang", h.lang},
          {"score", h.score},
          {"snippet", h.snippet.text},
          {"snippet_highlights", highlights},
          {"text_kind", h.text_kind},
          {"topics", h.topics},
          {"effective_from", h.effective_from},
          {"effective_to", h.effective_to ? nlohmann::json(*h.effective_to) : nlohmann::json(nullptr)}};
}

void print_human(const SearchResult& r, const SearchOptions& o, const Terminal& t) {
  if (r.hits.empty()) {
    if (r.total == 0)
      std::cout << "No provision in force on " << o.as_of.iso() << " matches \"" << r.query << "\".\n";
    else
      std::cout << "No more results: " << r.total << " provisions match \"" << r.query << "\".\n";
    return;
  }
  std::cout << r.total << (r.total == 1 ? " provision matches" : " provisions match") << " \""
            << r.query << "\" (in force on " << o.as_of.iso() << "); showing " << r.hits.front().rank
            << "–" << r.hits.back().rank << "\n\n";
  for (const auto& h : r.hits) {
    std::cout << t.bold() << h.rank << ". " << h.id << t.reset() << "  " << h.citation << "\n";
    std::cout << "   " << h.heading << "  " << t.dim() << "[" << h.lang << ", " << h.text_kind
              << ", from " << h.effective_from << (h.effective_to ? " to " + *h.effective_to : "")
              << "]" << t.reset() << "\n";
    std::cout << "   " << render_snippet(h.snippet, t.bold(), t.reset()) << "\n\n";
  }
}

}  // namespace

Run add_search_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("search", "Search the provisions (English, Traditional or Simplified Chinese)");
  struct Args {
    std::string db, lang, as_of;
    std::vector<std::string> instruments, topics, words;
    std::size_t limit = 10, offset = 0;
    bool json = false;
    std::string type = "provision", store;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->db, "Index folder (default: $PROVISIO_DB, else $XDG_DATA_HOME/provisio/index)");
  cmd->add_option("--lang", args->lang, "Show each hit in this language")
      ->check(CLI::IsMember(kLangChoices));
  cmd->add_option("--instrument", args->instruments, "Only provisions of this instrument (repeatable)");
  cmd->add_option("--topic", args->topics, "Only provisions with this topic (repeatable)");
  cmd->add_option("--as-of", args->as_of, "Provisions as they stood on this day, YYYY-MM-DD (default: today)");
  cmd->add_option("--limit", args->limit, "Number of hits to show (default 10)")->check(CLI::Range(1, 10000));
  cmd->add_option("--offset", args->offset, "Skip this many hits first (default 0)");
  cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
  cmd->add_option("--type", args->type, "What to search: provision (default) or submission")
      ->check(CLI::IsMember({"provision", "submission"}));
  cmd->add_option("--store", args->store, "Submissions store, for --type submission");
  cmd->add_option("query", args->words, "The query")->required();
  cmd->footer(
      "Query syntax: words (all must occur; if none has them all, any of them), \"a phrase\",\n"
      "AND, OR, NOT, -word, +word, parentheses. Chinese may be Traditional or Simplified,\n"
      "full-width forms are folded. One hit per provision, current versions only.\n\n"
      "Examples:\n  provisio search \"mutual recognition\"\n  provisio search 檢測\n"
      "  provisio search --topic ccc --json CCC testing");
  return [args, &terminal] {
    SearchOptions o;
    for (const auto& w : args->words) o.query += (o.query.empty() ? "" : " ") + w;
    if (args->type == "submission")
      return run_submission_search(o.query, args->store, args->limit, args->offset, args->json, terminal);
    o.lang = args->lang;
    o.instruments = args->instruments;
    o.topics = args->topics;
    o.limit = args->limit;
    o.offset = args->offset;
    if (!args->as_of.empty()) {
      auto d = Date::parse(args->as_of);
      if (!d) {
        std::cerr << "provisio: bad date '" << args->as_of << "' for --as-of: expected YYYY-MM-DD\n";
        return 1;
      }
      o.as_of = *d;
    }
    bool is_default = false;
    std::string db = database_path(args->db, is_default);
    if (is_default && !std::filesystem::exists(db)) {
      std::cerr << "provisio: no index at " << db << " yet; building it from the bundled corpus\n";
      if (int rc = run_index({bundled_corpus_path()}, db, terminal, false, true); rc != 0) return rc;
    }
    Searcher searcher(db);
    SearchResult result = searcher.search(o);
    if (!result.note.empty()) std::cerr << "provisio: " << result.note << "\n";
    if (args->json) {
      nlohmann::json hits = nlohmann::json::array();
      for (const auto& h : result.hits) hits.push_back(hit_json(h));
      nlohmann::json out = {{"query", result.query}, {"as_of", o.as_of.iso()},
                            {"total", result.total}, {"results", hits}};
      std::cout << out.dump() << "\n";
    } else {
      print_human(result, o, terminal);
    }
    return 0;
  };
}

}  // namespace provisio::cli
