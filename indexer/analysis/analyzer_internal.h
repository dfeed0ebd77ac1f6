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
//
// Analysing a Chinese form means segmenting it (ICU's dictionary, then the lexicon), which for the
// whole glossary was most of a short search's time; so forms are analysed only when a query may
// name them. A form's query holds every Chinese character of the form, so two forms that expand to
// the same query have the same Chinese characters: the forms of a concept with the same set of
// them (a "group") are analysed together, in order, and the first of equal queries is kept, as
// when every form was analysed up front.
struct Analyzer::ConceptForm {
  std::size_t concept_index = 0;
  std::string text;  // as the glossary writes it
  // Its folded Chinese characters, sorted and unique.
  std::vector<std::string> han;
  // Words, spaces and Chinese characters only (no quotes, marks or fields): each Chinese character
  // then lies in one of its keys, so only a query holding all of them may name the form. Other
  // forms, and forms without Chinese, are analysed with the first query expanded.
  bool plain = true;
  bool analysed = false;
  // Analysed, with keys and a query, and no earlier kept form of its concept expands to the same
  // query: the forms a query is matched against.
  bool kept = false;
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
