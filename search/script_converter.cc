#include "script_converter.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace provisio {

struct ScriptConverter::Icu {
  std::unique_ptr<icu::Transliterator> to_simplified;
};

ScriptConverter::ScriptConverter() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->to_simplified.reset(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !icu_->to_simplified)
    throw std::runtime_error("ICU: cannot create the Traditional-Simplified transform");
}

ScriptConverter::~ScriptConverter() = default;

std::string ScriptConverter::to_simplified(std::string_view text) const {
  // Whole strings, not characters: the transform knows some words (乾淨 -> 干净).
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu_->to_simplified->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
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

}  // namespace provisio
