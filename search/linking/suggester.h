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
// Time (issue 16): given the submission's date (the day it was written or received), only provision
// versions that could be meant then take part: those in force on that day or taking effect within
// a year (kAnnouncedWithinYears) after it (signed but not yet in force: Supplement VII was signed in May 2010
// and took effect in January 2011; the Exchange of Letters of December 2018 in March 2019). A
// provision all of whose matching versions had ended by then still counts, at
// SuggestTuning::ended_weight (letters recall past measures). Each suggestion then says which
// version it means (`then`) and, when that differs, what holds today (`now`): the provision's
// version in force today, or the member of its commitment line in force today.
//
// Not thread-safe: use one LinkSuggester per thread.
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "concepts.h"
#include "date.h"
#include "history.h"

namespace provisio::submissions {

// One version of a provision, as a suggestion shows it against the submission's date.
struct VersionAt {
  std::string id;       // the provision (for `now`, possibly a later member of its line)
  std::string from;     // YYYY-MM-DD
  std::string to;       // first day no longer in force; "" while in force
  std::string heading;  // in the suggestion's language where the version has it
};

struct Suggestion {
  std::string id;    // provision id
  std::string kind;  // "question" (topic "consultation") or "provision"
  double score = 0;  // BM25 weight of the query on the provision (README, "Scores")
  // True for the consultation's "other views" question offered because the letter is about T&C
  // (it names glossary concepts, listed in `matched_words`) but no provision reaches the minimum.
  bool other_views = false;
  std::string heading, citation, lang;
  std::vector<std::string> matched_words;     // as written in the submission
  std::vector<const Concept*> concepts;       // named by the submission and carried by the provision
  std::string submission_snippet, provision_snippet;
  // With a submission date: the version meant on that day, and what holds today when that is a
  // different version or provision (`now` is absent when the same; its id and heading are empty
  // when nothing of the line is in force today, and `to` then says when it ended).
  std::optional<VersionAt> then, now;
};

// The ranking's knobs. The defaults are the best measured by `make eval-link` (README).
struct SuggestTuning {
  std::size_t max_terms = 40;  // salient submission terms in the query
  double concept_boost = 1.0;  // weight of a named concept's names (0 = concepts off)
  double topic_bonus = 3.0;    // fixed weight for provisions under a named concept's topic (0 = off)
  std::size_t feedback_docs = 0;   // pseudo-relevance feedback from the top N provisions (0 = off)
  Xapian::termcount feedback_terms = 20;  // expand-set terms added
  double feedback_weight = 0.3;    // their weight
  // Suggestions scoring below this are left out, so an off-topic letter gets none. On the samples
  // of tests/linking the lowest-scoring right link scores 28.2 and an off-topic letter (a canteen
  // menu and a broken lift) at most 27.5 (README, "Scores").
  double min_score = 28;
  bool other_views = true;  // offer the "other views" question to a T&C letter nothing else fits
  // With a submission date: the weight of a provision whose matching versions had all ended by
  // then, against one in force (or announced) on that day.
  double ended_weight = 0.5;
};

// Versions taking effect less than this many years after a submission's date count as in force for
// it (measures signed and announced, not yet in force).
constexpr int kAnnouncedWithinYears = 1;

// The longest submission text a suggestion reads, in characters (code points): about 40 pages.
// Suggesting costs time in proportion to the text (a 1 MB submission took 19 s and 170 MB), and
// what a submission bears on shows long before its 40th page; suggest() reads the first
// kMaxSuggestCharacters characters of a longer text and ignores the rest.
constexpr std::size_t kMaxSuggestCharacters = 100000;

// The part of `text` that suggest() reads: all of it, or its first kMaxSuggestCharacters
// characters (never cutting a UTF-8 sequence).
std::string_view suggestion_input(std::string_view text);

// The consultation questions that collect views fitting no other question: those whose id ends
// in "/other" (hkctc-views-2019/other).
bool is_other_views_question(const std::string& id);

// Whether `word` (a lower-case word term) is a function word: a stopword, an auxiliary, a
// quantifier or a generic verb such as "include". Such words are left out of the query and of
// the reasons given.
bool is_function_word(const std::string& word);

class LinkSuggester {
 public:
  // Opens the provisions index at `db_path` (read-only). Throws SearchError if there is none.
  explicit LinkSuggester(const std::string& db_path, SuggestTuning tuning = {});

  // Up to `limit` suggestions for a submission whose text is `text`, best first, from
  // suggestion_input(text) only. `written`: the submission's date (see the top of this file);
  // without it every version takes part and no `then`/`now` is given.
  std::vector<Suggestion> suggest(const std::string& text, std::size_t limit,
                                  const std::optional<Date>& written = std::nullopt);

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
  bool reopen() {
    graph_.reset();
    return db_.reopen();
  }

 private:
  // Fills s.now for a suggestion whose s.then is set (see Suggestion).
  void place_in_time(Suggestion& s);
  // The version of provision `id` in force on `day` (shown in `lang` where it can be), or nullopt.
  // `last_end`, when given, receives the latest end date among its versions.
  std::optional<VersionAt> version_in_force(const std::string& id, const std::string& lang, const Date& day,
                                            std::string* last_end);
  // The "other views" suggestions for a letter nothing reaches the minimum for (SuggestTuning).
  std::vector<Suggestion> other_views(const std::string& text);
  // The submission's words behind the `matched` query terms, in text order, each once (see the .cc).
  static std::vector<std::string> why_words(const std::string& text, const std::vector<Analyzer::Token>& tokens,
                                            const std::set<std::string>& matched);
  Xapian::Database db_;
  std::optional<StoredGraph> graph_;  // the corpus graph (commitment lines), read when first needed
  Analyzer analyzer_;
  SuggestTuning tuning_;
};

}  // namespace provisio::submissions
