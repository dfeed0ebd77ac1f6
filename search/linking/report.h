// Reports on the links: for each provision, consultation question or topic, the submissions linked
// to it, with counts; and every link on its own line. This is the data; output::format_report
// (search/output) shows it as a table, CSV, JSON or Markdown, and output::write_report_workbook as
// an Excel workbook.
//
// Thread-safe (pure functions over their arguments).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store.h"
#include "suggester.h"

namespace provisio::submissions {

struct ReportRow {
  std::string key;      // provision id, question id or topic
  std::string kind;     // "provision", "question" or "topic"
  std::string heading;  // provision heading, or "" for topics
  // One view: a submission, or a campaign of near-identical letters counted once (campaigns.h).
  struct Entry {
    std::string submission, sender, received;  // for a campaign, its first member linked here
    std::string campaign;                       // the campaign's lead, "" for a letter of its own
    std::vector<std::string> members;           // a campaign's members linked here, in filing order
    std::size_t signed_by() const { return campaign.empty() ? 1 : members.size(); }
  };
  std::vector<Entry> submissions;  // linked, active links only, in filing order, each once
  // How many letters the entries stand for: a campaign counts once in submissions.size() and
  // once per member here.
  std::size_t letters() const;
};

// One active link, with what staff need beside it in a spreadsheet.
struct ReportLink {
  std::string submission, sender, received, subject;  // "" when unknown
  std::string target, kind, heading, citation;        // the target as it is now (moved ids followed)
  std::string how;                                    // "suggested" or "manual"
  std::optional<double> score;
  std::string created_by, created_at, note;
};

struct Report {
  std::string by;  // "provision", "question", "topic" or "link"
  std::string since, until;  // the period of `received` reported on ("" = open)
  std::vector<ReportRow> rows;  // empty by "link"
  std::vector<ReportLink> links;  // every active link of the submissions reported on, in link order
  std::size_t submissions_total = 0;  // submissions in the store (in the period, when one is given)
  // Links to ids that moved are counted under the new id; links to ids that no longer exist keep
  // their row, and each such link gets a line here saying what to do (LinkTargets::advice()).
  std::vector<std::string> warnings;
};

// by "provision": every linked target (provisions and questions), most-linked first;
// by "question": every consultation question of the index, linked or not, in id order;
// by "topic": every topic of the linked targets, a submission counted once per topic;
// by "link": no rows, only `links`.
// Members of one campaign (find_campaigns() over the submissions reported on) linked to one row
// make one entry of that row: a campaign counts once, with how many signed it.
// Only the submissions `filter` lets through count (removed ones never do): its since and until
// make a report on a period of `received`. Headings in `lang` where the index has it.
// REQUIRES: by is one of the four.
Report build_report(Store& store, LinkSuggester& index, const std::string& by, const std::string& lang,
                    const SubmissionFilter& filter = {});

}  // namespace provisio::submissions
