#include "search_output.h"

#include <sstream>

#include "text_layout.h"

namespace provisio::output {

namespace {

using nlohmann::json;

json highlights_json(const Snippet& snippet) {
  json highlights = json::array();
  for (const auto& [b, e] : snippet.highlights) highlights.push_back({b, e});
  return highlights;
}

void facets_text(std::ostream& out, const Facets& facets, const std::string& unit, const Style& s) {
  out << "Matching " << unit << " by facet:\n";
  for (const char* name : {"instrument", "topic", "lang", "year"}) {
    auto it = facets.find(name);
    if (it == facets.end()) continue;
    out << s.bold << name << s.reset << ":";
    for (const auto& [value, count] : it->second) out << "  " << value << " (" << count << ")";
    out << "\n";
  }
  out << "\n";
}

// "superseded on 2020-06-01 by cepa-tis-amend-2019" for a hit no longer in force; "" otherwise.
std::string superseded_note(const Hit& h) {
  if (!h.superseded) return "";
  return "superseded on " + h.effective_to.value_or("?") + (h.superseded_by.empty() ? "" : " by " + h.superseded_by);
}

// "; 2 superseded versions that match better than any in force (marked)", or "" for none. They
// may stand among the current hits (searcher.h), so the summary does not say where.
std::string superseded_summary(std::size_t n) {
  if (n == 0) return "";
  return std::string("; ") + std::to_string(n) +
         (n == 1 ? " superseded version that matches" : " superseded versions that match") +
         " better than any in force (marked)";
}

void hit_text(std::ostream& out, const Hit& h, const Style& s, std::string_view indent) {
  out << indent << h.heading << "  " << s.dim << "[" << h.lang << ", " << h.text_kind << "]" << s.reset << "\n";
  out << indent << render_snippet(h.snippet, s.bold, s.reset) << "\n";
}

}  // namespace

json hit_json(const Hit& h) {
  json j = {{"rank", h.rank},
            {"id", h.id},
            {"instrument", h.instrument},
            {"citation", h.citation},
            {"heading", h.heading},
            {"lang", h.lang},
            {"score", h.score},
            {"snippet", h.snippet.text},
            {"snippet_highlights", highlights_json(h.snippet)},
            {"text_kind", h.text_kind},
            {"topics", h.topics},
            {"effective_from", h.effective_from},
            {"effective_to", h.effective_to ? json(*h.effective_to) : json(nullptr)},
            {"superseded", h.superseded}};
  if (h.superseded) j["superseded_by"] = h.superseded_by.empty() ? json(nullptr) : json(h.superseded_by);
  if (!h.parallel.empty()) {
    j["parallel"] = json::array();
    for (const auto& p : h.parallel) {
      auto pj = hit_json(p);
      for (const char* k : {"rank", "score", "instrument", "topics", "effective_from", "effective_to", "superseded",
                            "superseded_by"})
        pj.erase(k);
      j["parallel"].push_back(pj);
    }
  }
  return j;
}

json facets_json(const Facets& facets) {
  json j = json::object();
  for (const auto& [name, values] : facets) {
    j[name] = json::array();
    for (const auto& [value, count] : values) j[name].push_back({{"value", value}, {"count", count}});
  }
  return j;
}

std::string search_json(const SearchResult& result, const SearchOptions& options, const StoredGraph* graph) {
  json hits = json::array();
  for (const auto& h : result.hits) {
    hits.push_back(hit_json(h));
    hits.back()["line"] = graph ? line_summary_json(*graph, h.id, h.lang) : json(nullptr);
  }
  json out = {{"query", result.query},
              {"as_of", options.as_of.iso()},
              {"total", result.total},
              {"complete", result.complete},
              {"counts_exact", result.counts_exact},
              {"results", hits},
              {"superseded", result.superseded},
              {"unit", result.unit},  // what total, complete and the facet counts count
              {"notes", result.notes},
              {"suggestion", result.suggestion.empty() ? json(nullptr) : json(result.suggestion)}};
  if (options.facets) out["facets"] = facets_json(result.facets);
  return out.dump() + "\n";
}

std::string search_text(const SearchResult& r, const SearchOptions& o, const Style& s, std::size_t columns,
                        const StoredGraph* graph) {
  std::ostringstream out;
  std::string when = o.all_versions ? "all versions up to " + o.as_of.iso() : "in force on " + o.as_of.iso();
  if (r.hits.size() == r.superseded && r.superseded > 0) {
    out << "No provision " << when << " matches \"" << r.query << "\"" << superseded_summary(r.superseded) << "\n\n";
  } else if (r.hits.empty()) {
    if (r.total == 0)
      out << "No provision " << (o.all_versions ? "version up to " + o.as_of.iso() : "in force on " + o.as_of.iso())
          << " matches \"" << r.query << "\".\n";
    else
      out << "No more results: " << r.total << " match \"" << r.query << "\".\n";
    return out.str();
  } else {
    std::string about = r.counts_exact ? "" : "about ";
    out << about << r.total
        << (o.all_versions ? (r.total == 1 ? " provision version matches" : " provision versions match")
                           : (r.total == 1 ? " provision matches" : " provisions match"))
        << " \"" << r.query << "\""
        << (r.complete < r.total ? " (" + about + std::to_string(r.complete) + " with every word)" : std::string())
        << " (" << when << "); showing " << r.hits.front().rank << "–" << r.hits.back().rank - r.superseded
        << superseded_summary(r.superseded) << "\n\n";
  }
  if (o.facets) facets_text(out, r.facets, r.unit, s);
  for (const auto& h : r.hits) {
    out << s.bold << h.rank << ". " << h.id << s.reset << "  " << h.citation << "  " << s.dim << "[from "
        << h.effective_from << (h.effective_to ? " to " + *h.effective_to : "") << "]" << s.reset
        << (h.superseded ? "  " + std::string(s.bold) + superseded_note(h) + std::string(s.reset) : std::string()) << "\n";
    if (!h.parallel.empty() && columns >= 100) {
      std::size_t width = (columns - 6) / 2;
      const Hit& other = h.parallel.front();
      out << side_by_side(h.heading + " [" + h.lang + "]", other.heading + " [" + other.lang + "]", width, "   ");
      out << side_by_side(render_snippet(h.snippet, s.bold, s.reset), render_snippet(other.snippet, s.bold, s.reset),
                          width, "   ");
    } else {
      hit_text(out, h, s, "   ");
      for (const auto& other : h.parallel) hit_text(out, other, s, "   ");
    }
    if (std::string pointer = graph ? line_pointer(*graph, h.id, h.lang) : ""; !pointer.empty())
      out << "   " << s.dim << pointer << s.reset << "\n";
    out << "\n";
  }
  return out.str();
}

std::string submission_search_json(const submissions::SubmissionSearchResult& r) {
  json hits = json::array();
  for (const auto& h : r.hits)
    hits.push_back({{"rank", h.rank},
                    {"id", h.id},
                    {"sender", h.sender},
                    {"received", h.received},
                    {"lang", h.lang},
                    {"file_name", h.file_name},
                    {"subject", h.subject},
                    {"score", h.score},
                    {"snippet", h.snippet.text},
                    {"snippet_highlights", highlights_json(h.snippet)}});
  return json{{"query", r.query}, {"type", "submission"}, {"total", r.total}, {"results", hits}}.dump() + "\n";
}

std::string submission_search_text(const submissions::SubmissionSearchResult& r, const Style& s) {
  std::ostringstream out;
  if (r.hits.empty()) {
    out << "No submission matches \"" << r.query << "\".\n";
    return out.str();
  }
  out << r.total << (r.total == 1 ? " submission matches" : " submissions match") << " \"" << r.query << "\"\n\n";
  for (const auto& h : r.hits) {
    out << s.bold << h.rank << ". " << h.id << s.reset << "  " << (h.sender.empty() ? "(sender unknown)" : h.sender)
        << (h.received.empty() ? "" : ", " + h.received) << "  " << s.dim << "[" << h.lang << ", " << h.file_name
        << "]" << s.reset << "\n";
    if (!h.subject.empty()) out << "   " << h.subject << "\n";
    out << "   " << render_snippet(h.snippet, s.bold, s.reset) << "\n\n";
  }
  return out.str();
}

}  // namespace provisio::output
