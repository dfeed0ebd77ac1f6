// The whole benchmark of issue 8, in one run: converts slices of the Taiwan law corpus, indexes
// each with `provisio index` and with the Xapian n-gram baseline (each a child process, measured
// for wall time and peak memory, several runs, medians), compares index sizes before and after
// xapian-compact, measures query latency in the library on the largest index and whole-process
// `provisio search` on the bundled corpus, and re-indexes the largest slice unchanged and with 1%
// of its articles changed. Prints Markdown tables on `out` and progress on `log`.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace provisio::bench {

struct BenchmarkOptions {
  std::string data_file;              // articles.jsonl.xz
  std::string work_dir;               // scratch folder (corpora, indexes); created if missing
  std::vector<std::size_t> slices;    // article counts, 0 = all articles; in increasing order
  // Runs per indexing figure (the median is printed): one number for every slice, or one per
  // slice. The incremental runs on the largest slice use the last number.
  std::vector<unsigned> runs = {3};
  unsigned query_repeat = 5;          // timed passes over the query mix (after one warm-up pass)
  unsigned search_runs = 10;          // passes over the whole-process search queries
  std::string queries_file;           // bench/queries.tsv
  std::string provisio;               // the provisio binary
  std::string self;                   // this benchmark's binary (runs the baseline subcommand)
  std::string bundled_corpus;         // corpus/instruments
  bool keep = false;                  // keep work_dir's corpora and indexes afterwards
};

// Runs everything; returns 0, or throws std::runtime_error when a step fails (the message names
// the step and quotes the child's stderr).
int run_benchmark(const BenchmarkOptions& options, std::ostream& out, std::ostream& log);

// The library query figures of the whole mix, in milliseconds (baseline ones 0 when not measured).
struct QueryFigures {
  double p50 = 0, p99 = 0, baseline_p50 = 0, baseline_p99 = 0;
};

// Library query latency on `db_path`: one warm-up pass over `queries_file`, then `repeat` timed
// passes. With `baseline_db` (an index of the same corpus by the n-gram baseline), the same
// queries through Xapian alone on it too (QueryParser with CJK n-grams, every word required, the
// same filters). Prints a table on `out`.
QueryFigures run_query_benchmark(const std::string& db_path, const std::string& queries_file, unsigned repeat,
                                 std::ostream& out, const std::string& baseline_db = "");

}  // namespace provisio::bench
