#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "commands.h"
#include "locations.h"
#include "script_converter.h"
#include "searcher.h"
#include "submission_support.h"
#include "text_layout.h"

namespace provisio::cli {

namespace {

struct Display {
  bool simplified = false;  // Chinese shown in Simplified characters
  bool parallel = false;
};

// Converts the Chinese fields of a hit for display (the index keeps the corpus's script).
void convert_hit(Hit& h, const ScriptConverter& converter) {
  if (h.lang == "en") return;
  h.heading = converter.to_simplified(h.heading);
  h.citation = converter.to_simplified(h.citation);
  h.snippet = converter.to_simplified(h.snippet);
  if (h.lang == "zh-Hant") h.lang = "zh-Hans";  // what is shown is now Simplified
}

nlohmann::json hit_json(const Hit& h) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [b, e] : h.snippet.highlights) highlights.push_back({b, e});
  nlohmann::json j = {{"rank", h.rank},
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
                      {"effective_to", h.effective_to ? nlohmann::json(*h.effective_to) : nlohmann::json(nullptr)},
                      {"superseded", h.superseded}};
  if (h.superseded)
    j["superseded_by"] = h.superseded_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.superseded_by);
  if (!h.parallel.empty()) {
    j["parallel"] = nlohmann::json::array();
    for (const auto& p : h.parallel) {
      auto pj = hit_json(p);
      for (const char* k : {"rank", "score", "instrument", "topics", "effective_from", "effective_to"}) pj.erase(k);
      j["parallel"].push_back(pj);
    }
  }
  return j;
}

nlohmann::json facets_json(const Facets& facets) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [name, values] : facets) {
    j[name] = nlohmann::json::array();
    for (const auto& [value, count] : values) j[name].push_back({{"value", value}, {"count", count}});
  }
  return j;
}

void print_facets(const Facets& facets, const std::string& unit, const Terminal& t) {
  std::cout << "Matching " << unit << " by facet:\n";
  for (const char* name : {"instrument", "topic", "lang", "year"}) {
    auto it = facets.find(name);
    if (it == facets.end()) continue;
    std::cout << t.bold() << name << t.reset() << ":";
    for (const auto& [value, count] : it->second) std::cout << "  " << value << " (" << count << ")";
    std::cout << "\n";
  }
  std::cout << "\n";
}

// "superseded on 2020-06-01 by cepa-tis-amend-2019" for a hit no longer in force; "" otherwise.
std::string superseded_note(const Hit& h) {
  if (!h.superseded) return "";
  return "superseded on " + h.effective_to.value_or("?") + (h.superseded_by.empty() ? "" : " by " + h.superseded_by);
}

// "; then 2 superseded versions that match better than any in force (marked)", or "" for none.
std::string superseded_summary(std::size_t n) {
  if (n == 0) return "";
  return std::string("; then ") + std::to_string(n) +
         (n == 1 ? " superseded version that matches" : " superseded versions that match") +
         " better than any in force (marked)";
}

void print_hit_text(const Hit& h, const Terminal& t, std::string_view indent) {
  std::cout << indent << h.heading << "  " << t.dim() << "[" << h.lang << ", " << h.text_kind << "]" << t.reset()
            << "\n";
  std::cout << indent << render_snippet(h.snippet, t.bold(), t.reset()) << "\n";
}

void print_human(const SearchResult& r, const SearchOptions& o, const Terminal& t, const Display& d) {
  std::string when = o.all_versions ? "all versions up to " + o.as_of.iso() : "in force on " + o.as_of.iso();
  if (r.hits.size() == r.superseded && r.superseded > 0) {
    std::cout << "No provision " << when << " matches \"" << r.query << "\"" << superseded_summary(r.superseded)
              << "\n\n";
  } else if (r.hits.empty()) {
    if (r.total == 0)
      std::cout << "No provision " << (o.all_versions ? "version up to " + o.as_of.iso() : "in force on " + o.as_of.iso())
                << " matches \"" << r.query << "\".\n";
    else
      std::cout << "No more results: " << r.total << " match \"" << r.query << "\".\n";
    return;
  } else {
    std::string about = r.counts_exact ? "" : "about ";
    std::cout << about << r.total
              << (o.all_versions ? (r.total == 1 ? " provision version matches" : " provision versions match")
                                 : (r.total == 1 ? " provision matches" : " provisions match"))
              << " \"" << r.query << "\""
              << (r.complete < r.total ? " (" + about + std::to_string(r.complete) + " with every word)" : std::string())
              << " (" << when << "); showing " << r.hits.front().rank << "–" << r.hits.back().rank - r.superseded
              << superseded_summary(r.superseded) << "\n\n";
  }
  if (o.facets) print_facets(r.facets, r.unit, t);
  std::size_t columns = terminal_columns();
  for (const auto& h : r.hits) {
    std::cout << t.bold() << h.rank << ". " << h.id << t.reset() << "  " << h.citation << "  " << t.dim() << "[from "
              << h.effective_from << (h.effective_to ? " to " + *h.effective_to : "") << "]" << t.reset()
              << (h.superseded ? "  " + std::string(t.bold()) + superseded_note(h) + std::string(t.reset()) : std::string()) << "\n";
    if (d.parallel && !h.parallel.empty() && columns >= 100) {
      std::size_t width = (columns - 6) / 2;
      const Hit& other = h.parallel.front();
      std::string left = h.heading + "\n", right = other.heading + "\n";
      std::cout << side_by_side(h.heading + " [" + h.lang + "]", other.heading + " [" + other.lang + "]", width, "   ");
      std::cout << side_by_side(render_snippet(h.snippet, t.bold(), t.reset()),
                                render_snippet(other.snippet, t.bold(), t.reset()), width, "   ");
    } else {
      print_hit_text(h, t, "   ");
      for (const auto& other : h.parallel) print_hit_text(other, t, "   ");
    }
    std::cout << "\n";
  }
}

