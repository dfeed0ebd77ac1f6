// make eval-search: Provisio against the Xapian n-gram baseline on the judged queries, one table.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "evaluate.h"

int main(int argc, char** argv) try {
  std::string queries = argc > 1 ? argv[1] : PROVISIO_RELEVANCE_QUERIES;
  std::string corpus_dir = argc > 2 ? argv[2] : PROVISIO_SOURCE_CORPUS;
  provisio::Diagnostics d;
  auto corpus = provisio::load_corpus(provisio::collect_corpus_files({corpus_dir}, d), d);
  if (!d.empty()) {
    for (const auto& x : d) std::cerr << x.to_string() << "\n";
    return 1;
  }
  auto judged = provisio::relevance::load_queries(queries);
  std::string work = std::filesystem::temp_directory_path() / ("provisio-eval-" + std::to_string(getpid()));
  provisio::relevance::Engines engines(corpus, work);
  auto ours = provisio::relevance::evaluate(judged, engines.provisio());
  auto base = provisio::relevance::evaluate(judged, engines.baseline());
  std::filesystem::remove_all(work);

  std::printf("%zu judged queries, %zu provisions; Provisio vs Xapian FLAG_CJK_NGRAM baseline\n\n", judged.size(),
              corpus.provision_count());
  std::printf("| queries | n | MRR Provisio | MRR baseline | recall@5 Provisio | recall@5 baseline | nDCG@10 Provisio | nDCG@10 baseline |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  for (const std::string lang : {"en", "zh-Hant", "zh-Hans", "mixed", "all"}) {
    if (!ours.count(lang)) continue;
    const auto &a = ours[lang], &b = base[lang];
    std::printf("| %s | %zu | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", lang.c_str(), a.queries, a.mrr, b.mrr,
                a.recall5, b.recall5, a.ndcg10, b.ndcg10);
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "eval-search: " << e.what() << "\n";
  return 1;
}
