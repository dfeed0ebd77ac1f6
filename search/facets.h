// Facet counts and exact hit counts for a search: how many matching provisions (or provision
// versions; never documents: a provision has one document per version and language) fall under
// each instrument, topic, language and year of effect, and how many there are in all.
//
// Both are read from Xapian's own ValueCountMatchSpy, not from a MatchSpy subclass of ours: a
// remote shard (xapian-tcpsrv) runs the spies of a search itself and can only rebuild the ones
// Xapian registers; ValueCountMatchSpy is one, and its results from every shard are merged by the
// client. The spy on schema::kFacetSlot returns, per distinct (version, language) document key,
// how many documents matched, and the facets are computed from those keys here. Not thread-safe.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace provisio {

// name ("instrument", "topic", "lang", "year") -> (value, count), most frequent first (years in order).
using Facets = std::map<std::string, std::vector<std::pair<std::string, std::size_t>>>;

// The facets of the documents a spy on schema::kFacetSlot saw (give get_mset a checkatleast of at
// least the database size), counting distinct provision versions when `by_version`, else distinct
// provisions.
Facets facets_from(const Xapian::ValueCountMatchSpy& facet_spy, bool by_version);

// Counts the distinct values of one slot among all matching documents: the exact number of hits
// after collapsing on that slot (Xapian's own estimate is not exact when it collapses). Add spy()
// to the Enquire; clear() replaces the spy (Xapian's spies cannot be reset), so add spy() again.
class DistinctCounter {
 public:
  explicit DistinctCounter(Xapian::valueno slot) : slot_(slot), spy_(std::make_unique<Xapian::ValueCountMatchSpy>(slot)) {}
  Xapian::MatchSpy* spy() { return spy_.get(); }
  // Distinct values among the documents seen.
  std::size_t count() const;
  // Documents seen (the matcher shows a spy every matching document it examines, before
  // collapsing; over shards, the sum of what each shard's matcher examined).
  Xapian::doccount documents() const { return spy_->get_total(); }
  void clear() { spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(slot_); }

 private:
  Xapian::valueno slot_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> spy_;
};

}  // namespace provisio
