// Searching a Provisio database and reading provisions back from it.
//
// A Searcher holds an open read-only database and an Analyzer; it is not thread-safe (use one per
// thread). Expected failures (an empty or unreadable query, an unknown id) throw SearchError with a
// message fit for the user; Xapian errors (a corrupt database) are passed on as Xapian::Error.
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "date.h"
#include "facets.h"
#include "negation.h"
#include "snippet.h"
#include "stored_document.h"

namespace provisio {

class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Up to this many matching documents, result totals are counted exactly; beyond it they are
// Xapian's estimates (SearchResult::counts_exact). Counting visits every match: on 301,450 Taiwan
// law articles, where a common word matches most documents, exact counts cost a median of 17 ms
// and a 99th percentile of 260 ms per query (README, "Performance").
inline constexpr unsigned kExactCountLimit = 2000;

struct SearchOptions {
  std::string query;
  std::string lang;                      // display language; "" = the best-matching document's
  std::vector<std::string> instruments;  // any of these (none = all)
  std::vector<std::string> topics;       // any of these (none = all)
  std::size_t limit = 10;
  std::size_t offset = 0;
  Date as_of = Date::today();            // versions in force on this day
  bool all_versions = false;             // every version, not only those in force on as_of
  bool facets = false;                   // count matches by instrument, topic, language, year
  bool parallel = false;                 // also give each hit in the other language (Hit::parallel)
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result overall (offset included)
  std::string id;
  std::string instrument;
  std::string citation;
  std::string heading;
  std::string lang;
  double score = 0;
  Snippet snippet;
  std::vector<std::string> topics;
  std::string effective_from;
  std::optional<std::string> effective_to;
  std::string text_kind;  // "digest" or "official": what the snippet was taken from
  // With SearchOptions::parallel: the same provision version in its other language(s).
  std::vector<Hit> parallel;
  // A version no longer in force on SearchOptions::as_of, shown after the current hits because it
  // matches better than any of them: when it ended (its effective_to) and the instrument that made
  // the version after it ("" when none is recorded or the provision simply ended).
  bool superseded = false;
  std::string superseded_by;
};

struct SearchResult {
  std::string query;
  std::size_t total = 0;     // provisions matching some of the words
  std::size_t complete = 0;  // of those, provisions matching all of them: ranked first
  // Whether `total` and `complete` are counted (true) or Xapian's estimates (false): counting
  // visits every matching document, so it stops at kExactCountLimit matching documents unless
  // facets are asked for (they need every match anyway).
  bool counts_exact = true;
  // Versions in force (or every version), with up to three superseded versions that
  // match better than any in force (Hit::superseded; first page only). A superseded version with
  // every word, of a provision not otherwise listed, stands after the current hits with every
  // word and before those with some; the others follow the current hits.
  std::vector<Hit> hits;
  std::size_t superseded = 0;  // how many of `hits` are superseded versions
  // How the query was read when that differs from what was typed (repaired, relaxed to any word).
  std::vector<std::string> notes;
  // A respelling of the query from the corpus's own vocabulary, when it found little; "" if none.
  std::string suggestion;
  Facets facets;  // filled when SearchOptions::facets
  // What the totals and the facets count: "provisions", or "provision versions" with all_versions.
  std::string unit = "provisions";
};

// The language hits are shown in, one for the whole list: `requested` (--lang) when given; else
// the language of a `lang:` filter in the query; else, for a query with Chinese characters, Chinese: "zh-Hans" when it has more Simplified-only than
// Traditional-only characters (Simplified is converted for display), else "zh-Hant"; else English,
// so an English query that matched a Chinese text through the glossary still reads in English
// where the provision has it. (--parallel adds the other language beside each hit.)
std::string display_language(const std::string& requested, std::string_view query);

// The other languages to give beside a hit in `lang` (SearchOptions::parallel): English beside
// Chinese, and each Chinese script the provision has beside English.
std::vector<std::string> parallel_languages(const std::string& lang);

class Searcher {
 public:
  // Opens the database at `db_path`. Throws SearchError if there is none there.
  explicit Searcher(const std::string& db_path);

  SearchResult search(const SearchOptions& options);

  // Every stored document of provision `id` (all versions, all languages), ordered by effective
  // date then language. Empty if the id is unknown.
  std::vector<StoredDocument> provision_documents(const std::string& id);

  // Up to `n` known provision ids closest to `id` (edit distance, shared prefix), best first.
  std::vector<std::string> nearest_ids(const std::string& id, std::size_t n = 3);

  // Moves to the latest revision committed since the database was opened (a `provisio index` run
  // that changed an existing index). Returns whether anything changed.
  bool reopen();

  Xapian::doccount document_count() const { return db_.get_doccount(); }
  const Xapian::Database& database() const { return db_; }

 private:
  Xapian::Query filters(const SearchOptions& options) const;
  Xapian::Query subject_filters(Xapian::Query dates, const SearchOptions& options) const;
  // `data` in `lang` when the provision version has it there (zh-Hans falls back to zh-Hant).
  StoredDocument in_language(StoredDocument data, const std::string& lang);
  // Up to `room` provisions whose versions ended by options.as_of match `query` with a weight above
  // `best_current` (their best such version each): best first, marked superseded.
  std::vector<Hit> superseded_matches(const Xapian::Query& query, const SearchOptions& options, double best_current,
                                      std::size_t room,
                                      const QueryHighlights& query_terms, const VersionExclusion& exclusion);
  std::string spelling_suggestion(const std::string& query, const std::vector<std::string>& words);
  Hit make_hit(const StoredDocument& data, const QueryHighlights& query_terms);
  // Puts `superseded` (best first) among the first page of current `hits`, of which the first
  // `current_complete` match every word of the query (`all_words`), and numbers them all.
  void place_superseded(std::vector<Hit>& hits, std::vector<Hit> superseded, std::size_t current_complete,
                        const Xapian::Query& all_words);
  // Whether this version of `hit`, in any language, matches `all_words` (the query read with AND).
  bool matches_every_word(const Xapian::Query& all_words, const Hit& hit);
  std::optional<StoredDocument> sibling(const std::string& id, const std::string& from_iso,
                                        const std::string& lang);

  // Instrument id -> kind (ranking::instrument_kinds()), read once per revision: on the Taiwan
  // law corpus it is 11,000 instruments, and parsing them for every query cost milliseconds.
  const std::map<std::string, std::string>& instrument_kinds();

  Xapian::Database db_;
  Analyzer analyzer_;
  std::optional<std::map<std::string, std::string>> instrument_kinds_;
};

}  // namespace provisio
