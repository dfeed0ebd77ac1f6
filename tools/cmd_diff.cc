#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "searcher.h"
#include "text_diff.h"

namespace provisio::cli {

namespace {

struct VersionText {
  std::string from, to, heading, body, kind;
};

// The versions of a provision in one language, oldest first. Official wording is compared when
// both versions have it, else our digests.
std::vector<VersionText> versions_in(const std::vector<StoredDocument>& docs, const std::string& lang) {
  std::vector<VersionText> out;
  for (const auto& d : docs) {
    if (d["lang"] != lang) continue;
    VersionText v{d["effective_from"], d["effective_to"].is_null() ? "" : d["effective_to"].get<std::string>(),
                  d["heading"], "", ""};
    for (const auto& t : d["texts"])
      if (v.body.empty() || t["kind"] == "official") {
        v.body = t["body"];
        v.kind = t["kind"];
      }
    out.push_back(v);
  }
  return out;
}

// The version in force on `day` (YYYY-MM-DD), or -1.
int version_on(const std::vector<VersionText>& versions, const std::string& day) {
  for (std::size_t i = 0; i < versions.size(); ++i)
    if (versions[i].from <= day && (versions[i].to.empty() || day < versions[i].to)) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::string render_diff(const std::vector<DiffOp>& ops, const Terminal& t) {
  std::string out;
  for (const auto& op : ops) {
    if (op.kind == DiffOp::kEqual) {
      out += op.text;
    } else if (t.colour_out()) {
      out += std::string(op.kind == DiffOp::kDelete ? t.deleted() : t.inserted()) + op.text + std::string(t.reset());
    } else {
      out += op.kind == DiffOp::kDelete ? "[-" + op.text + "-]" : "{+" + op.text + "+}";
    }
  }
  return out;
}

nlohmann::json diff_ops_json(const std::vector<DiffOp>& ops) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& op : ops) j.push_back({{"op", diff_kind_name(op.kind)}, {"text", op.text}});
  return j;
}

Run add_diff_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("diff", "Show what changed between two versions of a provision");
  struct Args {
    std::string db, id, from, to, lang = "en";
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  add_db_option(*cmd, args->db);
  cmd->add_option("--from", args->from, "The version in force on this day, YYYY-MM-DD (default: the one before --to)");
  cmd->add_option("--to", args->to, "The version in force on this day, YYYY-MM-DD (default: the latest)");
  cmd->add_option("--lang", args->lang, "Language compared (default en)")->check(CLI::IsMember(kLangChoices));
  cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
  cmd->add_option("id", args->id, "Provision id, e.g. cepa-tis/a1/t2/1fe/1")->required();
  cmd->footer(
      "Words are compared in English, characters in Chinese. On a terminal deletions are red and\n"
      "struck through, insertions green; otherwise they are marked [-deleted-] and {+inserted+}.\n\n"
      "Examples:\n  provisio diff cepa-tis/a1/t2/1fe/1\n"
      "  provisio diff cepa-tis/a1/t2/1fe/2 --from 2021-01-01 --to 2025-03-01 --lang zh-Hant");
  return [args, &terminal] {
    for (const std::string* day : {&args->from, &args->to})
      if (!day->empty() && !Date::parse(*day)) {
        std::cerr << "provisio: bad date '" << *day << "' for --" << (day == &args->from ? "from" : "to")
                  << ": expected YYYY-MM-DD\n";
        return 1;
      }
    std::string db = index_for_reading(args->db, terminal);
    if (db.empty()) return 1;
    Searcher searcher(db);
    auto docs = provision_or_report(searcher, args->id);
    if (docs.empty()) return 1;
    auto versions = versions_in(docs, args->lang);
    if (versions.empty()) {
      std::cerr << "provisio: " << args->id << " has no text in " << args->lang << "\n";
      return 1;
    }
    int to = args->to.empty() ? static_cast<int>(versions.size()) - 1 : version_on(versions, args->to);
    if (to < 0) {
      std::cerr << "provisio: " << args->id << " had no version in force on " << args->to << "\n";
      return 1;
    }
    int from = args->from.empty() ? to - 1 : version_on(versions, args->from);
    if (from < 0) {
      if (args->from.empty()) {
        std::cout << args->id << " has a single version (from " << versions[to].from << "): nothing to compare.\n";
        return 0;
      }
      std::cerr << "provisio: " << args->id << " had no version in force on " << args->from << "\n";
      return 1;
    }
    const VersionText &a = versions[from], &b = versions[to];
    auto heading = diff_texts(a.heading, b.heading), body = diff_texts(a.body, b.body);
    if (args->json) {
      auto version_json = [](const VersionText& v) {
        return nlohmann::json{{"effective_from", v.from},
                              {"effective_to", v.to.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.to)},
                              {"text_kind", v.kind}};
      };
      nlohmann::json out = {{"id", args->id}, {"lang", args->lang}, {"from", version_json(a)},
                            {"to", version_json(b)}, {"heading", diff_ops_json(heading)}, {"text", diff_ops_json(body)},
                            {"changed", a.heading != b.heading || a.body != b.body}};
      std::cout << out.dump() << "\n";
      return 0;
    }
    std::cout << terminal.bold() << args->id << terminal.reset() << " [" << args->lang << ", " << b.kind
              << "]: version from " << a.from << " → version from " << b.from << "\n";
    if (from == to || (a.heading == b.heading && a.body == b.body)) {
      std::cout << "No change in the " << args->lang << " text.\n";
      return 0;
    }
    std::cout << "\n" << render_diff(heading, terminal) << "\n\n" << render_diff(body, terminal) << "\n";
    return 0;
  };
}

}  // namespace provisio::cli
