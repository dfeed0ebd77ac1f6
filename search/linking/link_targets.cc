#include "link_targets.h"

#include "schema.h"

namespace provisio::submissions {

const char* TargetCheck::state_name() const {
  switch (state) {
    case kCurrent: return "current";
    case kMoved: return "moved";
    case kWithdrawn: return "withdrawn";
    case kUnknown: break;
  }
  return "unknown";
}

LinkTargets::LinkTargets(const Xapian::Database& db) : db_(db), graph_(read_graph(db)) {}

TargetCheck LinkTargets::check(const std::string& id) const {
  if (db_.term_exists(schema::prefixed(schema::kProvisionTerm, id))) return {TargetCheck::kCurrent, id, ""};
  IdFate fate = id_fate(graph_, id);
  switch (fate.kind) {
    case IdFate::kMoved: return {TargetCheck::kMoved, fate.now, fate.reason};
    case IdFate::kWithdrawn: return {TargetCheck::kWithdrawn, "", fate.reason};
    case IdFate::kUnknown: break;
  }
  return {TargetCheck::kUnknown, "", ""};
}

std::string LinkTargets::advice(const std::string& submission, const std::string& target, const TargetCheck& c) {
  std::string keep_history = "`provisio link remove " + submission + " " + target + "` (the store keeps it in the history)";
  switch (c.state) {
    case TargetCheck::kCurrent: return "";
    case TargetCheck::kMoved:
      return submission + " is linked to '" + target + "', which is now '" + c.now + "'" +
             (c.reason.empty() ? "" : " (" + c.reason + ")") + "; shown as '" + c.now +
             "'. Check that the link still holds, then record the new id with `provisio link add " + submission +
             " " + c.now + "` and " + keep_history;
    case TargetCheck::kWithdrawn:
      return submission + " is linked to '" + target + "', which was withdrawn (" + c.reason +
             "). Remove the link with " + keep_history + ", and link what replaces it, if anything, with " +
             "`provisio link add " + submission + " ID`";
    case TargetCheck::kUnknown: break;
  }
  return submission + " is linked to '" + target + "', which is not in this index (indexed from another corpus, " +
         "or removed without a record). Re-index the corpus it came from, or remove the link with " + keep_history;
}

}  // namespace provisio::submissions
