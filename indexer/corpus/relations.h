// Typed relations between provisions across instruments, the commitment lines they make, and the
// records of ids that no longer exist (<moved>, <withdrawn>): their model, their validation and the
// summary stored with the index (corpus/README.md, "Relations" and "Ids are a contract").
//
// A relation goes from a later provision to an earlier one. supersedes, amends, carries-over and
// echoes make a *line*: the provisions they connect, taken together, are the history of one
// commitment (`provisio history`). implements (a guide or notice putting a commitment into effect)
// is shown beside the line but does not join it.
//
// Pure functions and value types; safe to use from several threads on distinct objects.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "corpus.h"

namespace provisio {

// supersedes, amends, carries-over, echoes, implements.
const std::vector<std::string>& relation_types();
bool is_relation_type(const std::string& type);
std::string relation_type_list();  // "supersedes, amends, ..." for messages
// True for the types that make a line (all but implements).
bool joins_line(const std::string& type);

// What the cross-file checks need of each provision: small beside its texts.
struct GraphNode {
  std::string id, instrument;
  std::vector<std::string> version_starts;  // YYYY-MM-DD, in order
  std::map<std::string, std::string> line_names;
  std::vector<Relation> relations;
  Diagnostic where;  // the <provision> element
};

struct CorpusGraph {
  std::map<std::string, GraphNode> provisions;
  std::vector<IdRecord> records;
  // Adds `instrument`'s provisions and id records.
  void add(const Instrument& instrument);
};

// Reports: relations to unknown provisions (naming the new id when the target moved), relations
// to a provision that starts later than the one relating to it, cycles, two names for one line,
// moved/withdrawn records for ids that still exist, recorded twice, or moved to nowhere. A
// relation to a provision outside the graph that `known_elsewhere` knows (one already in the index)
// is accepted; its dates cannot be compared.
void check_graph(const CorpusGraph& graph, Diagnostics& diagnostics,
                 const std::function<bool(const std::string&)>& known_elsewhere = {});

// One commitment line: provisions connected by supersedes, amends, carries-over or echoes.
struct CommitmentLine {
  std::map<std::string, std::string> names;  // lang -> name, from the members' <line> elements
  std::vector<std::string> members;          // by first version date, then id
  std::size_t steps = 0;                     // versions of all members together
  std::string since;                         // first version's start, YYYY-MM-DD
};
// Every line of two or more provisions. REQUIRES: check_graph() reported nothing.
std::vector<CommitmentLine> commitment_lines(const CorpusGraph& graph);

// The summary stored in the index's metadata (schema::kGraphKey) and read back by search/history.h:
// {"lines": [...], "relations": [{"from","type","to"}], "moved": {old: {"to","reason"}},
//  "withdrawn": {old: reason}}.
nlohmann::json graph_json(const CorpusGraph& graph);

}  // namespace provisio
