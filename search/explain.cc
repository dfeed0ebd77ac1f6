#include "explain.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "corpus.h"
#include "glossary.h"
#include "query_builder.h"
#include "ranking.h"
#include "schema.h"

namespace provisio {

namespace {

// The index terms of each glossary form (words, bigrams, stems), computed once per process.
struct FormTerms {
  std::string text;
  std::set<std::string> terms;
};
struct ConceptTerms {
  std::string id;
  std::vector<FormTerms> forms;
};

const std::vector<ConceptTerms>& glossary_terms() {
  static const std::vector<ConceptTerms> all = [] {
    std::vector<ConceptTerms> out;
    Analyzer analyzer;
    for (const auto& c : Glossary::standard()->concepts()) {
      ConceptTerms ct{c.id, {}};
      for (const auto& f : c.forms) {
        FormTerms ft{f.text, {}};
        // The terms a form's query has (Analyzer::form_query): its positional words and bigrams
        // (a Chinese character alone, indexed beside its bigrams, is not among them), and its stem
        // only when it is one word.
        std::set<std::string> stems;
        for (const auto& t : analyzer.tokenize(f.text)) {
          bool lone_han = t.term.size() == 3 && static_cast<unsigned char>(t.term[0]) >= 0xE0;
          if (!t.term.empty() && !lone_han) ft.terms.insert(t.term);
          if (!t.stem.empty()) stems.insert(t.stem);
        }
        if (ft.terms.size() == 1) ft.terms.merge(stems);
        ct.forms.push_back(std::move(ft));
      }
      out.push_back(std::move(ct));
    }
    return out;
  }();
  return all;
}

// The factor of an OP_SCALE_WEIGHT query: Xapian 1.4 has no accessor, but describes it as
// "Query(<factor> * <subquery>)".
double scale_factor(const Xapian::Query& q) {
  std::string d = q.get_description();
  const std::string open = "Query(";
  return d.rfind(open, 0) == 0 ? std::strtod(d.c_str() + open.size(), nullptr) : 1.0;
}

bool is_expansion(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::OP_SCALE_WEIGHT &&
         std::fabs(scale_factor(q) - Analyzer::kExpansionWeight) < 1e-9;
}

void collect_expansions(const Xapian::Query& q, std::vector<Xapian::Query>& out) {
  if (is_expansion(q)) {
    out.push_back(q);
    return;
  }
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) collect_expansions(q.get_subquery(i), out);
}

// Terms reached only through glossary expansions (`expanded`) and the others (`literal`).
void collect_terms(const Xapian::Query& q, bool in_expansion, std::set<std::string>& expanded,
                   std::set<std::string>& literal) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
      (in_expansion ? expanded : literal).insert(*t);
    return;
  }
  bool inside = in_expansion || is_expansion(q);
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) collect_terms(q.get_subquery(i), inside, expanded, literal);
}

std::string term_label(const std::string& term) {
  static const std::pair<std::string_view, const char*> kFields[] = {
      {schema::kInstrumentTerm, "instrument:"}, {schema::kTopicTerm, "topic:"}, {schema::kLanguageTerm, "lang:"},
      {schema::kCitationTerm, "cite:"},         {schema::kStemTerm, "stem:"}};
  if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z')
    for (const auto& [prefix, label] : kFields)
      if (term.compare(0, prefix.size(), prefix) == 0) return label + term.substr(prefix.size());
  return term;
}

std::string format_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string describe(const Xapian::Query& q, bool top, const std::string& indent);

std::string join_children(const Xapian::Query& q, const char* op, bool top, const std::string& indent) {
  std::string out;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    std::string part = describe(q.get_subquery(i), false, indent);
    if (top)
      out += (i ? "\n" + indent + op + " " : indent) + part;
    else
      out += (i ? std::string(" ") + op + " " : "") + part;
  }
  return top ? out : "(" + out + ")";
}

