// Facet counts for a search: how many matching provisions (or provision versions; never documents:
// a provision has one document per version and language) fall under each instrument, topic,
// language and year of effect.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace provisio {

// name ("instrument", "topic", "lang", "year") -> (value, count), most frequent first (years in order).
using Facets = std::map<std::string, std::vector<std::pair<std::string, std::size_t>>>;

// A Xapian match spy that sees every matching document (give get_mset a checkatleast of at least
// the database size) and counts, per facet value, the distinct values of `unit_slot`: the slot the
// hits are collapsed on, so that facets count what the hits are (provisions, or provision versions
// with --all-versions). Not thread-safe.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(Xapian::valueno unit_slot) : unit_slot_(unit_slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  Facets facets() const;
  void clear() { seen_.clear(); }

 private:
  Xapian::valueno unit_slot_;
  std::map<std::string, std::map<std::string, std::set<std::string>>> seen_;
};

// Counts the distinct values of one slot among all matching documents: the exact number of hits
// after collapsing on that slot (Xapian's own estimate is not exact when it collapses).
class DistinctCounter : public Xapian::MatchSpy {
 public:
  explicit DistinctCounter(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    seen_.insert(doc.get_value(slot_));
    ++documents_;
  }
  // Distinct values among the documents seen.
  std::size_t count() const { return seen_.size(); }
  // Documents seen (the matcher shows a spy every matching document it examines, before collapsing).
  Xapian::doccount documents() const { return documents_; }
  void clear() {
    seen_.clear();
    documents_ = 0;
  }

 private:
  Xapian::valueno slot_;
  std::set<std::string> seen_;
  Xapian::doccount documents_ = 0;
};

}  // namespace provisio
