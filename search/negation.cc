#include "negation.h"

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
    : slot_(version_slot) {
  if (excluded.empty()) return;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Every matching document is checked (an exclusion is exact or it misleads); the spy reads only
  // the version slot, not the documents' data.
  Xapian::ValueCountMatchSpy spy(slot_);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) versions_.insert(*v);
}

bool VersionExclusion::operator()(const Xapian::Document& doc) const {
  return versions_.find(doc.get_value(slot_)) == versions_.end();
}

}  // namespace provisio
