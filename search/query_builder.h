// Turns what a user typed into a Xapian query: the query language of `provisio search`.
//
//   words                 all must occur (the caller may relax to any of them)
//   "a phrase"            in order; Chinese phrases too; 「…」 and “…” count as quotes
//   AND OR NOT -w +w ( )  Xapian's boolean syntax; an exclusion also excludes the other forms of a
//                         glossary concept (NOT testing: 檢測 too), and "-w" alone means "all but w"
//   instrument:ID         only that instrument        topic:T   only that topic
//   lang:en|zh-Hant|zh-Hans  only documents in that language
//   year:2019, year:2016..2019  only versions that took effect in that year (the "year" facet)
//   cite:"Article 58"     provisions whose citation has those parts (any language: cite:第五十八條;
//                         cite:"Article 68(v)" = cite:第六十八條第（五）項, the item only;
//                         cite:1.F.e = cite:"sector 1.F.e", a sector of the services schedules)
//   art:58                the same as cite:"Article 58"
//
// Mistakes are either repaired, with a note saying how the query was read (an unbalanced quote or
// parenthesis), or rejected with a SearchError naming the problem (an unknown field, topic,
// language or instrument; an unreadable citation or year; a query with no words; a query longer than
// kMaxQueryCharacters).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "analyzer.h"

namespace provisio {

struct BuiltQuery {
  Xapian::Query query;
  std::vector<std::string> notes;  // how a malformed query was repaired, for stderr
  std::vector<std::string> words;  // the free-text words typed (not fields), for spelling help
  std::vector<std::string> concepts;  // the glossary concepts expanded (Analyzer::expanded_concepts)
};

// The longest query accepted, in characters (code points): a few sentences. Longer text is not a
// query but a document (use `provisio link suggest` for that), and costs time that grows faster
// than its length.
constexpr std::size_t kMaxQueryCharacters = 500;

class QueryBuilder {
 public:
  // `db` and `analyzer` must outlive the builder.
  QueryBuilder(const Xapian::Database& db, Analyzer& analyzer);

  // Throws SearchError (searcher.h) for a query that cannot be read.
  BuiltQuery build(const std::string& text, Xapian::Query::op default_op);

  // The field names understood before a colon.
  static const std::vector<std::string>& fields();

  // The instruments in the index: the allowed values of instrument: and --instrument.
  static std::vector<std::string> instruments_in(const Xapian::Database& db);
  // Throws SearchError "unknown <what> '<value>' in <where> (known: …)" when `value` is not in `known`.
  static void require_known(const std::string& what, const std::string& value, const std::string& where,
                            const std::vector<std::string>& known);

 private:
  const Xapian::Database& db_;
  Analyzer& analyzer_;
};

}  // namespace provisio
