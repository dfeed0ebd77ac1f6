// NOT and '-' across languages: a provision version is stored as one document per language, so an
// exclusion that removes the English document ("CCC NOT factory") must also remove its Chinese
// sibling, or the sibling matches the rest of the query and the version is shown anyway.
//
// The exclusion is a query (AND_NOT the unique terms of every document of an excluded version), not a
// Xapian::MatchDecider: Xapian 1.4's remote backend does not run match deciders, so a search over
// remote shards (docs/scaling.md) could not use one. Not thread-safe beyond Xapian's own rules: use
// one VersionExclusion per search.
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

// Leaves out every document of a provision version (value slot `version_slot`, "<id>@<from-iso>")
// of which any document, in any language, matches one of the excluded parts.
class VersionExclusion {
 public:
  // Runs the excluded parts on `db` once (with Xapian's own ValueCountMatchSpy, which remote shards
  // run too).
  VersionExclusion(const Xapian::Database& db, const std::vector<Xapian::Query>& excluded,
                   Xapian::valueno version_slot);
  bool empty() const { return versions_.empty(); }
  // `query` without the documents of the excluded versions (`query` itself when there are none).
  Xapian::Query applied_to(const Xapian::Query& query) const;
  const std::set<std::string>& versions() const { return versions_; }

 private:
  std::set<std::string> versions_;
  Xapian::Query documents_;  // every document of versions_, by unique term
};

}  // namespace provisio
