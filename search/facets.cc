#include "facets.h"

#include <algorithm>

#include "schema.h"

namespace provisio {

namespace {

std::vector<std::string> split(const std::string& s, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t at; (at = s.find(separator, start)) != std::string::npos; start = at + 1)
    out.push_back(s.substr(start, at - start));
  out.push_back(s.substr(start));
  return out;
}

}  // namespace

Facets facets_from(const Xapian::ValueCountMatchSpy& facet_spy, bool by_version) {
  std::map<std::string, std::map<std::string, std::set<std::string>>> seen;
  for (auto v = facet_spy.values_begin(); v != facet_spy.values_end(); ++v) {
    // "<provision>@<from-iso>" US instrument US lang US topic RS topic ... (schema::kFacetSlot)
    auto fields = split(*v, schema::kFacetFieldSeparator);
    if (fields.size() < 4) continue;  // a document of an older format: rebuilt by the next index run
    const std::string& version = fields[0];
    std::size_t at = version.rfind('@');
    if (at == std::string::npos) continue;
    std::string unit = by_version ? version : version.substr(0, at);
    seen["instrument"][fields[1]].insert(unit);
    seen["lang"][fields[2]].insert(unit);
    seen["year"][version.substr(at + 1, 4)].insert(unit);
    if (!fields[3].empty())
      for (const auto& topic : split(fields[3], schema::kFacetTopicSeparator)) seen["topic"][topic].insert(unit);
  }
  Facets out;
  for (const auto& [name, values] : seen) {
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

std::size_t DistinctCounter::count() const {
  std::size_t n = 0;
  for (auto v = spy_->values_begin(); v != spy_->values_end(); ++v) ++n;
  return n;
}

}  // namespace provisio