// True when `text` has a Chinese character (CJK ideographs and their extensions' main blocks).
bool has_chinese(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto lead = static_cast<unsigned char>(text[i]);
    // U+3400..U+9FFF are encoded with lead bytes E3 (from U+3400) to E9; U+F900..U+FAFF with EF A4..AB.
    if ((lead == 0xE3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x90) ||
        (lead >= 0xE4 && lead <= 0xE9) ||
        (lead == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA4 &&
         static_cast<unsigned char>(text[i + 1]) <= 0xAB))
      return true;
  }
  return false;
}

}  // namespace

Run add_search_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("search", "Search the provisions (English, Traditional or Simplified Chinese)");
  struct Args {
    std::string db, lang, as_of, script = "as-written";
    std::vector<std::string> instruments, topics, words;
    std::size_t limit = 10, offset = 0;
    bool json = false, all_versions = false, facets = false, parallel = false;
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
  cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
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
      "  cite:\"Article 58\"  cite:第五十八條  art:58   provisions by citation\n"
      "English, Traditional and Simplified Chinese, full-width forms: all find the same provisions.\n"
      "One hit per provision; versions in force today unless --as-of or --all-versions.\n\n"
      "Examples:\n  provisio search \"mutual recognition\"\n  provisio search 檢測 --lang en --parallel\n"
      "  provisio search 'topic:ccc factory inspection' --as-of 2021-01-01 --json\n"
      "  provisio search art:58 --all-versions --facets");
  return [args, as_of, &terminal] {
    SearchOptions o;
    for (const auto& w : args->words) o.query += (o.query.empty() ? "" : " ") + w;
    if (args->type == "submission")
      return run_submission_search(o.query, args->store, args->limit, args->offset, args->json, terminal);
    // Without --lang, hits are shown in the query's language: an English query that also matched
    // the Chinese text (through the glossary) still reads in English where the provision has it.
    o.lang = !args->lang.empty() ? args->lang : has_chinese(o.query) ? "" : "en";
    o.instruments = args->instruments;
    o.topics = args->topics;
    o.limit = args->limit;
    o.offset = args->offset;
    o.all_versions = args->all_versions;
    o.facets = args->facets;
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
    for (const auto& note : result.notes) std::cerr << "provisio: " << note << "\n";
    if (!result.suggestion.empty()) std::cerr << "provisio: did you mean \"" << result.suggestion << "\"?\n";

    Display display{args->script == "hans" || args->lang == "zh-Hans", args->parallel};
    if (display.simplified) {
      ScriptConverter converter;
      for (auto& h : result.hits) {
        convert_hit(h, converter);
        for (auto& p : h.parallel) convert_hit(p, converter);
      }
    }
    if (args->json) {
      nlohmann::json hits = nlohmann::json::array();
      for (const auto& h : result.hits) hits.push_back(hit_json(h));
      nlohmann::json out = {{"query", result.query}, {"as_of", o.as_of.iso()}, {"total", result.total},
                            {"complete", result.complete}, {"counts_exact", result.counts_exact}, {"results", hits},
                            {"superseded", result.superseded}, {"notes", result.notes},
                            {"suggestion", result.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(result.suggestion)}};
      out["unit"] = result.unit;  // what total, complete and the facet counts count
      if (o.facets) out["facets"] = facets_json(result.facets);
      std::cout << out.dump() << "\n";
    } else {
      print_human(result, o, terminal, display);
    }
    return 0;
  };
}

}  // namespace provisio::cli
