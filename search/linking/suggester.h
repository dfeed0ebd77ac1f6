// Suggesting the provisions and consultation questions a submission bears on.
//
// Ranking ("more like this", measured with `make eval-link`):
// 1. The submission is cut into index terms by the Analyzer (English stems, Chinese bigrams). The
//    salient ones (tf × idf against the provisions index, top kMaxTerms) form an OR query, each
//    weighted by how often the submission uses it.
// 2. Every concept the submission names (concepts.h) adds its *other* names (those the submission
//    does not use: mostly the other language's) as phrases, and a fixed bonus for provisions
//    carrying the concept's topic. This is what carries a Chinese submission to English-only
//    provisions and back; adding the names the submission already uses only doubled their weight
//    and measured worse.
// 3. BM25 ranks provision documents; hits are collapsed to one per provision (any version, any
//    language), so a provision's display language never decides whether it is found.
// Each suggestion explains itself: the submission's words that matched, the concepts, and a snippet
// of the submission and of the provision.
//
// Not thread-safe: use one LinkSuggester per thread.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "concepts.h"

namespace provisio::submissions {

struct Suggestion {
  std::string id;    // provision id
  std::string kind;  // "question" (topic "consultation") or "provision"
  double score = 0;
  std::string heading, citation, lang;
  std::vector<std::string> matched_words;     // as written in the submission
  std::vector<const Concept*> concepts;       // named by the submission and carried by the provision
  std::string submission_snippet, provision_snippet;
};

// The ranking's knobs. The defaults are the best measured by `make eval-link` (README).
struct SuggestTuning {
  std::size_t max_terms = 40;  // salient submission terms in the query
  double concept_boost = 1.0;  // weight of a named concept's names (0 = concepts off)
  double topic_bonus = 3.0;    // fixed weight for provisions under a named concept's topic (0 = off)
  std::size_t feedback_docs = 0;   // pseudo-relevance feedback from the top N provisions (0 = off)
  Xapian::termcount feedback_terms = 20;  // expand-set terms added
  double feedback_weight = 0.3;    // their weight
};

// The longest submission text a suggestion reads, in characters (code points): about 40 pages.
// Suggesting costs time in proportion to the text (a 1 MB submission took 19 s and 170 MB), and
// what a submission bears on shows long before its 40th page; suggest() reads the first
// kMaxSuggestCharacters characters of a longer text and ignores the rest.
constexpr std::size_t kMaxSuggestCharacters = 100000;

// The part of `text` that suggest() reads: all of it, or its first kMaxSuggestCharacters
// characters (never cutting a UTF-8 sequence).
std::string_view suggestion_input(std::string_view text);

class LinkSuggester {
 public:
  // Opens the provisions index at `db_path` (read-only). Throws SearchError if there is none.
  explicit LinkSuggester(const std::string& db_path, SuggestTuning tuning = {});

  // Up to `limit` suggestions for a submission whose text is `text`, best first, from
  // suggestion_input(text) only.
  std::vector<Suggestion> suggest(const std::string& text, std::size_t limit);

  // Whether `id` is a provision of the index, and its kind ("provision" or "question").
  bool provision_exists(const std::string& id);
  std::string kind_of(const std::string& id);
  // Heading and topics of a provision in the given language (falling back to any), for reports.
  struct ProvisionInfo {
    std::string heading, citation;
    std::vector<std::string> topics;
  };
  ProvisionInfo info(const std::string& id, const std::string& lang = "en");
  // Every question of the index (provisions with topic "consultation"), sorted by id.
  std::vector<std::string> questions();
  const Xapian::Database& database() const { return db_; }

  // Moves to the latest revision of the index committed since it was opened (see Searcher::reopen).
  bool reopen() { return db_.reopen(); }

 private:
  Xapian::Database db_;
  Analyzer analyzer_;
  SuggestTuning tuning_;
};

}  // namespace provisio::submissions
