#include <iostream>

#include "commands.h"
#include "provision_output.h"
#include "script_converter.h"
#include "searcher.h"
#include "version_texts.h"

namespace provisio::cli {

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
    auto found = look_up_provision(args->db, args->id, terminal);
    if (!found) return 1;
    auto& docs = found->docs;
    // The corpus seldom has Simplified text: compare the Traditional versions converted.
    if (args->lang == "zh-Hans") docs = with_simplified(docs, ScriptConverter());
    auto versions = versions_in(docs, args->lang);
    if (versions.empty()) {
      std::cerr << "provisio: " << args->id << " has no text in " << args->lang << "\n";
      return 1;
    }
    std::optional<std::size_t> to =
        args->to.empty() ? std::optional<std::size_t>(versions.size() - 1) : version_on(versions, *Date::parse(args->to));
    if (!to) {
      std::cerr << "provisio: " << args->id << " had no version in force on " << args->to << "\n";
      return 1;
    }
    std::optional<std::size_t> from =
        !args->from.empty() ? version_on(versions, *Date::parse(args->from))
        : *to > 0           ? std::optional<std::size_t>(*to - 1)
                            : std::nullopt;
    if (!from) {
      if (args->from.empty()) {
        std::cout << output::single_version_text(args->id, versions[*to]);
        return 0;
      }
      std::cerr << "provisio: " << args->id << " had no version in force on " << args->from << "\n";
      return 1;
    }
    const VersionText &a = versions[*from], &b = versions[*to];
    std::cout << (args->json ? output::diff_json(args->id, args->lang, a, b)
                             : output::diff_text(args->id, args->lang, a, b, *from == *to, terminal.style()));
    return 0;
  };
}

}  // namespace provisio::cli
