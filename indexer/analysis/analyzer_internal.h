// Analyzer's private types, shared by analyzer.cc (indexing) and analyzer_query.cc (queries).
// Not part of the interface.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analyzer.h"

namespace provisio {

// One piece of a lexed query.
struct Analyzer::QueryItem {
  enum Kind { kSyntax, kMark, kWord, kHanWord, kPhrase, kField } kind = kSyntax;
  std::string out;          // the text QueryParser reads
  std::string key;          // concept-matching key: lower-case word or folded Chinese word
  std::string stem;         // for plain English words: their stem (matches other forms)
  bool expandable = false;  // plain text, outside quotes, field values and negations
  // What excludes it: a '-' mark before it, or NOT. A negated word or phrase that names a glossary
  // concept excludes the concept's other forms too, so that NOT keeps its meaning in every language.
  enum Negation { kNone, kHate, kNot } negation = kNone;
  std::string phrase_text;  // a kPhrase's words as typed, without the quotes (to recognise a concept)
  int run = -1;             // which token written without spaces (檢測認證, 3C認證, 第58條) it belongs to
  std::string run_phrase;   // on the first item of a token of two items or more: the token as a phrase
  std::size_t begin = 0, end = 0;  // the characters of the query it came from
  std::string han;          // a kHanWord's folded characters (for the token's bigrams)

  static QueryItem make(Kind kind, std::string out, std::string key = "", std::string stem = "") {
    QueryItem item;
    item.kind = kind;
    item.out = std::move(out);
    item.key = std::move(key);
    item.stem = std::move(stem);
    return item;
  }
};

// A form of a glossary concept: its keys (to recognise it in a query) and the query it expands to.
struct Analyzer::ConceptForm {
  std::size_t concept_index = 0;
  std::vector<std::string> keys;
  std::vector<std::string> stems;
  Xapian::Query query;
};

class Analyzer::ExpansionProcessor : public Xapian::FieldProcessor {
 public:
  explicit ExpansionProcessor(const std::vector<Xapian::Query>& expansions) : expansions_(expansions) {}
  Xapian::Query operator()(const std::string& value) override {
    std::size_t index = 0;
    for (char c : value) {
      if (c < '0' || c > '9') return Xapian::Query();
      index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return index < expansions_.size() ? expansions_[index] : Xapian::Query();
  }

 private:
  const std::vector<Xapian::Query>& expansions_;
};

}  // namespace provisio
