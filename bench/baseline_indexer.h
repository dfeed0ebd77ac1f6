// The yardstick: Xapian's own indexing of the same documents, for the benchmark to compare with.
//
// Every document gets exactly what Provisio stores (data, boolean terms, values: add_identity())
// but its text is analysed by one Xapian::TermGenerator with the English stemmer and
// FLAG_CJK_NGRAM (Xapian's built-in Chinese: character unigrams and bigrams), in one thread, with
// the same field weights and gaps as Provisio's analyser. The difference between the two runs is
// therefore the cost of our analysis and of our pipeline, nothing else.
#pragma once

#include <cstddef>
#include <string>

#include "corpus.h"

namespace provisio::bench {

struct BaselineReport {
  std::size_t documents = 0;
  double seconds = 0;  // writing only (the corpus was already loaded)
};

// Indexes `corpus` into a new database at `db_path` (which must not exist), in one transaction.
BaselineReport write_baseline_index(const Corpus& corpus, const std::string& db_path);

}  // namespace provisio::bench
