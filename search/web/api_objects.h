// What the server does, as the JSON objects of its API. Each object is the one the CLI's --json
// prints for the same request, made by the same formatter of the output library (search/output),
// so scripts can move between the two; the pages are rendered from these same objects, so a page
// shows what the CLI shows. test_web compares the API's objects with the CLI's output.
//
// Expected failures throw HttpError with a status and the CLI's one-line message (without its
// "provisio: " prefix). Functions are thread-safe as long as each thread has its own readers and
// store (IndexPool, one Store per request).
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "index_pool.h"
#include "report.h"
#include "store.h"

namespace provisio::web {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// The options of `provisio search`, as strings from a URL.
struct SearchRequest {
  std::string query, lang, as_of, script = "as-written";
  std::vector<std::string> instruments, topics;
  std::size_t limit = 10, offset = 0;
  bool all_versions = false, facets = false, parallel = false;
};

// `provisio search --json`. 400 for a bad date or an unreadable query.
nlohmann::json search(IndexReaders& readers, const SearchRequest& request);
// `provisio show --json ID [--lang L] [--as-of D]` (lang "all" by default). 404 for an unknown id.
// `script` "hans" shows Chinese in Simplified only, as the search's `script` does for hits.
nlohmann::json provision(IndexReaders& readers, const std::string& id, const std::string& lang,
                         const std::string& as_of, const std::string& script = "as-written");
// `provisio diff --json ID [--from D] [--to D] --lang L`; {"id", "lang", "single": true, ...} when
// the provision has one version (the CLI says so in a sentence).
nlohmann::json diff(IndexReaders& readers, const std::string& id, const std::string& from, const std::string& to,
                    const std::string& lang);

// `provisio history --json ID [--lang L]`: the provision's commitment line, or {"id", "line": null,
// ...} (output::no_line_json) when it is on none. 404 for an unknown id.
nlohmann::json history(IndexReaders& readers, const std::string& id, const std::string& lang);

// `provisio submission list --json`.
nlohmann::json submission_list(submissions::Store& store);
// `provisio submission show --json ID`, plus "history": every link ever made (as `link list
// --history --json`). 404 for an unknown id.
nlohmann::json submission_show(submissions::Store& store, const std::string& id);

// One uploaded file.
struct Upload {
  std::string file_name, bytes;
};
// `provisio submission add --json`: every file read first (the same readers and messages), one
// unreadable and nothing is filed (400 with one line per file); one transaction for the batch.
nlohmann::json submission_add(submissions::Store& store, const std::vector<Upload>& files, const std::string& from,
                              const std::string& received, const std::string& user);

// `provisio link suggest --json ID --limit N`.
nlohmann::json link_suggest(IndexReaders& readers, submissions::Store& store, const std::string& submission,
                            std::size_t limit);
// `provisio link accept --json ID --top N`. With `only` (the pages' per-suggestion Accept), the
// suggestions among the top kAcceptFrom with those ids instead; 400 if one is not among them.
// As on the command line, the links are made for every member of the submission's campaign
// ("campaign" in the result, null when it is in none) unless `only_this`.
inline constexpr std::size_t kAcceptFrom = 20;
nlohmann::json link_accept(IndexReaders& readers, submissions::Store& store, const std::string& submission,
                           std::size_t top, const std::string& note, const std::string& user,
                           const std::vector<std::string>& only = {}, bool only_this = false);
// `provisio link add --json ID TARGET...`; 400 naming the unknown ids, nothing added. Made for
// every member of the submission's campaign unless `only_this`, as link_accept().
nlohmann::json link_add(IndexReaders& readers, submissions::Store& store, const std::string& submission,
                        const std::vector<std::string>& targets, const std::string& note, const std::string& user,
                        bool only_this = false);
// `provisio link remove --json ID TARGET`; 404 when there is no such active link.
nlohmann::json link_remove(submissions::Store& store, const std::string& submission, const std::string& target,
                           const std::string& note, const std::string& user);
// `provisio link list --json` with its filters.
nlohmann::json link_list(submissions::Store& store, const submissions::LinkFilter& filter);

// `provisio report --by B --lang L`: the report data; format_report() gives every CLI format.
submissions::Report report(IndexReaders& readers, submissions::Store& store, const std::string& by,
                           const std::string& lang);

// The languages the CLI accepts for --lang.
bool known_lang(const std::string& lang);

}  // namespace provisio::web
