#include "ranking.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "schema.h"

namespace provisio::ranking {

double kind_boost(std::string_view kind) {
  static constexpr std::pair<std::string_view, double> kBoosts[] = {
      {"agreement", kAgreementBoost}, {"supplement", kSupplementBoost}, {"amendment", kAmendmentBoost},
      {"measure", kMeasureBoost},     {"notice", kNoticeBoost},         {"plan", kPlanBoost},
      {"consultation", kConsultationBoost}};
  for (const auto& [name, boost] : kBoosts)
    if (name == kind) return boost;
  return 0.0;
}

std::map<std::string, std::string> instrument_kinds(const Xapian::Database& db) {
  std::map<std::string, std::string> out;
  std::string stored = db.get_metadata(std::string(schema::kInstrumentKindsKey));
  if (stored.empty()) return out;
  auto j = nlohmann::json::parse(stored, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [id, kind] : j.items())
    if (kind.is_string()) out[id] = kind.get<std::string>();
  return out;
}

Xapian::Query boosts(const std::map<std::string, std::string>& instrument_kinds,
                     const std::vector<std::string>& query_topics) {
  // Every boost is a fixed weight on documents chosen by boolean terms. Posting sources that read
  // a value for every matching document (a ValueMapPostingSource on the instrument slot, another on
  // the version count) took about a third of all query time on the 301k-article benchmark: each
  // value read is a B-tree look-up.
  auto fixed = [](double weight) { return Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()); };
  auto any_instrument = [](const std::vector<std::string>& ids) {
    std::vector<Xapian::Query> terms;
    for (const auto& id : ids) terms.emplace_back(schema::prefixed(schema::kInstrumentTerm, id));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  };
  std::vector<Xapian::Query> parts;
  // Instrument kinds: the boost most instruments get goes to every document but those of the
  // other instruments, which get their own kind's boost. Only the others are listed by term, so a
  // corpus of 11,000 laws of one kind (the Taiwan benchmark) lists none.
  std::map<double, std::size_t> instruments_with_boost;
  for (const auto& [instrument, kind] : instrument_kinds) ++instruments_with_boost[kind_boost(kind)];
  auto most_common = std::max_element(instruments_with_boost.begin(), instruments_with_boost.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most_common != instruments_with_boost.end()) {
    double usual = most_common->first;
    std::map<double, std::vector<std::string>> others;  // boost -> instruments
    std::vector<std::string> unusual;
    for (const auto& [instrument, kind] : instrument_kinds)
      if (double b = kind_boost(kind); b != usual) {
        others[b].push_back(instrument);
        unusual.push_back(instrument);
      }
    if (usual > 0)
      parts.push_back(unusual.empty() ? fixed(usual)
                                      : Xapian::Query(Xapian::Query::OP_AND_NOT, fixed(usual), any_instrument(unusual)));
    for (const auto& [boost, ids] : others)
      if (boost > 0) parts.emplace_back(Xapian::Query::OP_FILTER, fixed(boost), any_instrument(ids));
  }
  parts.emplace_back(Xapian::Query::OP_FILTER, fixed(kRevisedBoost), Xapian::Query(std::string(schema::kRevisedTerm)));
  for (const auto& topic : query_topics) {
    // A fixed weight for every document filed under the topic (the filter carries no weight).
    parts.emplace_back(Xapian::Query::OP_FILTER, fixed(kTopicBoost),
                       Xapian::Query(schema::prefixed(schema::kTopicTerm, topic)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query boosted(const Xapian::Query& query, const Xapian::Query& boosts) {
  if (boosts.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boosts);
}

std::vector<std::pair<std::string, double>> boost_parts(const std::string& kind, std::size_t versions,
                                                        const std::vector<std::string>& topics,
                                                        const std::vector<std::string>& query_topics) {
  std::vector<std::pair<std::string, double>> out;
  if (double b = kind_boost(kind); b > 0) out.emplace_back("instrument kind " + kind, b);
  if (versions > 1)
    out.emplace_back("revised (" + std::to_string(versions) + " versions)", kRevisedBoost);
  for (const auto& t : query_topics)
    if (std::find(topics.begin(), topics.end(), t) != topics.end()) out.emplace_back("topic " + t, kTopicBoost);
  return out;
}

}  // namespace provisio::ranking
