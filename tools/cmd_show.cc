#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "commands.h"
#include "locations.h"
#include "history.h"
#include "searcher.h"

namespace provisio::cli {

namespace {

// Groups a provision's stored documents (one per version and language) into one JSON record.
nlohmann::json provision_json(const std::vector<StoredDocument>& docs, const std::string& lang,
                              const StoredGraph& graph) {
  using nlohmann::json;
  const auto& first = docs.front();
  // Indexes written before verification was recorded have none: say so rather than fail.
  json verification = first.contains("verification")
                          ? first["verification"]
                          : json{{"status", "not stated"}, {"checked", json::array()}, {"unverified", nullptr}};
  json record = {{"id", first["id"]},
                 {"instrument", first["instrument"]},
                 {"topics", first["topics"]},
                 {"refs", first["refs"]},
                 {"divisions", first["divisions"]},
                 {"citations", json::object()},
                 {"instrument_titles", json::object()},
                 {"verification", verification},
                 {"relations", first.contains("relations") ? first["relations"] : json::array()},
                 {"line", line_summary_json(graph, first["id"], lang == "all" ? "en" : lang)},
                 {"versions", json::array()}};
  for (const auto& d : docs) {
    record["citations"][d["lang"].get<std::string>()] = d["citation"];
    record["instrument_titles"][d["lang"].get<std::string>()] = d["instrument_title"];
    json* version = nullptr;
    for (auto& v : record["versions"])
      if (v["effective_from"] == d["effective_from"]) version = &v;
    if (!version) {
      record["versions"].push_back({{"effective_from", d["effective_from"]},
                                    {"effective_to", d["effective_to"]},
                                    {"by", d["by"]},
                                    {"approx", d["approx"]},
                                    {"notes", d["notes"]},
                                    {"texts", json::array()}});
      version = &record["versions"].back();
    }
    if (lang != "all" && d["lang"] != lang) continue;
    for (const auto& t : d["texts"])
      (*version)["texts"].push_back(
          {{"lang", d["lang"]}, {"kind", t["kind"]}, {"heading", d["heading"]}, {"body", t["body"]}});
  }
  return record;
}

// "2026-12-01" as "1 December 2026", or "December 2026" when only the month is known.
std::string readable_date(const std::string& iso, bool month_only) {
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  auto d = Date::parse(iso);
  if (!d) return iso;
  std::string month = std::string(months[d->month() - 1]) + " " + std::to_string(d->year());
  return month_only ? month : std::to_string(d->day()) + " " + month;
}

void print_verification(const nlohmann::json& v, const Terminal& t) {
  for (const auto& c : v["checked"])
    std::cout << "  checked against: " << c["source"].get<std::string>() << ", "
              << readable_date(c["on"].get<std::string>(), c["approx"] == "month") << "\n";
  if (!v["unverified"].is_null())
    std::cout << "  " << t.bold() << "unverified:" << t.reset() << " " << v["unverified"].get<std::string>() << "\n";
  if (v["checked"].empty() && v["unverified"].is_null())
    std::cout << "  " << t.dim() << "verification: not stated" << t.reset() << "\n";
}

void print_human(const nlohmann::json& r, const Terminal& t) {
  std::cout << t.bold() << r["id"].get<std::string>() << t.reset() << "\n";
  for (const auto& [lang, cite] : r["citations"].items())
    std::cout << "  " << cite.get<std::string>() << "  " << t.dim() << "[" << lang << "]" << t.reset() << "\n";
  if (!r["divisions"].empty()) {
    std::string path;
    for (const auto& d : r["divisions"]) path += (path.empty() ? "" : " › ") + d.get<std::string>();
    std::cout << "  in: " << path << "\n";
  }
  std::string topics, refs;
  for (const auto& x : r["topics"]) topics += (topics.empty() ? "" : ", ") + x.get<std::string>();
  for (const auto& x : r["refs"]) refs += (refs.empty() ? "" : ", ") + x.get<std::string>();
  std::cout << "  topics: " << topics << "\n";
  if (!refs.empty()) std::cout << "  see also: " << refs << "\n";
  for (const auto& rel : r["relations"])
    std::cout << "  " << rel["type"].get<std::string>() << ": " << rel["to"].get<std::string>() << "\n";
  print_verification(r["verification"], t);
  if (!r["line"].is_null())
    std::cout << "  part of: " << r["line"]["name"].get<std::string>() << ", " << r["line"]["steps"].get<std::size_t>()
              << " steps since " << r["line"]["since"].get<std::string>().substr(0, 4) << "; `"
              << r["line"]["command"].get<std::string>() << "`\n";
  std::size_t n = r["versions"].size();
  std::size_t i = 0;
  for (const auto& v : r["versions"]) {
    ++i;
    std::string to = v["effective_to"].is_null() ? "in force" : "to " + v["effective_to"].get<std::string>();
    std::cout << "\n" << t.bold() << "Version " << i << " of " << n << ": from "
              << v["effective_from"].get<std::string>() << ", " << to << t.reset();
    if (!v["by"].is_null()) std::cout << " (by " << v["by"].get<std::string>() << ")";
    if (!v["approx"].is_null()) std::cout << " (date known to the " << v["approx"].get<std::string>() << ")";
    std::cout << "\n";
    for (const auto& text : v["texts"]) {
      std::cout << "  " << t.bold() << text["heading"].get<std::string>() << t.reset() << "  " << t.dim()
                << "[" << text["lang"].get<std::string>() << ", " << text["kind"].get<std::string>()
                << (text["kind"] == "digest" ? ": our summary, not the official wording" : "") << "]"
                << t.reset() << "\n";
      std::cout << "  " << text["body"].get<std::string>() << "\n";
    }
    for (const auto& note : v["notes"]) std::cout << "  " << t.dim() << "note: " << note.get<std::string>() << t.reset() << "\n";
  }
}

}  // namespace

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
    std::string db = index_for_reading(args->db, terminal);
    if (db.empty()) return 1;
    Searcher searcher(db);
    auto docs = provision_or_report(searcher, args->id);
    if (docs.empty()) return 1;
    if (!args->as_of.empty()) {
      auto day = Date::parse(args->as_of);
      if (!day) {
        std::cerr << "provisio: bad date '" << args->as_of << "' for --as-of: expected YYYY-MM-DD\n";
        return 1;
      }
      std::vector<StoredDocument> in_force;
      for (const auto& d : docs)
        if (d["effective_from"].get<std::string>() <= day->iso() &&
            (d["effective_to"].is_null() || day->iso() < d["effective_to"].get<std::string>()))
          in_force.push_back(d);
      if (in_force.empty()) {
        std::cerr << "provisio: " << args->id << " was not in force on " << day->iso() << " (it has effect from "
                  << docs.front()["effective_from"].get<std::string>() << ")\n";
        return 1;
      }
      docs = in_force;
    }
    auto record = provision_json(docs, args->lang, read_graph(searcher.database()));
    if (args->json)
      std::cout << record.dump() << "\n";
    else
      print_human(record, terminal);
    return 0;
  };
}

}  // namespace provisio::cli
