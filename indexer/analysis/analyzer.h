// The one place that decides what a term is, for documents and queries alike.
//
// Pipeline: TextFolder (NFKC, Traditional -> Simplified, per character with original offsets) ->
// Tokenizer (tokenizer.h): Chinese runs to the Segmenter, the rest split by its own rules (no TermGenerator).
//
// Terms of a Chinese run (see README "Index layout"):
//   - overlapping character bigrams with positions (a one-character run: the character), so phrase
//     search works and no segmentation can make a query miss;
//   - every character alone, so one-character queries work; without positions, except the first
//     and last characters of a run, which share the positions of the first and last bigrams so
//     that a phrase reaching into the run from a neighbouring token (第58條) matches;
//   - every word of the segmentation as "Z" + word, without positions: the ranked form, like the
//     English stems, so a provision holding the query's words ranks above one holding only the
//     same bigrams.
// Everything else: words as the one Tokenizer (tokenizer.h) splits them (AT&T, C++, 1,000.5,
// don't and C.C.C. stay whole): unstemmed lower-case words with positions (exact and phrase
// matches) and "Z" + English Snowball stem without positions. English stopwords are indexed
// (phrases need them) but get no stem term and are dropped from queries outside phrases.
//
// Query side: prepare_query() rewrites a user's query so that Xapian::QueryParser (no CJK flag;
// stemming STEM_SOME with stemmer(), stopper english_stopwords()) produces exactly those terms and
// keeps its own syntax (quotes, AND/OR/NOT, parentheses, +/-). `field:value` expressions are left
// exactly as typed. parse_query() does the same and also expands glossary concepts across
// languages and scripts, at a lower weight than the words typed.
//
// Not thread-safe: use one Analyzer per thread. The lexicon and glossary are shared, read-only.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary.h"
#include "segmenter.h"
#include "text_folder.h"
#include "tokenizer.h"

namespace provisio {

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Starts a new document: following index_text() calls add terms to `doc` from position 1 on.
  void begin_document(Xapian::Document& doc);
  // Adds the terms of `text` to the current document, each with within-document frequency
  // `wdf_inc` per occurrence. Positions continue after the previous call. Invalid UTF-8 is indexed
  // as U+FFFD and counted in invalid_utf8().
  // REQUIRES: begin_document() was called.
  void index_text(std::string_view text, Xapian::termcount wdf_inc = 1);
  // Leaves a gap in positions so that phrases never match across two fields.
  void end_field();
  // Ends the current document: the analyser forgets it. Call it before the document leaves this
  // thread. The analyser keeps only a plain pointer (never a Xapian::Document handle: handles share
  // a reference count that is not atomic in Xapian 1.4, so a handle kept here while the index
  // writer's thread copies or destroys the document would be a data race).
  void end_document();
  // Invalid UTF-8 sequences met by the last index_text(), tokenize(), analyze() or segment_line() call.
  std::size_t invalid_utf8() const { return invalid_; }

  // The query as Xapian::QueryParser should read it (see the header comment). No glossary expansion.
  std::string prepare_query(std::string_view query);

  // Parses `query` with `qp` (configured by the caller: database, stemmer, stopper, default op)
  // after prepare_query()'s rewriting, expanding every glossary concept the query names outside
  // quotes, field:value expressions and negations into its other forms (other languages, scripts,
  // abbreviations, regional wording), weighted below the literal words. An excluded word or quoted
  // phrase (NOT w, -w, -"a b") that names a concept excludes all the concept's forms, so NOT keeps
  // its meaning in every language; a query of '-' exclusions only is read as NOT (FLAG_PURE_NOT
  // must be set for it to match anything). Registers a field
  // processor named kGlossaryField on `qp`. Throws Xapian::QueryParserError like parse_query().
  Xapian::Query parse_query(Xapian::QueryParser& qp, std::string_view query,
                            unsigned flags = Xapian::QueryParser::FLAG_DEFAULT);
  static constexpr const char* kGlossaryField = "xprovisioglossary";
  // The ids of the glossary concepts the last parse_query() expanded (not those only excluded), in
  // query order, each once: what the query is about (ranking's topic boosts).
  const std::vector<std::string>& expanded_concepts() const { return expanded_concepts_; }
  // Gives `qp` the stemmer, stemming strategy and stopper that match how documents are indexed.
  // `qp` keeps a pointer to this analyser's stopper: the analyser must outlive its use.
  void configure_query_parser(Xapian::QueryParser& qp) const;
  // Weight of an expanded concept relative to the words typed.
  static constexpr double kExpansionWeight = 0.4;

  // The words, Chinese bigrams, characters and Chinese words of a text, with where each lies in
  // the original bytes: exactly the terms index_text() gives it (same tokenizer). Used to
  // highlight matches in snippets and to pick a submission's salient terms.
  using Token = provisio::Token;
  std::vector<Token> tokenize(std::string_view text);

  // The terms index_text() gives `text`, one per line as "position term" (positional terms) or
  // "- term" (terms without positions), in position order then term order: `provisio analyze`.
  std::vector<std::string> analyze(std::string_view text);

  // The words of a line as a word-segmentation scorer reads them: the original characters, words
  // separated by single spaces (`provisio segment`).
  std::string segment_line(std::string_view line, Segmenter::Mode mode = Segmenter::Mode::kFull);

  // The English stemmer shared by indexing, querying and highlighting.
  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  struct QueryItem;
  struct ConceptForm;
  std::vector<QueryItem> lex_query(std::string_view query);
  std::string rewrite(std::string_view query, bool expand);
  void load_concepts();
  Xapian::Query form_query(std::string_view form);
  // The words of `text` as concept-matching keys (lower-case words, folded Chinese words).
  std::vector<std::string> keys_of(std::string_view text);
  // The folded characters chars[begin, end) as QueryParser should read them: words longer than
  // the tokenizer keeps are cut as it cuts them.
  std::string query_text(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end);

  TextFolder folder_;
  Segmenter segmenter_;
  Xapian::Stem stemmer_;
  std::unique_ptr<Xapian::Stopper> stopper_;
  Tokenizer tokenizer_;
  Xapian::Document* doc_ = nullptr;
  Xapian::termpos pos_ = 0;  // the last position used in the current document
  std::vector<Token> tokens_;  // scratch space for index_text()
  std::size_t invalid_ = 0;
  std::u32string run_;
  std::vector<std::size_t> lengths_;

  // Query side: glossary forms as keys, and the expansions of the query being parsed.
  std::vector<ConceptForm> forms_;
  bool concepts_loaded_ = false;
  std::vector<Xapian::Query> expansions_;
  std::vector<std::string> expanded_concepts_;
  // The last query parse_query() rewrote and what it became: a search parses the same query twice
  // (every word, then any word), and the rewrite (analysing the query and the glossary forms it may
  // name) was most of a one-off search's analysis. Cleared by any other rewrite, which replaces
  // expansions_.
  std::optional<std::pair<std::string, std::string>> last_rewrite_;
  class ExpansionProcessor;
  std::unique_ptr<ExpansionProcessor> processor_;
};

// A short English stopword list: dropped from queries (except inside phrases), indexed without stems.
const std::vector<std::string>& english_stopwords();

}  // namespace provisio
