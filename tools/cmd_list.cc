#include <nlohmann/json.hpp>

#include <iostream>

#include "catalogue.h"
#include "commands.h"
#include "corpus.h"
#include "searcher.h"

namespace provisio::cli {

namespace {

void print_tree(const std::vector<ProvisionSummary>& provisions, const Terminal& t) {
  std::string instrument;
  std::vector<std::string> open;  // the divisions printed above the current provision
  for (const auto& p : provisions) {
    if (p.instrument != instrument) {
      if (!instrument.empty()) std::cout << "\n";
      std::cout << t.bold() << p.instrument << t.reset() << "  " << p.instrument_title << "\n";
      instrument = p.instrument;
      open.clear();
    }
    std::size_t same = 0;
    while (same < open.size() && same < p.divisions.size() && open[same] == p.divisions[same]) ++same;
    open.resize(same);
    for (std::size_t d = same; d < p.divisions.size(); ++d) {
      std::cout << std::string(2 * (d + 1), ' ') << p.divisions[d] << "\n";
      open.push_back(p.divisions[d]);
    }
    std::cout << std::string(2 * (p.divisions.size() + 1), ' ') << t.bold() << p.id << t.reset() << "  "
              << p.citation << " — " << p.heading << "\n";
  }
}

}  // namespace

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
        !searcher.database().term_exists("I" + args->instrument)) {
      std::cerr << "provisio: unknown instrument '" << args->instrument << "'\n";
      return 1;
    }
    if (args->json) {
      nlohmann::json out = {{"provisions", nlohmann::json::array()}};
      for (const auto& p : provisions)
        out["provisions"].push_back({{"id", p.id}, {"instrument", p.instrument}, {"citation", p.citation},
                                     {"heading", p.heading}, {"lang", p.lang}, {"divisions", p.divisions},
                                     {"topics", p.topics}});
      std::cout << out.dump() << "\n";
    } else if (provisions.empty()) {
      std::cout << "No provision matches.\n";
    } else {
      print_tree(provisions, terminal);
    }
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
    auto counts_json = [](const IndexStats::Counts& c) {
      return nlohmann::json{{"provisions", c.provisions}, {"versions", c.versions}, {"documents", c.documents}};
    };
    if (args->json) {
      nlohmann::json out = {{"total", counts_json(stats.total)}};
      for (const auto& [name, table] : {std::pair{"instruments", &stats.by_instrument},
                                        std::pair{"topics", &stats.by_topic}, std::pair{"languages", &stats.by_lang},
                                        std::pair{"verification", &stats.by_verification}})
        for (const auto& [key, c] : *table) out[name][key] = counts_json(c);
      std::cout << out.dump() << "\n";
      return 0;
    }
    std::printf("%-28s %10s %9s %10s\n", "", "provisions", "versions", "documents");
    auto row = [](const std::string& name, const IndexStats::Counts& c) {
      std::printf("  %-26s %10zu %9zu %10zu\n", name.c_str(), c.provisions, c.versions, c.documents);
    };
    for (const auto& [title, table] : {std::pair{"by instrument", &stats.by_instrument},
                                       std::pair{"by topic", &stats.by_topic}, std::pair{"by language", &stats.by_lang},
                                       std::pair{"by verification", &stats.by_verification}}) {
      std::printf("%s\n", title);
      for (const auto& [key, c] : *table) row(key, c);
    }
    std::printf("%-28s %10zu %9zu %10zu\n", "total", stats.total.provisions, stats.total.versions, stats.total.documents);
    return 0;
  };
}

}  // namespace provisio::cli
