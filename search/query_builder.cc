#include "query_builder.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <regex>

#include "citation.h"
#include "corpus.h"
#include "schema.h"
#include "searcher.h"

namespace provisio {

namespace {

// Errors found by field processors while Xapian parses; reported once parsing is over, so no
// exception has to travel through Xapian's parser.
using Errors = std::vector<std::string>;

// What a field processor returns for a value it rejects (the error it records stops the search).
// Not Query::MatchNothing: that is a null query, and Xapian 1.4.22's parser dereferences it when
// the field stands in a negated group after another negation (`-r -(-cite:u)` crashed, found by
// fuzz_query). A term no document holds matches nothing as well.
Xapian::Query rejected_value() { return Xapian::Query(std::string("\x01rejected")); }

// instrument:, topic:, lang: — a boolean filter on one term, after checking the value exists.
// The allowed values are fetched only when the field is used: listing a large index's instruments
// for every query cost more than the rest of building it.
class TermFieldProcessor : public Xapian::FieldProcessor {
 public:
  using Values = std::function<std::vector<std::string>()>;
  TermFieldProcessor(std::string field, std::string_view prefix, Values allowed, Errors& errors)
      : field_(std::move(field)), prefix_(prefix), allowed_(std::move(allowed)), errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    if (!fetched_) {
      values_ = allowed_();
      fetched_ = true;
    }
    try {
      QueryBuilder::require_known(field_, value, field_ + ":" + value, values_);
    } catch (const SearchError& e) {
      errors_.push_back(e.what());
      return rejected_value();
    }
    return Xapian::Query(prefix_ + value);
  }

 private:
  std::string field_;
  std::string prefix_;
  Values allowed_;
  bool fetched_ = false;
  std::vector<std::string> values_;
  Errors& errors_;
};

// cite: and art: — every citation key of the value must be among the provision's.
class CitationFieldProcessor : public Xapian::FieldProcessor {
 public:
  CitationFieldProcessor(std::string field, Errors& errors) : field_(std::move(field)), errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    auto keys = citation_keys(value);
    if (keys.empty()) {
      errors_.push_back("cannot read the citation in " + field_ + ":" + value +
                        " (try cite:\"Article 58\", cite:\"Annex 1 Table 2\", cite:第五十八條 or art:58)");
      return rejected_value();
    }
    std::vector<Xapian::Query> terms;
    for (const auto& k : keys) terms.emplace_back(schema::prefixed(schema::kCitationTerm, k));
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }

 private:
  std::string field_;
  Errors& errors_;
};

// year: — versions that took effect in that year (year:2019) or span of years (year:2016..2019):
// the "year" facet's values (facets.h), so a facet count can be clicked or typed as a filter.
class YearFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit YearFieldProcessor(Errors& errors) : errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    auto is_year = [](std::string_view y) {
      return y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::size_t dots = value.find("..");
    std::string first = value.substr(0, dots), last = dots == std::string::npos ? first : value.substr(dots + 2);
    if (!is_year(first) || !is_year(last) || last < first) {
      errors_.push_back("cannot read the year in year:" + value + " (try year:2019 or year:2016..2019)");
      return rejected_value();
    }
    // Value keys are YYYYMMDD (schema.h), so a year is the keys from YYYY0101 to YYYY1231.
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kEffectiveFromSlot, first + "0101", last + "1231");
  }

 private:
  Errors& errors_;
};

// Replaces typographic and CJK quotation marks by ASCII ones: staff type 「強制性產品認證」.
std::string ascii_quotes(const std::string& text) {
  static const char* const kMarks[] = {"“", "”", "「", "」", "『", "』", "＂"};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const char* mark : kMarks) {
      std::size_t n = std::strlen(mark);
      if (text.compare(i, n, mark) == 0) {
        out += '"';
        i += n;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

// Closes an unbalanced quote and balances parentheses (outside quotes), noting each repair.
std::string repair(const std::string& text, std::vector<std::string>& notes) {
  std::string out;
  bool in_quotes = false;
  int depth = 0;
  bool dropped_close = false;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (!in_quotes && c == '(') ++depth;
    if (!in_quotes && c == ')') {
      if (depth == 0) {
        dropped_close = true;
        continue;
      }
      --depth;
    }
    out += c;
  }
  if (in_quotes) {
    out += '"';
    notes.push_back("unbalanced quote: read as if closed at the end of the query");
  }
  if (dropped_close) notes.push_back("unmatched ')' ignored");
  if (depth > 0) {
    out.append(static_cast<std::size_t>(depth), ')');
    notes.push_back("unclosed '(' closed at the end of the query");
  }
  return out;
}

// Outside quotes, stopwords are searched by their stems, which are never indexed: a query of
// stopwords only ("the of and") would find nothing and look like an answer.
void require_searchable_words(const Xapian::Query& query, const std::string& raw) {
  const auto& stop = english_stopwords();
  std::string words;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.size() < 2 || term[0] != 'Z' || std::find(stop.begin(), stop.end(), term.substr(1)) == stop.end())
      return;
    words += (words.empty() ? "" : ", ") + term.substr(1);
  }
  if (words.empty()) return;
  throw SearchError("the query '" + raw + "' has only common words (" + words +
                    "), which are not searched on their own; put them in quotes to search for the phrase");
}

}  // namespace

