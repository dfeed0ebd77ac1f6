// `provisio search --type submission`: the submissions' side of search.
#include <nlohmann/json.hpp>

#include <iostream>

#include "store.h"
#include "submission_index.h"
#include "submission_support.h"

namespace provisio::cli {

int run_submission_search(const std::string& query, const std::string& store_opt, std::size_t limit,
                          std::size_t offset, bool json, const Terminal& t) {
  submissions::Store store(store_path(store_opt));
  auto r = submissions::search_submissions(store, query, limit, offset);
  if (!r.note.empty()) std::cerr << "provisio: " << r.note << "\n";
  if (json) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : r.hits) {
      nlohmann::json highlights = nlohmann::json::array();
      for (const auto& [b, e] : h.snippet.highlights) highlights.push_back({b, e});
      hits.push_back({{"rank", h.rank}, {"id", h.id}, {"sender", h.sender}, {"received", h.received},
                      {"lang", h.lang}, {"file_name", h.file_name}, {"subject", h.subject},
                      {"score", h.score}, {"snippet", h.snippet.text}, {"snippet_highlights", highlights}});
    }
    std::cout << nlohmann::json{{"query", r.query}, {"type", "submission"}, {"total", r.total}, {"results", hits}}.dump()
              << "\n";
    return 0;
  }
  if (r.hits.empty()) {
    std::cout << "No submission matches \"" << r.query << "\".\n";
    return 0;
  }
  std::cout << r.total << (r.total == 1 ? " submission matches" : " submissions match") << " \"" << r.query << "\"\n\n";
  for (const auto& h : r.hits) {
    std::cout << t.bold() << h.rank << ". " << h.id << t.reset() << "  " << (h.sender.empty() ? "(sender unknown)" : h.sender)
              << (h.received.empty() ? "" : ", " + h.received) << "  " << t.dim() << "[" << h.lang << ", " << h.file_name
              << "]" << t.reset() << "\n";
    if (!h.subject.empty()) std::cout << "   " << h.subject << "\n";
    std::cout << "   " << render_snippet(h.snippet, t.bold(), t.reset()) << "\n\n";
  }
  return 0;
}

}  // namespace provisio::cli
