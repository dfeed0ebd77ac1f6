// Analysis throughput: MB/s of Analyzer::index_text on English and on Chinese text (the bundled
// corpus's texts, repeated), beside Xapian's own TermGenerator with FLAG_CJK_NGRAM and the English
// stemmer on the same text, in the same run. Loading the lexicon is done before timing.
//
// Run: make bench-analysis   (or build/bench/bench_analysis --benchmark_min_time=1)
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <iostream>

#include "analyzer.h"
#include "corpus.h"

namespace {

// The corpus's texts in `lang`, one string per provision text, repeated to about `bytes`.
const std::vector<std::string>& texts(const std::string& lang) {
  static std::map<std::string, std::vector<std::string>> cache;
  auto& out = cache[lang];
  if (!out.empty()) return out;
  provisio::Diagnostics d;
  auto corpus = provisio::load_corpus(provisio::collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d);
  std::vector<std::string> one;
  for (const auto& i : corpus.instruments)
    for (const auto& p : i.provisions)
      for (const auto& v : p.versions)
        for (const auto& t : v.texts)
          if (t.lang == lang) one.push_back(t.body);
  std::size_t total = 0;
  while (total < 2'000'000 && !one.empty())
    for (const auto& t : one) {
      out.push_back(t);
      total += t.size();
    }
  return out;
}

std::size_t bytes_of(const std::vector<std::string>& v) {
  std::size_t n = 0;
  for (const auto& s : v) n += s.size();
  return n;
}

void provisio_analyzer(benchmark::State& state, const std::string& lang) {
  const auto& input = texts(lang);
  provisio::Analyzer analyzer;
  {
    Xapian::Document warm;
    analyzer.begin_document(warm);
    analyzer.index_text("檢測認證 testing");  // loads the lexicon and glossary before timing
  }
  for (auto _ : state) {
    for (const auto& text : input) {
      Xapian::Document doc;
      analyzer.begin_document(doc);
      analyzer.index_text(text);
      benchmark::DoNotOptimize(doc.termlist_count());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(input)));
}

void xapian_cjk_ngram(benchmark::State& state, const std::string& lang) {
  const auto& input = texts(lang);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  for (auto _ : state) {
    for (const auto& text : input) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text);
      benchmark::DoNotOptimize(doc.termlist_count());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(input)));
}

}  // namespace

BENCHMARK_CAPTURE(provisio_analyzer, english, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(xapian_cjk_ngram, english, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(provisio_analyzer, chinese, std::string("zh-Hant"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(xapian_cjk_ngram, chinese, std::string("zh-Hant"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
