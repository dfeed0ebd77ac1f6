// NOT and '-' across languages: a provision version is stored as one document per language, so an
// exclusion that removes the English document ("CCC NOT factory") must also remove its Chinese
// sibling, or the sibling matches the rest of the query and the version is shown anyway.
//
// Not thread-safe beyond Xapian's own rules: use one VersionExclusion per search.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace provisio {

// The excluded parts of `query`: the right-hand sides of every OP_AND_NOT reached from the root
// through OP_AND, OP_FILTER, OP_SCALE_WEIGHT and the left-hand side of OP_AND_NOT. An exclusion
// nested under OR ("a OR (b NOT c)") is local to its branch and is not returned.
std::vector<Xapian::Query> excluded_parts(const Xapian::Query& query);

// Rejects every document of a provision version (value slot `version_slot`) of which any document,
// in any language, matches one of the excluded parts.
class VersionExclusion : public Xapian::MatchDecider {
 public:
  // Runs the excluded parts on `db` once; `db` must outlive this object.
  VersionExclusion(const Xapian::Database& db, const std::vector<Xapian::Query>& excluded,
                   Xapian::valueno version_slot);
  bool operator()(const Xapian::Document& doc) const override;
  bool empty() const { return versions_.empty(); }

 private:
  std::set<std::string> versions_;
  Xapian::valueno slot_;
};

}  // namespace provisio
