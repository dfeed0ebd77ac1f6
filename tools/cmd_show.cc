#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "commands.h"
#include "locations.h"
#include "searcher.h"

namespace provisio::cli {

namespace {

// Groups a provision's stored documents (one per version and language) into one JSON record.
nlohmann::json provision_json(const std::vector<StoredDocument>& docs, const std::string& lang) {
  using nlohmann::json;
  const auto& first = docs.front();
  json record = {{"id", first["id"]},
                 {"instrument", first["instrument"]},
                 {"topics", first["topics"]},
                 {"refs", first["refs"]},
                 {"divisions", first["divisions"]},
                 {"citations", json::object()},
                 {"instrument_titles", json::object()},
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
    auto record = provision_json(docs, args->lang);
    if (args->json)
      std::cout << record.dump() << "\n";
    else
      print_human(record, terminal);
    return 0;
  };
}

}  // namespace provisio::cli
