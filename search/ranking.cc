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
  std::vector<Xapian::Query> parts;
  // The boost most instruments get is the source's default, and only the others are mapped: a
  // corpus of 11,000 laws of one kind (the Taiwan benchmark) then maps none. Mapping every
  // instrument cost each query 11,000 insertions, a copy of that map for each clone Xapian makes
  // of the source, and a string lookup in it for every document matched. Weights are unchanged:
  // every document's instrument is in the table, so each gets its kind's boost either way.
  std::map<double, std::size_t> instruments_with_boost;
  for (const auto& [instrument, kind] : instrument_kinds) ++instruments_with_boost[kind_boost(kind)];
  auto most_common = std::max_element(instruments_with_boost.begin(), instruments_with_boost.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most_common != instruments_with_boost.end() && instruments_with_boost.rbegin()->first > 0) {
    double usual = most_common->first;
    auto* kinds = new Xapian::ValueMapPostingSource(schema::kInstrumentSlot);
    kinds->set_default_weight(usual);
    for (const auto& [instrument, kind] : instrument_kinds)
      if (double b = kind_boost(kind); b != usual) kinds->add_mapping(instrument, b);
    parts.emplace_back(kinds->release());
  }
  auto* revised = new Xapian::ValueMapPostingSource(schema::kVersionCountSlot);
  revised->add_mapping("1", 0.0);
  revised->set_default_weight(kRevisedBoost);
  parts.emplace_back(revised->release());
  for (const auto& topic : query_topics) {
    // A fixed weight for every document filed under the topic (the filter carries no weight).
    Xapian::Query fixed((new Xapian::FixedWeightPostingSource(kTopicBoost))->release());
    parts.emplace_back(Xapian::Query::OP_FILTER, fixed, Xapian::Query(schema::prefixed(schema::kTopicTerm, topic)));
  }
  if (parts.empty()) return Xapian::Query();
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
