// Measures `provisio link suggest` on the sample submissions of tests/linking: recall@5 (of all the
// links a careful officer would make, the share found in the top 5 suggestions) and MRR (the mean of
// 1 / rank of the first right suggestion), for the tuning half, the held-out half and all samples
// (link_expectations.h); then the campaign grouping's precision and recall (eval_grouping.h). Run by
// `make eval-link`. Tune on the tuning half only; quote the held-out.
//
// usage: eval_link INDEX_DIR SAMPLES_DIR EXPECTED_TSV [--verbose] [--no-dates] [--ended-weight W] [--concept-sources]
//                  [--terms N] [--concepts W] [--topics W] [--feedback-docs N] [--feedback-terms N] [--feedback-weight W]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "eval_grouping.h"
#include "glossary.h"
#include "link_expectations.h"
#include "stored_document.h"
#include "text_folder.h"
#include "reader.h"
#include "submission_date.h"
#include "suggester.h"

namespace {

using provisio::linking_eval::JudgedSample;

constexpr std::size_t kCutoff = 5;

struct Outcome {
  std::size_t found = 0;  // expected links in the top kCutoff
  double reciprocal_rank = 0;
};

struct Totals {
  std::size_t samples = 0, expected = 0, found = 0;
  double recall_sum = 0, reciprocal_ranks = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_lang;  // lang -> found, expected

  void add(const JudgedSample& s, const Outcome& o) {
    ++samples;
    expected += s.links.size();
    found += o.found;
    recall_sum += static_cast<double>(o.found) / static_cast<double>(s.links.size());
    reciprocal_ranks += o.reciprocal_rank;
    by_lang[s.lang].first += o.found;
    by_lang[s.lang].second += s.links.size();
  }

  void print(const char* name) const {
    if (samples == 0) return;
    std::printf("%s: %zu samples, %zu expected links\n", name, samples, expected);
    std::printf("  recall@5 (all links): %.3f (%zu of %zu)\n", static_cast<double>(found) / expected, found, expected);
    std::printf("  recall@5 (mean per submission): %.3f\n", recall_sum / samples);
    std::printf("  MRR: %.3f\n", reciprocal_ranks / samples);
    for (const auto& [lang, fe] : by_lang)
      std::printf("    %-7s recall@5 %.3f (%zu of %zu)\n", lang.c_str(), static_cast<double>(fe.first) / fe.second,
                  fe.first, fe.second);
  }
};

std::string read_text(const std::string& dir, const std::string& file) {
  std::string path = dir + "/" + file;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return provisio::submissions::read_submission(path, bytes.str()).text;
}

std::string folded_lower(provisio::TextFolder& folder, std::string_view s) {
  std::string out = folder.fold(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// --concept-sources: where each name of the suggester's concept table (concepts.cc) occurs: in the
// corpus (any provision text or heading), the glossary, tuning samples, held-out samples. A name
// found only in held-out samples was fitted to them (issue 12) and has no place in the table.
int print_concept_sources(const std::string& index, const std::string& samples_dir,
                          const std::vector<JudgedSample>& samples) {
  provisio::TextFolder folder;
  std::string corpus;
  Xapian::Database db(index);
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    auto data = provisio::parse_stored_document(db.get_document(*id).get_data());
    corpus += folded_lower(folder, data.heading) + "\n";
    for (const auto& t : data.texts) corpus += folded_lower(folder, t.body) + "\n";
  }
  std::string glossary;
  for (const auto& c : provisio::Glossary::standard()->concepts())
    for (const auto& f : c.forms) glossary += folded_lower(folder, f.text) + "\n";
  std::map<std::string, std::string> by_half;
  for (const auto& s : samples) by_half[s.half] += folded_lower(folder, read_text(samples_dir, s.file)) + "\n";
  for (const auto& c : provisio::submissions::concepts()) {
    for (const auto& name : c.names) {
      std::string n = folded_lower(folder, name);
      std::string where;
      if (provisio::form_occurs(corpus, n)) where += " corpus";
      if (provisio::form_occurs(glossary, n)) where += " glossary";
      if (provisio::form_occurs(by_half[provisio::linking_eval::kTuningHalf], n)) where += " tuning";
      if (provisio::form_occurs(by_half[provisio::linking_eval::kHeldOutHalf], n)) where += " held-out";
      std::printf("%-24s %-36s%s\n", c.id.c_str(), name.c_str(), where.empty() ? " (nowhere)" : where.c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 4) {
    std::cerr << "usage: eval_link INDEX_DIR SAMPLES_DIR EXPECTED_TSV [--verbose]\n";
    return 2;
  }
  bool verbose = false, use_dates = true, concept_sources = false;
  provisio::submissions::SuggestTuning tuning;
  for (int i = 4; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose") verbose = true;
    else if (a == "--no-dates") use_dates = false;
    else if (a == "--concept-sources") concept_sources = true;
    else if (a == "--ended-weight" && i + 1 < argc) tuning.ended_weight = std::stod(argv[++i]);
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
  std::printf("tuning: terms %zu, concepts %.2f, topics %.2f, feedback %zu docs / %u terms x %.2f, "
              "dates %s, ended %.2f\n",
              tuning.max_terms, tuning.concept_boost, tuning.topic_bonus, tuning.feedback_docs,
              tuning.feedback_terms, tuning.feedback_weight, use_dates ? "on" : "off", tuning.ended_weight);
  provisio::submissions::LinkSuggester suggester(argv[1], tuning);
  auto samples = provisio::linking_eval::load_expectations(argv[3]);
  if (samples.empty()) {
    std::cerr << "eval_link: no samples in " << argv[3] << "\n";
    return 1;
  }
  if (concept_sources) return print_concept_sources(argv[1], argv[2], samples);
  std::map<std::string, Totals> halves;
  Totals all;
  for (const auto& sample : samples) {
    std::string path = std::string(argv[2]) + "/" + sample.file;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto read = provisio::submissions::read_submission(path, bytes.str());
    // The letter's day decides which versions count, as in `provisio link suggest` (--no-dates: none).
    auto written = use_dates ? provisio::submissions::submission_date(read.received, read.text) : std::nullopt;
    auto suggestions = suggester.suggest(read.text, 20, written);
    std::set<std::string> expected(sample.links.begin(), sample.links.end());
    Outcome o;
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
      bool right = expected.count(suggestions[i].id) > 0;
      if (right && i < kCutoff) ++o.found;
      if (right && o.reciprocal_rank == 0) o.reciprocal_rank = 1.0 / static_cast<double>(i + 1);
    }
    halves[sample.half].add(sample, o);
    all.add(sample, o);
    if (verbose) {
      std::printf("%-40s %-7s %-8s %-10s %zu/%zu  rr %.2f  top:", sample.file.c_str(), sample.lang.c_str(),
                  sample.half.c_str(), written ? written->iso().c_str() : "-", o.found, sample.links.size(),
                  o.reciprocal_rank);
      for (std::size_t i = 0; i < suggestions.size() && i < kCutoff; ++i)
        std::printf(" %s%s", suggestions[i].id.c_str(), expected.count(suggestions[i].id) ? "*" : "");
      std::printf("\n");
    }
  }
  halves[provisio::linking_eval::kTuningHalf].print("tuning half");
  halves[provisio::linking_eval::kHeldOutHalf].print("held-out half");
  all.print("all");
  provisio::testing::print_grouping_figures(argv[2]);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "eval_link: " << e.what() << "\n";
  return 1;
}
