#include "negation.h"

#include "corpus.h"
#include "schema.h"

namespace provisio {

namespace {

void collect(const Xapian::Query& q, std::vector<Xapian::Query>& out) {
  switch (q.get_type()) {
    case Xapian::Query::OP_AND_NOT:
      if (q.get_num_subqueries() == 0) return;
      collect(q.get_subquery(0), out);
      for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) out.push_back(q.get_subquery(i));
      return;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) collect(q.get_subquery(i), out);
      return;
    default:
      return;
  }
}

}  // namespace

std::vector<Xapian::Query> excluded_parts(const Xapian::Query& query) {
  std::vector<Xapian::Query> out;
  collect(query, out);
  return out;
}

VersionExclusion::VersionExclusion(const Xapian::Database& db, const std::vector<Xapian::Query>& excluded,
                                   Xapian::valueno version_slot)
{
  if (excluded.empty()) return;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Every matching document is checked (an exclusion is exact or it misleads); the spy reads only
  // the version slot, not the documents' data.
  Xapian::ValueCountMatchSpy spy(version_slot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::vector<Xapian::Query> documents;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    const std::string& version = *v;
    versions_.insert(version);
    std::size_t at = version.rfind('@');
    if (at == std::string::npos) continue;
    // Every language's document of the version, whether it exists or not (a term no document has
    // matches nothing).
    for (const auto& lang : kLanguages)
      documents.emplace_back(schema::unique_term(version.substr(0, at), version.substr(at + 1), std::string(lang)));
  }
  documents_ = Xapian::Query(Xapian::Query::OP_OR, documents.begin(), documents.end());
}

Xapian::Query VersionExclusion::applied_to(const Xapian::Query& query) const {
  if (versions_.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query, documents_);
}

}  // namespace provisio