std::string describe(const Xapian::Query& q, bool top, const std::string& indent) {
  using Q = Xapian::Query;
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return (top ? indent : "") + term_label(*q.get_unique_terms_begin());
    case Q::LEAF_MATCH_ALL:
      return (top ? indent : "") + "<every provision>";
    case Q::LEAF_MATCH_NOTHING:
      return (top ? indent : "") + "<nothing>";
    case Q::OP_AND:
      return join_children(q, "AND", top, indent);
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET:
      return join_children(q, "OR", top, indent);
    case Q::OP_AND_NOT:
      return join_children(q, "NOT", top, indent);
    case Q::OP_XOR:
      return join_children(q, "XOR", top, indent);
    case Q::OP_AND_MAYBE:
      return join_children(q, "MAYBE", top, indent);
    case Q::OP_FILTER:
      return join_children(q, "FILTER", top, indent);
    case Q::OP_PHRASE:
    case Q::OP_NEAR: {
      std::string out = q.get_type() == Q::OP_NEAR ? "NEAR(" : "\"";
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        out += (i ? " " : "") + describe(q.get_subquery(i), false, indent);
      return (top ? indent : "") + out + (q.get_type() == Q::OP_NEAR ? ")" : "\"");
    }
    case Q::OP_SCALE_WEIGHT: {
      std::string inner = describe(q.get_subquery(0), false, indent);
      if (inner.front() != '(') inner = "(" + inner + ")";
      return (top ? indent : "") + format_number(scale_factor(q)) + "×" + inner;
    }
    default: {
      // Wildcards, value ranges, posting sources: Xapian's own words.
      std::string d = q.get_description();
      if (d.rfind("Query(", 0) == 0 && d.back() == ')') d = d.substr(6, d.size() - 7);
      return (top ? indent : "") + d;
    }
  }
}

// Every index term of a stored text: the fields a matching term is found in.
std::set<std::string> terms_of(Analyzer& analyzer, const std::string& text) {
  std::set<std::string> out;
  for (const auto& t : analyzer.tokenize(text)) {
    if (!t.term.empty()) out.insert(t.term);
    if (!t.stem.empty()) out.insert(t.stem);
  }
  return out;
}

// The weight of `query` in the one document with unique term `unique`; -1 when it does not match.
double weight_in(const Xapian::Database& db, const Xapian::Query& query, const std::string& unique) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(unique)));
  Xapian::MSet m = enquire.get_mset(0, 1);
  return m.empty() ? -1.0 : m.begin().get_weight();
}

}  // namespace

std::vector<ExpandedConcept> expanded_concepts(const Xapian::Query& query) {
  std::vector<Xapian::Query> expansions;
  collect_expansions(query, expansions);
  std::vector<ExpandedConcept> out;
  for (const auto& e : expansions) {
    std::set<std::string> terms(e.get_unique_terms_begin(), e.get_unique_terms_end());
    // The concept with most forms searched here (a form counts when the expansion has all its
    // terms); ties go to the one with fewest terms left outside.
    auto covered = [&](const FormTerms& f) {
      if (f.terms.empty()) return false;
      for (const auto& t : f.terms)
        if (!terms.count(t)) return false;
      return true;
    };
    const ConceptTerms* best = nullptr;
    std::size_t best_forms = 0, best_outside = 0;
    for (const auto& c : glossary_terms()) {
      std::size_t forms = 0, outside = 0;
      for (const auto& f : c.forms) {
        if (!covered(f)) continue;
        ++forms;
        for (const auto& t : f.terms) outside += !terms.count(t);
      }
      if (forms > best_forms || (forms == best_forms && forms > 0 && outside < best_outside)) {
        best = &c;
        best_forms = forms;
        best_outside = outside;
      }
    }
    ExpandedConcept concept_used;
    if (best) {
      concept_used.id = best->id;
      for (const auto& f : best->forms)
        if (covered(f)) concept_used.forms.push_back(f.text);
    } else {
      concept_used.forms.push_back(describe(e.get_subquery(0), false, ""));
    }
    out.push_back(std::move(concept_used));
  }
  return out;
}

