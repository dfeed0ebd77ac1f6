#include "link_expectations.h"

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace provisio::linking_eval {

std::vector<std::string> half_by_rule(const std::vector<JudgedSample>& samples) {
  std::map<std::set<std::string>, std::size_t> unit_of;  // set of links -> 1-based unit number
  std::vector<std::string> out;
  for (const auto& s : samples) {
    auto [it, added] = unit_of.try_emplace(std::set<std::string>(s.links.begin(), s.links.end()), unit_of.size() + 1);
    out.push_back(it->second % 2 == 1 ? kTuningHalf : kHeldOutHalf);
  }
  return out;
}

std::vector<JudgedSample> load_expectations(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read file");
  std::vector<JudgedSample> out;
  std::vector<int> line_of;
  std::set<std::string> files;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& why) { throw std::runtime_error(path + ":" + std::to_string(n) + ": " + why); };
    std::vector<std::string> columns;
    std::istringstream split(line);
    for (std::string c; std::getline(split, c, '\t');) columns.push_back(c);
    if (columns.size() != 4) fail("expected 4 tab-separated columns (file, lang, half, links), found " +
                                  std::to_string(columns.size()));
    JudgedSample s{columns[0], columns[1], columns[2], {}};
    if (s.lang != "en" && s.lang != "zh-Hant" && s.lang != "zh-Hans")
      fail("unknown language '" + s.lang + "' (expected en, zh-Hant or zh-Hans)");
    if (s.half != kTuningHalf && s.half != kHeldOutHalf)
      fail("half must be \"" + std::string(kTuningHalf) + "\" or \"" + kHeldOutHalf + "\", not '" + s.half + "'");
    std::istringstream ids(columns[3]);
    s.links.assign(std::istream_iterator<std::string>(ids), std::istream_iterator<std::string>());
    if (s.links.empty()) fail("no links for " + s.file);
    if (!files.insert(s.file).second) fail(s.file + " is listed twice");
    out.push_back(std::move(s));
    line_of.push_back(n);
  }
  auto halves = half_by_rule(out);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i].half != halves[i])
      throw std::runtime_error(path + ":" + std::to_string(line_of[i]) + ": " + out[i].file + " is in the " +
                               out[i].half + " half, but the split rule (link_expectations.h) puts it in the " +
                               halves[i] + " half");
  return out;
}

}  // namespace provisio::linking_eval
