#include "relations.h"

#include <algorithm>
#include <functional>
#include <set>

namespace provisio {

const std::vector<std::string>& relation_types() {
  static const std::vector<std::string> types = {"supersedes", "amends", "carries-over", "echoes", "implements"};
  return types;
}

bool is_relation_type(const std::string& type) {
  const auto& t = relation_types();
  return std::find(t.begin(), t.end(), type) != t.end();
}

std::string relation_type_list() {
  std::string out;
  for (const auto& t : relation_types()) out += (out.empty() ? "" : ", ") + t;
  return out;
}

bool joins_line(const std::string& type) { return is_relation_type(type) && type != "implements"; }

void CorpusGraph::add(const Instrument& instrument) {
  for (const auto& p : instrument.provisions) {
    if (p.id.empty()) continue;
    GraphNode node{p.id, instrument.id, {}, p.line_names, p.relations, {instrument.file, p.line, 1, ""}};
    for (const auto& v : p.versions) node.version_starts.push_back(v.from.iso());
    provisions[p.id] = std::move(node);
  }
  records.insert(records.end(), instrument.id_records.begin(), instrument.id_records.end());
}

namespace {

void report(Diagnostics& diagnostics, Diagnostic where, std::string message) {
  where.message = std::move(message);
  diagnostics.push_back(std::move(where));
}

// Union-find over provision ids, for the lines.
struct Components {
  std::map<std::string, std::string> parent;
  std::string find(const std::string& x) {
    auto it = parent.find(x);
    if (it == parent.end()) return parent[x] = x;
    if (it->second == x) return x;
    return it->second = find(it->second);
  }
  void join(const std::string& a, const std::string& b) { parent[find(a)] = find(b); }
};

}  // namespace

void check_graph(const CorpusGraph& graph, Diagnostics& diagnostics,
                 const std::function<bool(const std::string&)>& known_elsewhere) {
  std::map<std::string, const IdRecord*> record_of;
  for (const auto& r : graph.records) {
    if (graph.provisions.count(r.id))
      report(diagnostics, r.where, "'" + r.id + "' is still a provision: <" + r.kind +
                                       "> is only for ids that no longer exist");
    else if (!record_of.emplace(r.id, &r).second)
      report(diagnostics, r.where, "'" + r.id + "' is already recorded as " + record_of[r.id]->kind);
  }
  // A move must end at a live provision, through any number of further moves.
  for (const auto& r : graph.records) {
    if (r.kind != "moved" || graph.provisions.count(r.id)) continue;
    std::set<std::string> seen{r.id};
    std::string at = r.to;
    while (!graph.provisions.count(at)) {
      auto it = record_of.find(at);
      if (!seen.insert(at).second) {
        report(diagnostics, r.where, "moves of '" + r.id + "' go round in a circle");
        break;
      }
      if (it == record_of.end()) {
        report(diagnostics, r.where, "'" + r.id + "' moved to '" + at + "', which is no provision");
        break;
      }
      if (it->second->kind == "withdrawn") {
        report(diagnostics, r.where, "'" + r.id + "' moved to '" + at + "', which is withdrawn: record '" +
                                         r.id + "' as withdrawn instead");
        break;
      }
      at = it->second->to;
    }
  }

  for (const auto& [id, node] : graph.provisions)
    for (const auto& rel : node.relations) {
      auto target = graph.provisions.find(rel.to);
      if (target == graph.provisions.end()) {
        if (known_elsewhere && known_elsewhere(rel.to)) continue;
        auto rec = record_of.find(rel.to);
        std::string hint = rec == record_of.end() ? ""
                           : rec->second->kind == "moved" ? " (it moved to '" + rec->second->to + "')"
                                                          : " (it was withdrawn)";
        report(diagnostics, rel.where, "relation to unknown provision '" + rel.to + "'" + hint);
        continue;
      }
      if (node.version_starts.empty() || target->second.version_starts.empty()) continue;
      const std::string& mine = node.version_starts.front();
      const std::string& theirs = target->second.version_starts.front();
      if (mine < theirs)
        report(diagnostics, rel.where, "'" + id + "' (from " + mine + ") " + rel.type + " '" + rel.to +
                                           "', which starts later (" + theirs +
                                           "): a relation points to an earlier provision");
    }

  // Cycles (possible only among provisions starting on the same day, but checked for all).
  std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
  std::function<bool(const std::string&)> visit = [&](const std::string& id) {
    state[id] = 1;
    auto it = graph.provisions.find(id);
    if (it != graph.provisions.end())
      for (const auto& rel : it->second.relations) {
        if (!graph.provisions.count(rel.to)) continue;
        int s = state[rel.to];
        if (s == 1) {
          report(diagnostics, rel.where, "relations go round in a circle through '" + id + "' and '" + rel.to + "'");
          return false;
        }
        if (s == 0 && !visit(rel.to)) return false;
      }
    state[id] = 2;
    return true;
  };
  for (const auto& [id, node] : graph.provisions)
    if (state[id] == 0) visit(id);

  // One name per line and language.
  Components c;
  for (const auto& [id, node] : graph.provisions)
    for (const auto& rel : node.relations)
      if (joins_line(rel.type) && graph.provisions.count(rel.to)) c.join(id, rel.to);
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> named;  // (root, lang) -> (name, id)
  for (const auto& [id, node] : graph.provisions)
    for (const auto& [lang, name] : node.line_names) {
      auto [it, fresh] = named.emplace(std::pair{c.find(id), lang}, std::pair{name, id});
      if (!fresh && it->second.first != name)
        report(diagnostics, node.where, "'" + id + "' names its line '" + name + "' [" + lang + "], but '" +
                                            it->second.second + "' on the same line names it '" +
                                            it->second.first + "'");
    }
}

std::vector<CommitmentLine> commitment_lines(const CorpusGraph& graph) {
  Components c;
  for (const auto& [id, node] : graph.provisions)
    for (const auto& rel : node.relations)
      if (joins_line(rel.type) && graph.provisions.count(rel.to)) c.join(id, rel.to);
  std::map<std::string, CommitmentLine> by_root;
  for (const auto& [id, node] : graph.provisions) {
    if (c.parent.find(id) == c.parent.end()) continue;  // related to nothing
    CommitmentLine& line = by_root[c.find(id)];
    line.members.push_back(id);
    line.steps += node.version_starts.size();
    for (const auto& [lang, name] : node.line_names) line.names.emplace(lang, name);
  }
  auto first = [&](const std::string& id) {
    const auto& v = graph.provisions.at(id).version_starts;
    return v.empty() ? std::string() : v.front();
  };
  std::vector<CommitmentLine> lines;
  for (auto& [root, line] : by_root) {
    if (line.members.size() < 2) continue;
    std::stable_sort(line.members.begin(), line.members.end(),
                     [&](const auto& a, const auto& b) { return std::pair{first(a), a} < std::pair{first(b), b}; });
    line.since = first(line.members.front());
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.members < b.members; });
  return lines;
}

nlohmann::json graph_json(const CorpusGraph& graph) {
  using nlohmann::json;
  json out = {{"lines", json::array()}, {"relations", json::array()}, {"moved", json::object()},
              {"withdrawn", json::object()}};
  for (const auto& line : commitment_lines(graph))
    out["lines"].push_back({{"names", line.names}, {"members", line.members}, {"steps", line.steps},
                            {"since", line.since}});
  for (const auto& [id, node] : graph.provisions)
    for (const auto& rel : node.relations) out["relations"].push_back({{"from", id}, {"type", rel.type}, {"to", rel.to}});
  for (const auto& r : graph.records) {
    if (r.kind == "moved")
      out["moved"][r.id] = {{"to", r.to}, {"reason", r.reason}};
    else
      out["withdrawn"][r.id] = r.reason;
  }
  return out;
}

}  // namespace provisio
