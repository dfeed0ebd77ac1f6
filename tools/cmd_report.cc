// provisio report: the submissions linked to each provision, question or topic, with counts.
#include <iostream>

#include "commands.h"
#include "report.h"
#include "script_converter.h"
#include "store.h"
#include "suggester.h"
#include "submission_output.h"
#include "submission_support.h"

namespace provisio::cli {

Run add_report_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("report", "Report which submissions are linked to each provision, question or topic");
  struct Args {
    std::string db, store, format = "table", by = "provision", lang = "en";
  };
  auto args = std::make_shared<Args>();
  add_location_options(cmd, args->db, args->store);
  cmd->add_option("--format", args->format, "table, csv, json or md (default table)")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("--by", args->by, "provision, question or topic (default provision)")
      ->check(CLI::IsMember({"provision", "question", "topic"}));
  cmd->add_option("--lang", args->lang, "Language of the headings (default en)")->check(CLI::IsMember(kLangChoices));
  cmd->footer(
      "CSV is UTF-8 with a byte-order mark and CRLF line ends: Excel opens it with Chinese intact.\n\n"
      "Examples:\n  provisio report --by question\n  provisio report --format csv > links.csv");
  return [args, &terminal] {
    submissions::Store store(store_path(args->store));
    std::string db;
    if (int rc = ready_index(args->db, terminal, db); rc) return rc;
    submissions::LinkSuggester index(db);
    auto report = submissions::build_report(store, index, args->by, args->lang);
    // Headings the corpus has only in Traditional are converted for a Simplified reader.
    if (args->lang == "zh-Hans") {
      ScriptConverter converter;
      for (auto& row : report.rows) row.heading = converter.to_simplified(row.heading);
    }
    for (const auto& w : report.warnings) std::cerr << "provisio: warning: " << w << "\n";
    std::cout << output::format_report(report, args->format);
    return 0;
  };
}

}  // namespace provisio::cli
