// provisio report: the submissions linked to each provision, question or topic, with counts; every
// link on its own line (--by link); or all of these as an Excel workbook (--format xlsx).
#include <fstream>
#include <iostream>

#include "commands.h"
#include "date.h"
#include "report.h"
#include "report_workbook.h"
#include "script_converter.h"
#include "store.h"
#include "suggester.h"
#include "submission_output.h"
#include "submission_support.h"

namespace provisio::cli {

Run add_report_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("report", "Report which submissions are linked to each provision, question or topic");
  struct Args {
    std::string db, store, format = "table", by = "provision", lang = "en", since, until, output;
  };
  auto args = std::make_shared<Args>();
  add_location_options(cmd, args->db, args->store);
  cmd->add_option("--format", args->format, "table, csv, json, md or xlsx (default table)")
      ->check(CLI::IsMember({"table", "csv", "json", "md", "xlsx"}));
  cmd->add_option("--by", args->by, "provision, question, topic or link (default provision)")
      ->check(CLI::IsMember({"provision", "question", "topic", "link"}));
  cmd->add_option("--lang", args->lang, "Language of the headings (default en)")->check(CLI::IsMember(kLangChoices));
  cmd->add_option("--since", args->since, "Only submissions received on or after this day (YYYY-MM-DD)");
  cmd->add_option("--until", args->until, "Only submissions received on or before this day (YYYY-MM-DD)");
  cmd->add_option("-o,--output", args->output, "Write to this file (required for xlsx)");
  cmd->footer(
      "CSV is UTF-8 with a byte-order mark and CRLF line ends: Excel opens it with Chinese intact.\n"
      "--by link gives one line per link: submission, sender, received, subject, provision, citation,\n"
      "linked_by, linked_at, note. --format xlsx writes one workbook with a sheet per grouping (by\n"
      "provision, by question, by topic) and a sheet of the links; --by is then not needed.\n"
      "With --since or --until, submissions of unknown date are left out.\n\n"
      "Examples:\n  provisio report --by question\n  provisio report --format csv > links.csv\n"
      "  provisio report --by link --format csv --since 2019-05-01 > per-link.csv\n"
      "  provisio report --format xlsx -o report.xlsx");
  return [args, &terminal] {
    submissions::SubmissionFilter filter;
    for (auto [name, value] : {std::pair{"--since", &filter.since}, std::pair{"--until", &filter.until}}) {
      const std::string& given = name == std::string("--since") ? args->since : args->until;
      if (given.empty()) continue;
      auto day = Date::parse(given);
      if (!day) {
        std::cerr << "provisio: bad date '" << given << "' for " << name << ": expected YYYY-MM-DD\n";
        return 1;
      }
      *value = day->iso();
    }
    if (args->format == "xlsx" && args->output.empty()) {
      std::cerr << "provisio: --format xlsx writes a file: give it with -o FILE.xlsx\n";
      return 2;
    }
    submissions::Store store(store_path(args->store), submissions::Access::kReadOnly);
    std::string db;
    if (int rc = ready_index(args->db, terminal, db); rc) return rc;
    submissions::LinkSuggester index(db);
    if (args->format == "xlsx") {
      std::vector<submissions::Report> reports;
      for (const char* by : {"provision", "question", "topic", "link"})
        reports.push_back(submissions::build_report(store, index, by, args->lang, filter));
      for (const auto& w : reports.front().warnings) std::cerr << "provisio: warning: " << w << "\n";
      output::write_report_workbook(reports, args->output);
      std::cerr << "wrote " << args->output << " (" << reports.back().links.size() << " links)\n";
      return 0;
    }
    auto report = submissions::build_report(store, index, args->by, args->lang, filter);
    // Headings the corpus has only in Traditional are converted for a Simplified reader.
    if (args->lang == "zh-Hans") {
      ScriptConverter converter;
      for (auto& row : report.rows) row.heading = converter.to_simplified(row.heading);
    }
    for (const auto& w : report.warnings) std::cerr << "provisio: warning: " << w << "\n";
    std::string text = output::format_report(report, args->format);
    if (args->output.empty()) {
      std::cout << text;
      return 0;
    }
    std::ofstream out(args->output, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "provisio: cannot write " << args->output << "\n";
      return 1;
    }
    return 0;
  };
}

}  // namespace provisio::cli
