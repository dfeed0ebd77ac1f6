#include "facets.h"

#include <algorithm>

#include "schema.h"

namespace provisio {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  std::string id = doc.get_value(unit_slot_);
  seen_["instrument"][doc.get_value(schema::kInstrumentSlot)].insert(id);
  seen_["lang"][doc.get_value(schema::kLanguageSlot)].insert(id);
  seen_["year"][doc.get_value(schema::kEffectiveFromSlot).substr(0, 4)].insert(id);
  std::string topic_prefix(schema::kTopicTerm);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    t.skip_to(topic_prefix);
    if (t == doc.termlist_end() || (*t).compare(0, topic_prefix.size(), topic_prefix) != 0) break;
    seen_["topic"][(*t).substr(topic_prefix.size())].insert(id);
  }
}

Facets FacetSpy::facets() const {
  Facets out;
  for (const auto& [name, values] : seen_) {
    auto& list = out[name];
    for (const auto& [value, ids] : values) list.emplace_back(value, ids.size());
    // Years read best in date order; everything else by count. (A plain bool: clang 14, which
    // builds the fuzz harnesses, cannot capture a structured binding.)
    const bool by_year = name == "year";
    std::stable_sort(list.begin(), list.end(), [by_year](const auto& a, const auto& b) {
      return by_year ? a.first < b.first : a.second > b.second;
    });
  }
  return out;
}

}  // namespace provisio
