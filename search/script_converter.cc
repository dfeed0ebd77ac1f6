#include "script_converter.h"

#include <opencc/opencc.h>

#include <algorithm>
#include <stdexcept>

namespace provisio {

struct ScriptConverter::OpenCC {
  std::unique_ptr<opencc::SimpleConverter> hk2s;
};

ScriptConverter::ScriptConverter() : opencc_(std::make_unique<OpenCC>()) {
  try {
    // Found in OpenCC's data folder (/usr/share/opencc on Debian).
    opencc_->hk2s = std::make_unique<opencc::SimpleConverter>("hk2s.json");
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("OpenCC: cannot load the hk2s conversion (is libopencc1.1 installed?): ") +
                             e.what());
  }
}

ScriptConverter::~ScriptConverter() = default;

namespace {

// OpenCC converts characters and words but keeps Hong Kong's corner brackets; Mainland text
// quotes with curly marks.
std::string mainland_quotes(std::string text) {
  static const std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"「", "“"}, {"」", "”"}, {"『", "‘"}, {"』", "’"}};
  for (const auto& [from, to] : kQuotes)
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  return text;
}

}  // namespace

std::string ScriptConverter::to_simplified(std::string_view text) const {
  if (text.empty()) return {};
  // Whole strings, not characters: OpenCC knows words (乾燥 -> 干燥, 瞭望 stays).
  return mainland_quotes(opencc_->hk2s->Convert(text.data(), text.size()));
}

Snippet ScriptConverter::to_simplified(const Snippet& snippet) const {
  Snippet out;
  std::size_t at = 0;
  for (const auto& [b, e] : snippet.highlights) {
    out.text += to_simplified(std::string_view(snippet.text).substr(at, b - at));
    std::size_t start = out.text.size();
    out.text += to_simplified(std::string_view(snippet.text).substr(b, e - b));
    out.highlights.emplace_back(start, out.text.size());
    at = e;
  }
  out.text += to_simplified(std::string_view(snippet.text).substr(at));
  return out;
}

namespace {

void convert_hit(Hit& h, const ScriptConverter& converter) {
  if (h.lang == "en") return;
  h.heading = converter.to_simplified(h.heading);
  h.citation = converter.to_simplified(h.citation);
  h.snippet = converter.to_simplified(h.snippet);
  if (h.lang == "zh-Hant") h.lang = "zh-Hans";  // what is shown is now Simplified
}

}  // namespace

void to_simplified(std::vector<Hit>& hits, const ScriptConverter& converter) {
  for (auto& h : hits) {
    convert_hit(h, converter);
    for (auto& p : h.parallel) convert_hit(p, converter);
  }
}

void to_simplified(std::vector<ProvisionSummary>& provisions, const ScriptConverter& converter) {
  for (auto& p : provisions) {
    if (p.lang == "en") continue;
    p.heading = converter.to_simplified(p.heading);
    p.citation = converter.to_simplified(p.citation);
    p.instrument_title = converter.to_simplified(p.instrument_title);
    for (auto& division : p.divisions) division = converter.to_simplified(division);
    if (p.lang == "zh-Hant") p.lang = "zh-Hans";
  }
}

void to_simplified(History& history, const ScriptConverter& converter) {
  history.name = converter.to_simplified(history.name);
  for (auto& step : history.steps) {
    step.instrument_title = converter.to_simplified(step.instrument_title);
    step.heading = converter.to_simplified(step.heading);
    step.body = converter.to_simplified(step.body);
    for (auto* ops : {&step.heading_diff, &step.body_diff})
      for (auto& op : *ops) op.text = converter.to_simplified(op.text);
  }
}

std::vector<StoredDocument> with_simplified(const std::vector<StoredDocument>& docs, const ScriptConverter& converter) {
  auto has_simplified = [&](const StoredDocument& d) {
    return std::any_of(docs.begin(), docs.end(), [&](const StoredDocument& o) {
      return o.lang == "zh-Hans" && o.effective_from == d.effective_from;
    });
  };
  std::vector<StoredDocument> out;
  for (const auto& d : docs) {
    out.push_back(d);
    if (d.lang != "zh-Hant" || has_simplified(d)) continue;
    StoredDocument s = d;
    s.lang = "zh-Hans";
    s.heading = converter.to_simplified(d.heading);
    s.citation = converter.to_simplified(d.citation);
    s.instrument_title = converter.to_simplified(d.instrument_title);
    for (auto& division : s.divisions) division = converter.to_simplified(division);
    for (auto& t : s.texts) t.body = converter.to_simplified(t.body);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace provisio
