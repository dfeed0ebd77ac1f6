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

#include "report.h"
#include "store.h"
#include "style.h"
#include "suggester.h"

namespace provisio::output {

// ---- submissions ----
// One submission (without its text) and the number of its active links.
nlohmann::json submission_json(const submissions::Submission& s, std::size_t links);
// "sub-0001 from a.eml (eml, UTF-8, en, from X, received 2019-05-20)".
std::string describe_submission(const submissions::Submission& s);

// `submission add`: what was filed, and the files already filed (file, the id or earlier file).
using Duplicates = std::vector<std::pair<std::string, std::string>>;
std::string filed_json(const std::string& store, const std::vector<submissions::Submission>& filed,
                       const Duplicates& duplicates);
std::string filed_text(const std::vector<submissions::Submission>& filed, const Duplicates& duplicates);

// `submission list`: `links` maps submission id to its active link count.
std::string submission_list_json(const std::string& store, const std::vector<submissions::Submission>& all,
                                 const std::map<std::string, std::size_t>& links);
std::string submission_list_text(const std::string& store, const std::vector<submissions::Submission>& all,
                                 const std::map<std::string, std::size_t>& links);

// `submission show`: the submission with its text; `links` includes removed ones.
std::string submission_show_json(const submissions::Submission& s, const std::vector<submissions::Link>& links);
std::string submission_show_text(const submissions::Submission& s, const std::vector<submissions::Link>& links);

// ---- links ----
// A score as the text shows it: two decimals.
std::string score_text(double score);
nlohmann::json suggestion_json(const submissions::Suggestion& s);
nlohmann::json link_json(const submissions::Link& l);

// `link suggest`.
std::string suggestions_json(const std::string& submission, const std::vector<submissions::Suggestion>& list);
std::string suggestions_text(const std::string& submission, const std::vector<submissions::Suggestion>& list,
                             const Style& style);
// `link accept`: the requests made from the top suggestions, and how many were new.
std::string accepted_json(const std::string& submission, const std::vector<submissions::LinkRequest>& requests,
                          std::size_t added);
std::string accepted_text(const std::string& submission, const std::vector<submissions::LinkRequest>& requests,
                          std::size_t added);
// `link add`: `requested` links asked for, `added` of them new.
std::string added_json(const std::string& submission, std::size_t requested, std::size_t added);
std::string added_text(const std::string& submission, std::size_t requested, std::size_t added);
// `link remove`.
std::string removed_json(const std::string& submission, const std::string& target);
std::string removed_text(const std::string& submission, const std::string& target);
// `link list`.
std::string links_json(const std::vector<submissions::Link>& links);
std::string links_text(const std::vector<submissions::Link>& links);

// ---- report ----
// `format`: "table", "csv" (UTF-8 with a byte-order mark and CRLF line ends, so Excel opens it
// with Chinese intact), "json" or "md". REQUIRES: one of these.
std::string format_report(const submissions::Report& report, const std::string& format);

}  // namespace provisio::output