std::vector<std::string> topics_named(const std::vector<std::string>& concept_ids) {
  std::vector<std::string> out;
  const auto& topics = known_topics();
  for (const auto& id : concept_ids)
    if (std::find(topics.begin(), topics.end(), id) != topics.end() && std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(id);
  return out;
}

std::string describe_query(const Xapian::Query& query, const std::string& indent) {
  return describe(query, true, indent);
}

SearchExplanation explain_search(Searcher& searcher, const SearchOptions& options, const SearchResult& result) {
  const Xapian::Database& db = searcher.database();
  Analyzer analyzer;
  QueryBuilder builder(db, analyzer);
  BuiltQuery built = builder.build(options.query, Xapian::Query::OP_AND);
  const Xapian::Query& all = built.query;
  Xapian::Query any = builder.build(options.query, Xapian::Query::OP_OR).query;
  SearchExplanation out;
  QueryExplanation& qe = out.query;
  qe.query = options.query;
  qe.read_as = describe_query(all);
  qe.concepts = expanded_concepts(all);
  qe.topics = topics_named(built.concepts);
  qe.tiers = any.serialise() != all.serialise();
  qe.filters.push_back(options.all_versions ? "versions up to " + options.as_of.iso()
                                            : "in force on " + options.as_of.iso());
  for (const auto& i : options.instruments) qe.filters.push_back("instrument " + i);
  for (const auto& t : options.topics) qe.filters.push_back("topic " + t);

  auto kinds = ranking::instrument_kinds(db);
  Xapian::Query boost = ranking::boosts(kinds, qe.topics);
  Xapian::Query final_query = ranking::boosted(all, boost);
  if (qe.tiers)
    final_query = Xapian::Query(Xapian::Query::OP_OR,
                                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, final_query, ranking::kCompleteMatchScale),
                                ranking::boosted(any, boost));
  std::set<std::string> expanded, literal;
  collect_terms(all, false, expanded, literal);
  collect_terms(any, false, expanded, literal);
  Xapian::Enquire enquire(db);
  enquire.set_query(final_query);

  for (const auto& hit : result.hits) {
    HitExplanation he;
    he.id = hit.id;
    he.score = hit.score;
    // The document the hit was ranked by: the best-scoring language of its version (collapsing
    // keeps the best document of each provision).
    std::string unique;
    double best = -1;
    for (const auto& lang : kLanguages) {
      std::string u = schema::unique_term(hit.id, hit.effective_from, lang);
      double w = db.term_exists(u) ? weight_in(db, final_query, u) : -1.0;
      if (w > best) {
        best = w;
        unique = u;
        he.matched_lang = lang;
      }
    }
    if (unique.empty()) {
      out.hits.push_back(std::move(he));
      continue;
    }
    Xapian::docid docid = *db.postlist_begin(unique);
    StoredDocument data = parse_stored_document(db.get_document(docid).get_data());
    double r_all = weight_in(db, all, unique);
    he.complete = r_all >= 0;
    he.relevance_all = std::max(0.0, r_all);
    he.relevance_any = qe.tiers ? std::max(0.0, weight_in(db, any, unique)) : he.relevance_all;
    std::string kind = kinds.count(data.instrument) ? kinds.at(data.instrument) : "";
    std::size_t versions = std::strtoul(db.get_document(docid).get_value(schema::kVersionCountSlot).c_str(), nullptr, 10);
    he.boosts = ranking::boost_parts(kind, versions, data.topics, qe.topics);

    std::set<std::string> citation = terms_of(analyzer, data.citation), heading = terms_of(analyzer, data.heading), text;
    for (const auto& t : data.texts) text.merge(terms_of(analyzer, t.body));
    for (auto t = enquire.get_matching_terms_begin(docid); t != enquire.get_matching_terms_end(docid); ++t) {
      if (!expanded.count(*t) && !literal.count(*t)) continue;  // a boost's filter term (topic), not a word
      TermExplanation te;
      te.term = *t;
      te.shown = term_label(te.term);
      if (citation.count(te.term)) te.fields.push_back("citation");
      if (heading.count(te.term)) te.fields.push_back("heading");
      if (text.count(te.term)) te.fields.push_back("text");
      te.weight = std::max(0.0, weight_in(db, Xapian::Query(te.term), unique));
      te.glossary = expanded.count(te.term) && !literal.count(te.term);
      he.terms.push_back(std::move(te));
    }
    out.hits.push_back(std::move(he));
  }
  return out;
}

}  // namespace provisio
