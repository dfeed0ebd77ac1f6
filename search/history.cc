#include "history.h"

#include <algorithm>

#include "schema.h"

namespace provisio {

const StoredGraph::Line* StoredGraph::line_of(const std::string& id) const {
  for (const auto& line : lines)
    if (std::find(line.members.begin(), line.members.end(), id) != line.members.end()) return &line;
  return nullptr;
}

std::string StoredGraph::name_of(const Line& line, const std::string& lang) {
  for (const std::string& l : {lang, lang == "zh-Hans" ? std::string("zh-Hant") : lang, std::string("en")})
    if (auto it = line.names.find(l); it != line.names.end()) return it->second;
  if (!line.names.empty()) return line.names.begin()->second;
  return "the line of " + line.members.back();
}

StoredGraph read_graph(const Xapian::Database& db) {
  StoredGraph g;
  std::string raw = db.get_metadata(std::string(schema::kGraphKey));
  if (raw.empty()) return g;
  auto j = nlohmann::json::parse(raw);
  for (const auto& l : j["lines"])
    g.lines.push_back({l["names"].get<std::map<std::string, std::string>>(),
                       l["members"].get<std::vector<std::string>>(), l["steps"].get<std::size_t>(),
                       l["since"].get<std::string>()});
  for (const auto& r : j["relations"]) g.relations.push_back({r["from"], r["type"], r["to"]});
  for (const auto& [old_id, m] : j["moved"].items()) g.moved[old_id] = {m["to"], m["reason"]};
  for (const auto& [old_id, reason] : j["withdrawn"].items()) g.withdrawn[old_id] = reason;
  return g;
}

IdFate id_fate(const StoredGraph& graph, const std::string& id) {
  IdFate fate;
  std::string at = id;
  // The index writer checked that moves end at a provision; the bound guards a damaged index.
  for (std::size_t hops = 0; hops <= graph.moved.size(); ++hops) {
    if (auto w = graph.withdrawn.find(at); w != graph.withdrawn.end()) {
      if (fate.kind == IdFate::kMoved) break;  // never written by a valid corpus
      return {IdFate::kWithdrawn, "", w->second, {}};
    }
    auto m = graph.moved.find(at);
    if (m == graph.moved.end()) break;
    if (fate.kind == IdFate::kMoved) fate.via.push_back(at);
    fate.kind = IdFate::kMoved;
    fate.now = m->second.first;
    if (fate.reason.empty()) fate.reason = m->second.second;
    at = fate.now;
  }
  return fate;
}

std::string line_pointer(const StoredGraph& graph, const std::string& id, const std::string& lang) {
  const auto* line = graph.line_of(id);
  if (!line) return "";
  return "part of: " + StoredGraph::name_of(*line, lang) + ", " + std::to_string(line->steps) + " steps since " +
         line->since.substr(0, 4) + "; `provisio history " + id + "`";
}

nlohmann::json line_summary_json(const StoredGraph& graph, const std::string& id, const std::string& lang) {
  const auto* line = graph.line_of(id);
  if (!line) return nullptr;
  return {{"name", StoredGraph::name_of(*line, lang)}, {"steps", line->steps}, {"since", line->since},
          {"members", line->members}, {"command", "provisio history " + id}};
}

namespace {

// The document of `docs` (one provision's) for version `from` in `lang`, else another language.
const StoredDocument* pick(const std::vector<StoredDocument>& docs, const std::string& from, const std::string& lang) {
  const StoredDocument* found = nullptr;
  for (const std::string& l : {lang, lang == "zh-Hans" ? std::string("zh-Hant") : lang, std::string("en"),
                               std::string("zh-Hant")})
    for (const auto& d : docs)
      if (!found && d.effective_from == from && d.lang == l) found = &d;
  for (const auto& d : docs)
    if (!found && d.effective_from == from) found = &d;
  return found;
}

}  // namespace

std::optional<History> build_history(Searcher& searcher, const StoredGraph& graph, const std::string& id,
                                     const std::string& lang, const Date& today) {
  const auto* line = graph.line_of(id);
  if (!line) return std::nullopt;
  History h{id, StoredGraph::name_of(*line, lang), lang, line->members, {}};
  std::map<std::string, std::size_t> order;  // line order of members
  for (const auto& m : line->members) order[m] = order.size();

  for (const auto& member : line->members) {
    auto docs = searcher.provision_documents(member);
    std::vector<std::string> froms;
    for (const auto& d : docs)
      if (std::find(froms.begin(), froms.end(), d.effective_from) == froms.end()) froms.push_back(d.effective_from);
    for (const auto& from : froms) {
      const StoredDocument& d = *pick(docs, from, lang);
      HistoryStep s;
      s.id = member;
      s.instrument = d.instrument;
      s.instrument_title = d.instrument_title;
      s.from = from;
      s.to = d.effective_to.value_or("");
      s.by = d.by.value_or("");
      s.approx = d.approx.value_or("");
      s.heading = d.heading;
      for (const auto& t : d.texts)
        if (s.body.empty() || t.kind == "official") {
          s.body = t.body;
          s.text_kind = t.kind;
        }
      s.here = member == id;
      s.in_force = d.in_force_on(today);
      for (const auto& r : graph.relations)
        if (r.to == member && r.type == "implements") s.implemented_by.push_back(r.from);
      h.steps.push_back(std::move(s));
    }
  }
  std::stable_sort(h.steps.begin(), h.steps.end(), [&](const HistoryStep& a, const HistoryStep& b) {
    return std::pair{a.from, order[a.id]} < std::pair{b.from, order[b.id]};
  });

  // What each step follows from: its own previous version, else the latest version, no later than
  // it, of a provision it relates to (the latest such, when it relates to several).
  for (std::size_t i = 0; i < h.steps.size(); ++i) {
    HistoryStep& s = h.steps[i];
    for (std::size_t j = i; j-- > 0;)
      if (h.steps[j].id == s.id) {
        s.previous = static_cast<int>(j);
        s.relation = "next version";
        break;
      }
    if (s.previous < 0)
      for (const auto& r : graph.relations) {
        if (r.from != s.id || r.type == "implements") continue;
        for (std::size_t j = i; j-- > 0;)
          if (h.steps[j].id == r.to) {
            if (static_cast<int>(j) > s.previous) {
              s.previous = static_cast<int>(j);
              s.relation = r.type;
            }
            break;
          }
      }
    if (s.previous >= 0) {
      const HistoryStep& p = h.steps[static_cast<std::size_t>(s.previous)];
      s.heading_diff = diff_texts(p.heading, s.heading);
      s.body_diff = diff_texts(p.body, s.body);
    }
  }
  return h;
}

}  // namespace provisio
