// `provisio search --type submission`: the submissions' side of search.
#include <iostream>

#include "search_output.h"
#include "store.h"
#include "submission_index.h"
#include "submission_support.h"

namespace provisio::cli {

int run_submission_search(const std::string& query, const std::string& store_opt, std::size_t limit,
                          std::size_t offset, bool json, const Terminal& t) {
  submissions::Store store(store_path(store_opt));
  auto r = submissions::search_submissions(store, query, limit, offset);
  if (!r.note.empty()) std::cerr << "provisio: " << r.note << "\n";
  std::cout << (json ? output::submission_search_json(r) : output::submission_search_text(r, t.style()));
  return 0;
}

}  // namespace provisio::cli
