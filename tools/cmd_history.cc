// provisio history ID: the whole line of a commitment, across instruments, as a dated timeline with
// the change from each step to the next (search/history.h builds it; this file only prints it).
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "history.h"
#include "searcher.h"

namespace provisio::cli {

namespace {

std::string step_date(const HistoryStep& s) {
  if (s.approx == "year") return s.from.substr(0, 4);
  if (s.approx == "month") return s.from.substr(0, 7);
  return s.from;
}

nlohmann::json history_json(const History& h) {
  using nlohmann::json;
  json steps = json::array();
  for (std::size_t i = 0; i < h.steps.size(); ++i) {
    const HistoryStep& s = h.steps[i];
    json step = {{"step", i + 1},
                 {"id", s.id},
                 {"instrument", s.instrument},
                 {"instrument_title", s.instrument_title},
                 {"effective_from", s.from},
                 {"effective_to", s.to.empty() ? json(nullptr) : json(s.to)},
                 {"by", s.by.empty() ? json(nullptr) : json(s.by)},
                 {"approx", s.approx.empty() ? json(nullptr) : json(s.approx)},
                 {"heading", s.heading},
                 {"text", s.body},
                 {"text_kind", s.text_kind},
                 {"here", s.here},
                 {"in_force", s.in_force},
                 {"implemented_by", s.implemented_by},
                 {"follows", s.previous < 0 ? json(nullptr) : json(s.previous + 1)},
                 {"relation", s.relation.empty() ? json(nullptr) : json(s.relation)},
                 {"changes", nullptr}};
    if (s.previous >= 0)
      step["changes"] = {{"heading", diff_ops_json(s.heading_diff)}, {"text", diff_ops_json(s.body_diff)}};
    steps.push_back(std::move(step));
  }
  return {{"id", h.asked}, {"line", h.name}, {"lang", h.lang}, {"members", h.members}, {"steps", steps}};
}

void print_history(const History& h, const Terminal& t) {
  std::cout << t.bold() << h.name << t.reset() << ": " << h.steps.size() << " steps since "
            << h.steps.front().from.substr(0, 4) << ", " << h.members.size() << " provisions  " << t.dim() << "["
            << h.lang << "]" << t.reset() << "\n";
  for (std::size_t i = 0; i < h.steps.size(); ++i) {
    const HistoryStep& s = h.steps[i];
    std::cout << "\n"
              << (s.here ? "▶ " : "  ") << t.bold() << i + 1 << ". " << step_date(s) << "  " << s.instrument_title
              << t.reset() << (s.by.empty() ? "" : " (as changed by " + s.by + ")") << "\n";
    std::cout << "     " << s.id << "  " << t.dim() << "[from " << s.from << (s.to.empty() ? "" : " to " + s.to) << ", "
              << s.text_kind << "]" << t.reset();
    if (s.here) std::cout << "  ◀ you are here";
    if (s.in_force) std::cout << "  (in force today)";
    std::cout << "\n";
    if (s.previous < 0) {
      std::cout << "     " << t.bold() << s.heading << t.reset() << "\n     " << s.body << "\n";
    } else {
      std::cout << "     " << t.dim() << "changes from step " << s.previous + 1 << " (" << s.relation << "):" << t.reset()
                << "\n";
      std::cout << "     " << render_diff(s.heading_diff, t) << "\n     " << render_diff(s.body_diff, t) << "\n";
    }
    if (!s.implemented_by.empty()) {
      std::string list;
      for (const auto& x : s.implemented_by) list += (list.empty() ? "" : ", ") + x;
      std::cout << "     implemented by: " << list << "\n";
    }
  }
}

}  // namespace

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
    std::string db = index_for_reading(args->db, terminal);
    if (db.empty()) return 1;
    Searcher searcher(db);
    auto docs = provision_or_report(searcher, args->id);
    if (docs.empty()) return 1;
    std::string id = docs.front()["id"];  // the new id when the one given moved
    StoredGraph graph = read_graph(searcher.database());
    auto history = build_history(searcher, graph, id, args->lang);
    if (!history) {
      if (args->json)
        std::cout << nlohmann::json{{"id", id}, {"line", nullptr}, {"steps", nlohmann::json::array()}}.dump() << "\n";
      else
        std::cout << id << " is on no commitment line: the corpus relates it to no earlier or later provision.\n";
      return 0;
    }
    if (args->json)
      std::cout << history_json(*history).dump() << "\n";
    else
      print_history(*history, terminal);
    return 0;
  };
}

}  // namespace provisio::cli
