// The one place that decides what a term is, for documents and queries alike.
//
// Text is folded (TextFolder: NFKC, Traditional -> Simplified) and cut into runs. Runs of Chinese
// characters become overlapping character bigrams carrying positions (a single character stays a
// unigram), so Chinese phrases match and no word segmentation can make a query miss; every
// character is also indexed alone, without positions, so one-character queries work. Everything
// else goes through Xapian's TermGenerator with the English Snowball stemmer: unstemmed words with
// positions (exact and phrase matches) plus "Z"-prefixed stems (ranked matching).
//
// On the query side, prepare_query() rewrites a user's query so that Xapian::QueryParser, which
// knows nothing of our Chinese terms, produces exactly those terms, and keeps its own syntax
// (quotes, AND/OR/NOT, parentheses, +/-) working.
//
// Not thread-safe: use one Analyzer per thread.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "text_folder.h"

namespace provisio {

class Analyzer {
 public:
  Analyzer();

  // Starts a new document: following index_text() calls add terms to `doc` from position 1 on.
  void begin_document(Xapian::Document& doc);
  // Adds the terms of `text` to the current document, each with within-document frequency
  // `wdf_inc` per occurrence. Positions continue after the previous call.
  // REQUIRES: begin_document() was called.
  void index_text(std::string_view text, Xapian::termcount wdf_inc = 1);
  // Leaves a gap in positions so that phrases never match across two fields.
  void end_field();

  // The query as Xapian::QueryParser should read it (see the header comment).
  std::string prepare_query(std::string_view query);

  // A word or Chinese bigram of a text, with where it lies in the original bytes. Used to
  // highlight matches in snippets.
  struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string term;  // the index term (lower-case word, or folded Chinese bigram / character)
    std::string stem;  // "Z" + stem for words; empty for Chinese
  };
  std::vector<Token> tokenize(std::string_view text);

  // The English stemmer shared by indexing, querying and highlighting.
  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  void index_han_run(const std::vector<std::string>& chars, Xapian::termcount wdf_inc);

  TextFolder folder_;
  Xapian::Stem stemmer_;
  Xapian::TermGenerator generator_;
  Xapian::Document* doc_ = nullptr;
};

// A short English stopword list: dropped from queries (except inside phrases), kept in the index.
const std::vector<std::string>& english_stopwords();

}  // namespace provisio
