// How submissions, their links and link suggestions are shown (`submission`, `link`, `report`):
// as one JSON object, as text, and the report also as CSV and Markdown.
//
// Pure functions of their arguments: thread-safe. Text formatters end every line with "\n".
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "link_targets.h"
#include "report.h"
#include "store.h"
#include "style.h"
#include "suggester.h"

namespace provisio::output {

// ---- submissions ----
// One submission (without its text) and the number of its active links. `removed_at`,
// `removed_by` and `removal_note` are null while it is filed.
nlohmann::json submission_json(const submissions::Submission& s, std::size_t links);
// "sub-0001 from a.eml (eml, UTF-8, en, from X, received 2019-05-20)".
std::string describe_submission(const submissions::Submission& s);

// `submission add`: what was filed, and the files already filed.
struct Duplicate {
  std::string file;
  std::string already;  // the submission id, or "an earlier file of this command"
  // When that submission was removed since (Submission::removed_at/by, removal_note): the letter
  // is then reported as filed before and removed, not merely "already filed".
  std::string removed_at, removed_by, removal_note;
};
using Duplicates = std::vector<Duplicate>;
// The Duplicate for `file`, whose content is that of the filed submission `existing`.
Duplicate duplicate_of(const std::string& file, const submissions::Submission& existing);
// The Duplicate for `file`, whose content an earlier file of the same command had.
Duplicate duplicate_in_batch(const std::string& file);
// The files that could not be read: (file, the one-line error, which names the file).
using Unreadable = std::vector<std::pair<std::string, std::string>>;
std::string filed_json(const std::string& store, const std::vector<submissions::Submission>& filed,
                       const Duplicates& duplicates, const Unreadable& unreadable = {});
std::string filed_text(const std::vector<submissions::Submission>& filed, const Duplicates& duplicates);
// The closing line of a `submission add` of several files: "filed 12, already filed 3, unreadable 2".
std::string filed_summary_text(std::size_t filed, std::size_t duplicates, std::size_t unreadable);

// `submission list`: `links` maps submission id to its active link count.
std::string submission_list_json(const std::string& store, const std::vector<submissions::Submission>& all,
                                 const std::map<std::string, std::size_t>& links);
std::string submission_list_text(const std::string& store, const std::vector<submissions::Submission>& all,
                                 const std::map<std::string, std::size_t>& links);

// What became of each link target in the index (tools' check_link_targets()), by target id. A
// target missing from the map is taken as current.
using TargetChecks = std::map<std::string, submissions::TargetCheck>;

// `submission show`: the submission with its text; `links` includes removed ones. A link whose
// target moved or no longer exists says so (`checks`). `edits` is its edit history. The JSON's
// "links" is the list of links (as `link list --json` gives them) and "active_links" their count.
std::string submission_show_json(const submissions::Submission& s, const std::vector<submissions::Link>& links,
                                 const TargetChecks& checks = {},
                                 const std::vector<submissions::SubmissionEdit>& edits = {});
std::string submission_show_text(const submissions::Submission& s, const std::vector<submissions::Link>& links,
                                 const TargetChecks& checks = {},
                                 const std::vector<submissions::SubmissionEdit>& edits = {});
// `submission remove`: `removed` is false when it had been removed before. `ended` links ended.
std::string submission_removed_json(const submissions::Submission& s, bool removed, std::size_t ended);
std::string submission_removed_text(const submissions::Submission& s, bool removed, std::size_t ended);
// `submission edit`: the submission as it is now and the number of fields changed.
std::string submission_edited_json(const submissions::Submission& s, std::size_t changed);
std::string submission_edited_text(const submissions::Submission& s, std::size_t changed);

// ---- links ----
// A score as the text shows it: two decimals.
std::string score_text(double score);
nlohmann::json suggestion_json(const submissions::Suggestion& s);
// For a suggestion (as suggestion_json() gives it) made against the letter's date, when the version
// meant then differs from what holds today: "then: HEADING (2011-01-01 to 2012-04-01); now: ID
// HEADING (since 2020-06-01)" (ID only when another provision of the line holds today), or "...; now:
// no longer in force (ended 2012-04-01)". "" when there is nothing to compare. The CLI and the web
// submission page both show this line.
std::string then_and_now(const nlohmann::json& suggestion);
nlohmann::json link_json(const submissions::Link& l);

// `link suggest`.
std::string suggestions_json(const std::string& submission, const std::vector<submissions::Suggestion>& list);
std::string suggestions_text(const std::string& submission, const std::vector<submissions::Suggestion>& list,
                             const Style& style);
// `link accept`: the requests made from the top suggestions, and how many were new. `declined`:
// suggested targets not linked because a person had removed that link before.
std::string accepted_json(const std::string& submission, const std::vector<submissions::LinkRequest>& requests,
                          std::size_t added, const std::vector<std::string>& declined = {});
std::string accepted_text(const std::string& submission, const std::vector<submissions::LinkRequest>& requests,
                          std::size_t added, const std::vector<std::string>& declined = {});
// `link add`: `requested` links asked for, `added` of them new.
std::string added_json(const std::string& submission, std::size_t requested, std::size_t added);
std::string added_text(const std::string& submission, std::size_t requested, std::size_t added);
// `link remove`.
std::string removed_json(const std::string& submission, const std::string& target);
std::string removed_text(const std::string& submission, const std::string& target);
// `link list`: a link whose target moved is shown under the new id, one to an id that no longer
// exists says so (`checks`).
std::string links_json(const std::vector<submissions::Link>& links, const TargetChecks& checks = {});
std::string links_text(const std::vector<submissions::Link>& links, const TargetChecks& checks = {});

// ---- report ----
// `format`: "table", "csv" (UTF-8 with a byte-order mark and CRLF line ends, so Excel opens it
// with Chinese intact), "json" (which also carries the report's warnings; unknown values are null)
// or "md". A report by "link" has one line per link: submission, sender, date, subject, provision,
// citation, who linked, when, note. A grouping counts a campaign of near-identical letters once
// ("count") and gives the letters its entries stand for ("letters"; in the table, "N letters" when
// they differ, and "[campaign LEAD, signed by N]" on the campaign's line). REQUIRES: one of these formats.
std::string format_report(const submissions::Report& report, const std::string& format);
// The column names of a per-link report and one link's cells, in that order (for the CSV and the
// workbook's links sheet).
const std::vector<std::string>& report_link_columns();
std::vector<std::string> report_link_cells(const submissions::ReportLink& link);
// One entry of a grouping row as the CSV, Markdown and workbook list it: the submission id, or for
// a campaign counted once "sub-0037 (campaign sub-0037, signed by 4: sub-0037 sub-0038 …)".
std::string report_entry_label(const submissions::ReportRow::Entry& entry);

}  // namespace provisio::output
