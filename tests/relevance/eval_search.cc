// make eval-search: Provisio against the Xapian n-gram baseline on the judged queries, for the
// tuning half, the held-out half and both (evaluate.h explains the split).
//
//   eval_search [QUERIES [CORPUS]] [--per-query]
// --per-query also lists, for each query of the tuning half only, the rank of its first answer
// (what ranking may be tuned on); held-out queries are reported as averages only.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "evaluate.h"

namespace {

void print_table(const char* half, const std::vector<provisio::relevance::JudgedQuery>& judged,
                 provisio::relevance::Engines& engines) {
  auto ours = provisio::relevance::evaluate(judged, engines.provisio());
  auto base = provisio::relevance::evaluate(judged, engines.baseline());
  for (const std::string lang : {"en", "zh-Hant", "zh-Hans", "mixed", "all"}) {
    if (!ours.count(lang)) continue;
    const auto &a = ours[lang], &b = base[lang];
    std::printf("| %s | %s | %zu | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", half, lang.c_str(), a.queries, a.mrr,
                b.mrr, a.recall5, b.recall5, a.ndcg10, b.ndcg10);
  }
}

}  // namespace

int main(int argc, char** argv) try {
  using namespace provisio::relevance;
  std::vector<std::string> args;
  bool per_query = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--per-query") == 0)
      per_query = true;
    else
      args.push_back(argv[i]);
  }
  std::string queries = args.size() > 0 ? args[0] : PROVISIO_RELEVANCE_QUERIES;
  std::string corpus_dir = args.size() > 1 ? args[1] : PROVISIO_SOURCE_CORPUS;
  provisio::Diagnostics d;
  auto corpus = provisio::load_corpus(provisio::collect_corpus_files({corpus_dir}, d), d);
  if (!d.empty()) {
    for (const auto& x : d) std::cerr << x.to_string() << "\n";
    return 1;
  }
  auto judged = load_queries(queries);
  std::string work = std::filesystem::temp_directory_path() / ("provisio-eval-" + std::to_string(getpid()));
  Engines engines(corpus, work);
  auto tuning = in_half(judged, kTuningHalf), held_out = in_half(judged, kHeldOutHalf);

  std::printf("%zu judged queries (%zu tuning, %zu held-out), %zu provisions; Provisio vs Xapian FLAG_CJK_NGRAM baseline\n\n",
              judged.size(), tuning.size(), held_out.size(), corpus.provision_count());
  std::printf("| half | queries | n | MRR Provisio | MRR baseline | recall@5 Provisio | recall@5 baseline | nDCG@10 Provisio | nDCG@10 baseline |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  print_table(kHeldOutHalf, held_out, engines);
  print_table(kTuningHalf, tuning, engines);
  print_table("both", judged, engines);
  if (per_query) {
    std::printf("\nTuning half, query by query: rank of the first answer (0: not in the ranking), recall@5\n");
    auto ranker = engines.provisio();
    for (const auto& q : tuning) {
      auto ranking = ranker(q);
      Metrics m = measure(ranking, q.grades);
      std::printf("%s\t%zu\t%.2f\t%s\n", q.id.c_str(), first_answer_rank(ranking, q.grades), m.recall5, q.query.c_str());
    }
  }
  std::filesystem::remove_all(work);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "eval-search: " << e.what() << "\n";
  return 1;
}
