// What became of the provisions that links point to: links live in the submissions store and
// outlast the corpus they were made against, so an id may since have moved or been withdrawn
// (corpus/README.md, "Ids are a contract"). `link list`, `report` and `submission show` use this
// to follow moved ids and to say what to do about links to ids that no longer exist.
//
// Reads the index once at construction; const afterwards (safe to share between threads).
#pragma once

#include <xapian.h>

#include <string>

#include "history.h"

namespace provisio::submissions {

struct TargetCheck {
  enum State { kCurrent, kMoved, kWithdrawn, kUnknown } state = kCurrent;
  std::string now;     // kCurrent: the id itself; kMoved: the id it moved to; else ""
  std::string reason;  // kMoved / kWithdrawn: the corpus's reason, "" if none was given
  const char* state_name() const;  // "current", "moved", "withdrawn", "unknown"
};

class LinkTargets {
 public:
  // REQUIRES: `db` outlives this object.
  explicit LinkTargets(const Xapian::Database& db);

  TargetCheck check(const std::string& id) const;

  // One line for stderr saying what is wrong with `submission`'s link to `target` and what to do;
  // "" when the target is current.
  static std::string advice(const std::string& submission, const std::string& target, const TargetCheck& check);

 private:
  const Xapian::Database& db_;
  StoredGraph graph_;
};

}  // namespace provisio::submissions
