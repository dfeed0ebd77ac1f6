#include "explain_output.h"

#include <cstdio>
#include <sstream>

#include "ranking.h"
#include "search_output.h"

namespace provisio::output {

namespace {

using nlohmann::json;

std::string fixed2(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

double boost_sum(const HitExplanation& e) {
  double b = 0;
  for (const auto& [name, w] : e.boosts) b += w;
  return b;
}

}  // namespace

json query_explanation_json(const QueryExplanation& e) {
  json concepts = json::array();
  for (const auto& c : e.concepts)
    concepts.push_back({{"id", c.id.empty() ? json(nullptr) : json(c.id)}, {"forms", c.forms}, {"weight", c.weight}});
  return {{"query", e.query},   {"read_as", e.read_as}, {"concepts", concepts},
          {"tiers", e.tiers},   {"filters", e.filters}, {"topics", e.topics},
          {"complete_match_scale", ranking::kCompleteMatchScale}};
}

json hit_explanation_json(const HitExplanation& e) {
  json boosts = json::array();
  for (const auto& [name, w] : e.boosts) boosts.push_back({{"name", name}, {"weight", w}});
  json terms = json::array();
  for (const auto& t : e.terms)
    terms.push_back({{"term", t.term}, {"shown", t.shown}, {"fields", t.fields}, {"weight", t.weight}, {"glossary", t.glossary}});
  return {{"matched_lang", e.matched_lang},
          {"complete", e.complete},
          {"relevance_all", e.relevance_all},
          {"relevance_any", e.relevance_any},
          {"boosts", boosts},
          {"score", e.score},
          {"terms", terms}};
}

std::string search_json_explained(const SearchResult& result, const SearchOptions& options,
                                  const SearchExplanation& explanation, const StoredGraph* graph) {
  json out = json::parse(search_json(result, options, graph));
  out["explain"] = query_explanation_json(explanation.query);
  for (std::size_t i = 0; i < out["results"].size() && i < explanation.hits.size(); ++i)
    out["results"][i]["explain"] = hit_explanation_json(explanation.hits[i]);
  return out.dump() + "\n";
}

std::string query_explanation_text(const QueryExplanation& e, const Style& s) {
  std::ostringstream out;
  out << s.bold << "Query read as" << s.reset << " (terms as the index holds them: Chinese folded to Simplified; stem: = any form of the word):\n"
      << e.read_as << "\n";
  for (const auto& c : e.concepts) {
    out << "  glossary " << (c.id.empty() ? "citation" : c.id) << " (×" << c.weight << "): ";
    for (std::size_t i = 0; i < c.forms.size(); ++i) out << (i ? "; " : "") << c.forms[i];
    out << "\n";
  }
  if (e.tiers)
    out << "Ranking: provisions with every word first (score ×" << ranking::kCompleteMatchScale
        << "), then those with some of them; BM25 relevance plus boosts.\n";
  else
    out << "Ranking: BM25 relevance plus boosts.\n";
  out << "Boosts: instrument kind (agreement, supplement, amendment +" << ranking::kAgreementBoost << "; measure, notice +"
      << ranking::kNoticeBoost << "; plan +" << ranking::kPlanBoost << "; consultation +" << ranking::kConsultationBoost << "); revised provision +" << ranking::kRevisedBoost;
  for (const auto& t : e.topics) out << "; topic " << t << " +" << ranking::kTopicBoost;
  out << ".\n";
  out << "Filters:";
  for (std::size_t i = 0; i < e.filters.size(); ++i) out << (i ? ", " : " ") << e.filters[i];
  out << ".\n\n";
  return out.str();
}

std::string hit_explanation_text(std::size_t rank, const HitExplanation& e, const Style& s) {
  std::ostringstream out;
  out << s.bold << rank << ". " << e.id << s.reset << "  " << s.dim << "(" << e.matched_lang << " document)" << s.reset
      << "  score " << fixed2(e.score) << "\n";
  double b = boost_sum(e);
  out << "   ";
  if (e.complete)
    out << "every word: " << ranking::kCompleteMatchScale << " × (relevance " << fixed2(e.relevance_all) << " + boosts "
        << fixed2(b) << ") + (relevance " << fixed2(e.relevance_any) << " + boosts " << fixed2(b) << ")\n";
  else
    out << "some words: relevance " << fixed2(e.relevance_any) << " + boosts " << fixed2(b) << "\n";
  if (!e.boosts.empty()) {
    out << "   boosts:";
    for (std::size_t i = 0; i < e.boosts.size(); ++i)
      out << (i ? ", " : " ") << e.boosts[i].first << " +" << fixed2(e.boosts[i].second);
    out << "\n";
  }
  out << "   terms (BM25 weight alone):";
  if (e.terms.empty()) out << " none";
  for (std::size_t i = 0; i < e.terms.size(); ++i) {
    const auto& t = e.terms[i];
    out << (i ? " ·" : "") << " " << t.shown << " [";
    for (std::size_t f = 0; f < t.fields.size(); ++f) out << (f ? ", " : "") << t.fields[f];
    out << "] " << fixed2(t.weight) << (t.glossary ? " glossary" : "");
  }
  out << "\n";
  return out.str();
}

std::string search_text_explained(const SearchResult& result, const SearchOptions& options,
                                  const SearchExplanation& explanation, const Style& style, std::size_t columns,
                                  const StoredGraph* graph) {
  std::string out = query_explanation_text(explanation.query, style);
  out += search_text(result, options, style, columns, graph);
  if (result.hits.empty()) return out;
  out += std::string(style.bold) + "Scores explained" + std::string(style.reset) + ":\n";
  for (std::size_t i = 0; i < result.hits.size() && i < explanation.hits.size(); ++i)
    out += hit_explanation_text(result.hits[i].rank, explanation.hits[i], style);
  return out;
}

}  // namespace provisio::output
