// The submissions' search index: a Xapian database derived from the store, so that
// `provisio search --type submission` finds submissions with the same analysis as provisions.
//
// It lives beside the store (submission_index_path()) and is never primary data: when it is missing
// or behind the store (the store's id and revision are kept in its metadata) it is rebuilt from the
// store, in one Xapian transaction. Deleting it loses nothing.
//
// Not thread-safe; several processes may search at once, one may rebuild.
#pragma once

#include <string>
#include <vector>

#include "snippet.h"
#include "store.h"

namespace provisio::submissions {

// "<store without extension>.xapian" beside the store file.
std::string submission_index_path(const std::string& store_path);

// Brings the index at `index_path` in line with `store`. Returns false (leaving the index as it
// was) when another process is writing it at the moment.
bool sync_submission_index(Store& store, const std::string& index_path);

struct SubmissionHit {
  std::size_t rank = 0;  // 1-based, counting from the first result overall
  std::string id, sender, received, lang, file_name, subject;
  double score = 0;
  Snippet snippet;
};

struct SubmissionSearchResult {
  std::string query;
  std::size_t total = 0;
  std::vector<SubmissionHit> hits;
  std::string note;  // set when the query was relaxed to any of its words
};

// Searches the submissions of `store` (syncing the index first). The query language is that of
// provision search (words, "phrases", AND/OR/NOT, +/-). Throws SearchError (searcher.h) for an
// empty or unreadable query.
SubmissionSearchResult search_submissions(Store& store, const std::string& query, std::size_t limit,
                                          std::size_t offset);

}  // namespace provisio::submissions
