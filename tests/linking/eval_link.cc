// Measures `provisio link suggest` on the sample submissions of tests/linking: recall@5 (of all the
// links a careful officer would make, the share found in the top 5 suggestions) and MRR (the mean of
// 1 / rank of the first right suggestion); then the campaign grouping's precision and recall
// (eval_grouping.h). Run by `make eval-link`.
//
// usage: eval_link INDEX_DIR SAMPLES_DIR EXPECTED_TSV [--verbose] [--terms N] [--concepts W] [--topics W]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "eval_grouping.h"
#include "language.h"
#include "reader.h"
#include "suggester.h"

int main(int argc, char** argv) try {
  if (argc < 4) {
    std::cerr << "usage: eval_link INDEX_DIR SAMPLES_DIR EXPECTED_TSV [--verbose]\n";
    return 2;
  }
  bool verbose = false;
  provisio::submissions::SuggestTuning tuning;
  for (int i = 4; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose") verbose = true;
    else if (a == "--terms" && i + 1 < argc) tuning.max_terms = std::stoul(argv[++i]);
    else if (a == "--concepts" && i + 1 < argc) tuning.concept_boost = std::stod(argv[++i]);
    else if (a == "--topics" && i + 1 < argc) tuning.topic_bonus = std::stod(argv[++i]);
    else if (a == "--feedback-docs" && i + 1 < argc) tuning.feedback_docs = std::stoul(argv[++i]);
    else if (a == "--feedback-terms" && i + 1 < argc) tuning.feedback_terms = static_cast<Xapian::termcount>(std::stoul(argv[++i]));
    else if (a == "--feedback-weight" && i + 1 < argc) tuning.feedback_weight = std::stod(argv[++i]);
    else {
      std::cerr << "eval_link: unknown option '" << a << "'\n";
      return 2;
    }
  }
  std::printf("tuning: terms %zu, concepts %.2f, topics %.2f, feedback %zu docs / %u terms x %.2f\n",
              tuning.max_terms, tuning.concept_boost, tuning.topic_bonus, tuning.feedback_docs,
              tuning.feedback_terms, tuning.feedback_weight);
  provisio::submissions::LinkSuggester suggester(argv[1], tuning);
  provisio::submissions::LanguageDetector languages;
  std::ifstream tsv(argv[3]);
  if (!tsv) {
    std::cerr << "eval_link: cannot read " << argv[3] << "\n";
    return 1;
  }
  constexpr std::size_t kCutoff = 5;
  std::size_t samples = 0, expected_total = 0, found_total = 0;
  double reciprocal_ranks = 0, recall_sum = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_lang;  // lang -> found, expected
  std::string line;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string file = line.substr(0, line.find('\t'));
    std::istringstream ids(line.substr(line.find('\t') + 1));
    std::set<std::string> expected{std::istream_iterator<std::string>(ids), std::istream_iterator<std::string>()};
    std::string path = std::string(argv[2]) + "/" + file;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto read = provisio::submissions::read_submission(path, bytes.str());
    std::string lang = languages.detect(read.text);
    auto suggestions = suggester.suggest(read.text, 20);
    std::size_t found = 0;
    double rr = 0;
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
      bool right = expected.count(suggestions[i].id) > 0;
      if (right && i < kCutoff) ++found;
      if (right && rr == 0) rr = 1.0 / static_cast<double>(i + 1);
    }
    ++samples;
    expected_total += expected.size();
    found_total += found;
    recall_sum += static_cast<double>(found) / static_cast<double>(expected.size());
    reciprocal_ranks += rr;
    by_lang[lang].first += found;
    by_lang[lang].second += expected.size();
    if (verbose) {
      std::printf("%-40s %-7s %zu/%zu  rr %.2f  top:", file.c_str(), lang.c_str(), found, expected.size(), rr);
      for (std::size_t i = 0; i < suggestions.size() && i < kCutoff; ++i)
        std::printf(" %s%s", suggestions[i].id.c_str(), expected.count(suggestions[i].id) ? "*" : "");
      std::printf("\n");
    }
  }
  if (samples == 0) {
    std::cerr << "eval_link: no samples in " << argv[3] << "\n";
    return 1;
  }
  std::printf("samples: %zu, expected links: %zu\n", samples, expected_total);
  std::printf("recall@5 (all links): %.3f (%zu of %zu)\n", static_cast<double>(found_total) / expected_total,
              found_total, expected_total);
  std::printf("recall@5 (mean per submission): %.3f\n", recall_sum / samples);
  std::printf("MRR: %.3f\n", reciprocal_ranks / samples);
  for (const auto& [lang, fe] : by_lang)
    std::printf("  %-7s recall@5 %.3f (%zu of %zu)\n", lang.c_str(), static_cast<double>(fe.first) / fe.second,
                fe.first, fe.second);
  provisio::testing::print_grouping_figures(argv[2]);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "eval_link: " << e.what() << "\n";
  return 1;
}