const std::vector<std::string>& QueryBuilder::fields() {
  static const std::vector<std::string> f = {"instrument", "topic", "lang", "year", "cite", "art"};
  return f;
}

std::vector<std::string> QueryBuilder::instruments_in(const Xapian::Database& db) {
  std::vector<std::string> ids;
  std::string prefix(schema::kInstrumentTerm);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    ids.push_back((*t).substr(prefix.size()));
  return ids;
}

void QueryBuilder::require_known(const std::string& what, const std::string& value, const std::string& where,
                                 const std::vector<std::string>& known) {
  if (std::find(known.begin(), known.end(), value) != known.end()) return;
  std::string list;
  constexpr std::size_t kShown = 20;
  for (std::size_t i = 0; i < known.size() && i < kShown; ++i) list += (i ? ", " : "") + known[i];
  if (known.size() > kShown) list += ", … " + std::to_string(known.size()) + " in all";
  throw SearchError("unknown " + what + " '" + value + "' in " + where + " (known: " + list + ")");
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, Analyzer& analyzer) : db_(db), analyzer_(analyzer) {}

BuiltQuery QueryBuilder::build(const std::string& raw, Xapian::Query::op default_op) {
  // Checked first: the work below (and Xapian's, with a term or phrase per word) grows faster than
  // the query, and a 4,000-character Chinese query took 19 s.
  std::size_t characters = 0;
  for (unsigned char c : raw) characters += (c & 0xC0) != 0x80;
  if (characters > kMaxQueryCharacters)
    throw SearchError("the query is too long: " + std::to_string(characters) + " characters (at most " +
                      std::to_string(kMaxQueryCharacters) + ")");
  BuiltQuery built;
  std::string text = repair(ascii_quotes(raw), built.notes);

  // Field names are checked and free-text words collected here; the analyser passes field:value
  // expressions to the parser as typed (a CJK value such as cite:第五十八條 must reach its field
  // processor whole) and analyses only the free text between them.
  static const std::regex kField(R"re((^|[\s(+\-])([A-Za-z][A-Za-z_-]*):("[^"]*"|[^\s()"]+))re");
  std::size_t at = 0;
  bool in_quotes = false;
  auto free_text = [&](std::size_t from, std::size_t to) {
    std::string piece = text.substr(from, to - from);
    static const std::regex kWord(R"([A-Za-z][A-Za-z'-]+)");
    for (std::sregex_iterator w(piece.begin(), piece.end(), kWord), end; w != end; ++w)
      built.words.push_back(w->str());
  };
  for (std::sregex_iterator it(text.begin(), text.end(), kField), end; it != end; ++it) {
    std::size_t start = static_cast<std::size_t>(it->position(2));
    // A colon inside a quoted phrase is just text.
    for (std::size_t i = at; i < start; ++i) in_quotes ^= text[i] == '"';
    if (in_quotes) continue;
    std::string field = (*it)[2].str();
    if (std::find(fields().begin(), fields().end(), field) == fields().end()) {
      std::string known;
      for (const auto& f : fields()) known += (known.empty() ? "" : ", ") + f + ":";
      throw SearchError("unknown field '" + field + ":' in the query (known fields: " + known + ")");
    }
    free_text(at, start);
    at = static_cast<std::size_t>(it->position(0) + it->length(0));
  }
  free_text(at, text.size());

  Errors errors;
  Xapian::QueryParser qp;
  qp.set_database(db_);
  analyzer_.configure_query_parser(qp);
  qp.set_default_op(default_op);
  qp.add_boolean_prefix("instrument",
                        (new TermFieldProcessor("instrument", schema::kInstrumentTerm,
                                                [this] { return QueryBuilder::instruments_in(db_); }, errors))->release());
  qp.add_boolean_prefix("topic", (new TermFieldProcessor("topic", schema::kTopicTerm, known_topics, errors))->release());
  qp.add_boolean_prefix("lang", (new TermFieldProcessor("lang", schema::kLanguageTerm, [] { return kLanguages; }, errors))->release());
  qp.add_boolean_prefix("year", (new YearFieldProcessor(errors))->release());
  qp.add_boolean_prefix("cite", (new CitationFieldProcessor("cite", errors))->release());
  qp.add_boolean_prefix("art", (new CitationFieldProcessor("art", errors))->release());
  try {
    // The analyser also expands glossary concepts (CCC = 3C = 強制性產品認證) at a lower weight.
    built.query = analyzer_.parse_query(qp, text, Xapian::QueryParser::FLAG_DEFAULT |
                                                      Xapian::QueryParser::FLAG_PURE_NOT);
  } catch (const Xapian::QueryParserError& e) {
    throw SearchError("cannot read the query '" + raw + "': " + e.get_msg());
  }
  if (!errors.empty()) throw SearchError(errors.front());
  built.concepts = analyzer_.expanded_concepts();
  if (built.query.empty()) throw SearchError("the query '" + raw + "' has no words to search for");
  require_searchable_words(built.query, raw);
  return built;
}

}  // namespace provisio
