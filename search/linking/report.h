// Reports on the links: for each provision, consultation question or topic, the submissions linked
// to it, with counts. This is the data; output::format_report (search/output) shows it as a table,
// CSV, JSON or Markdown.
//
// Thread-safe (pure functions over their arguments).
#pragma once

#include <string>
#include <vector>

#include "store.h"
#include "suggester.h"

namespace provisio::submissions {

struct ReportRow {
  std::string key;      // provision id, question id or topic
  std::string kind;     // "provision", "question" or "topic"
  std::string heading;  // provision heading, or "" for topics
  struct Entry {
    std::string submission, sender, received;
  };
  std::vector<Entry> submissions;  // linked, active links only, in filing order, each once
};

struct Report {
  std::string by;  // "provision", "question" or "topic"
  std::vector<ReportRow> rows;
  std::size_t submissions_total = 0;  // submissions in the store
};

// by "provision": every linked target (provisions and questions), most-linked first;
// by "question": every consultation question of the index, linked or not, in id order;
// by "topic": every topic of the linked targets, a submission counted once per topic.
// Headings in `lang` where the index has it. REQUIRES: by is one of the three.
Report build_report(Store& store, LinkSuggester& index, const std::string& by, const std::string& lang);

}  // namespace provisio::submissions
