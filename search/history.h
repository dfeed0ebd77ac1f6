// The corpus graph as stored with the index (schema::kGraphKey, written by the index writer from
// relations.h), and what is built from it: where an id went (moved, withdrawn), the commitment
// line a provision belongs to, and a line's dated history with the change between successive texts
// (`provisio history`).
//
// StoredGraph is a value read once; build_history() reads documents through the Searcher, so it
// has the Searcher's thread-safety (one thread at a time).
#pragma once

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "searcher.h"
#include "text_diff.h"

namespace provisio {

struct StoredGraph {
  struct Line {
    std::map<std::string, std::string> names;  // lang -> name
    std::vector<std::string> members;          // by first version date
    std::size_t steps = 0;
    std::string since;  // YYYY-MM-DD
  };
  struct RelationEdge {
    std::string from, type, to;
  };
  std::vector<Line> lines;
  std::vector<RelationEdge> relations;
  std::map<std::string, std::pair<std::string, std::string>> moved;  // old id -> (new id, reason)
  std::map<std::string, std::string> withdrawn;                      // old id -> reason

  // The line `id` belongs to, or nullptr.
  const Line* line_of(const std::string& id) const;
  // The line's name in `lang` (falling back to English, then any), or a description of it.
  static std::string name_of(const Line& line, const std::string& lang);
};

// The graph of the index `db`; empty when the index predates it.
StoredGraph read_graph(const Xapian::Database& db);

// What became of an id that is not (or no longer) a provision.
struct IdFate {
  enum Kind { kUnknown, kMoved, kWithdrawn } kind = kUnknown;
  std::string now;                  // kMoved: the provision it is now
  std::string reason;               // why it moved or was withdrawn ("" if not given)
  std::vector<std::string> via;     // kMoved: ids passed through, after the first
};
// Follows <moved> records to the end. REQUIRES: `id` is not a current provision.
IdFate id_fate(const StoredGraph& graph, const std::string& id);

// "part of: CCC testing scope, 7 steps since 2011; `provisio history ID`", or "" when `id` is on no line.
std::string line_pointer(const StoredGraph& graph, const std::string& id, const std::string& lang);

// {"name", "steps", "since", "members", "command"} for `id`'s line, or null when it is on none.
nlohmann::json line_summary_json(const StoredGraph& graph, const std::string& id, const std::string& lang);

struct HistoryStep {
  std::string id, instrument, instrument_title, from, to, by, approx, heading, body, text_kind;
  bool here = false;      // a version of the provision asked about
  bool in_force = false;  // in force today
  int previous = -1;      // the step this one is compared with, or -1
  std::string relation;   // how it follows from `previous`: "next version", or a relation type
  std::vector<DiffOp> heading_diff, body_diff;  // from `previous` (empty when previous is -1)
  std::vector<std::string> implemented_by;      // provisions that implement this step's provision
};

struct History {
  std::string asked, name, lang;
  std::vector<std::string> members;
  std::vector<HistoryStep> steps;  // by date, then by line order
};

// The line of `id` in `lang` (texts fall back to another language the version has), or nullopt
// when `id` is on no line. Each step is compared with the step it comes from: the previous version
// of the same provision, else the latest version, starting no later, of a provision it relates to.
std::optional<History> build_history(Searcher& searcher, const StoredGraph& graph, const std::string& id,
                                     const std::string& lang, const Date& today = Date::today());

}  // namespace provisio
