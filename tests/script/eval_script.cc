// `make eval-script`: how well each Traditional-to-Simplified conversion turns the Hong Kong terms of
// tests/script/hk_terms.tsv into the Simplified forms a Mainland reader expects: ICU's transform
// (Provisio's display conversion until December 2026), OpenCC's t2s and hk2s, and Provisio's
// ScriptConverter (what `--lang zh-Hans` and `--script hans` show). Prints each conversion's
// accuracy and the terms it gets wrong. Not a test: a measurement (README, "Traditional and
// Simplified Chinese").
#include <opencc/opencc.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "script_converter.h"

namespace {

struct Term {
  std::string traditional, simplified;
};

std::vector<Term> read_terms(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Term> terms;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) throw std::runtime_error(path + ":" + std::to_string(n) + ": expected two columns");
    terms.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return terms;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string path = argc > 1 ? argv[1] : PROVISIO_SCRIPT_TERMS;
  auto terms = read_terms(path);

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_transform(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: no Traditional-Simplified transform");
  opencc::SimpleConverter t2s("t2s.json"), hk2s("hk2s.json");
  provisio::ScriptConverter provisio_converter;

  const std::vector<std::pair<std::string, std::function<std::string(const std::string&)>>> converters = {
      {"ICU Traditional-Simplified",
       [&](const std::string& s) {
         icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
         icu_transform->transliterate(u);
         std::string out;
         return u.toUTF8String(out);
       }},
      {"OpenCC t2s", [&](const std::string& s) { return t2s.Convert(s); }},
      {"OpenCC hk2s", [&](const std::string& s) { return hk2s.Convert(s); }},
      {"Provisio (hk2s + Mainland quotes)", [&](const std::string& s) { return provisio_converter.to_simplified(s); }},
  };
  std::printf("%zu terms (%s)\n", terms.size(), path.c_str());
  for (const auto& [name, convert] : converters) {
    std::size_t right = 0;
    std::string wrong;
    for (const auto& t : terms) {
      std::string got = convert(t.traditional);
      if (got == t.simplified)
        ++right;
      else
        wrong += "    " + t.traditional + " -> " + got + " (expected " + t.simplified + ")\n";
    }
    std::printf("%-36s %3zu/%zu = %5.1f%%\n%s", name.c_str(), right, terms.size(), 100.0 * right / terms.size(),
                wrong.c_str());
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "eval_script: " << e.what() << "\n";
  return 1;
}
