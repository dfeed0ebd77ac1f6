// Writes a validated corpus into a Xapian database, incrementally and atomically.
//
// Each provision version and language becomes one document (layout in schema.h). Documents carry a
// hash of their content: a run over an unchanged corpus writes nothing; a changed document is
// replaced; a document whose provision, version or language has gone from the files being indexed
// is deleted. A run is all or nothing: an existing database is changed in one Xapian transaction;
// a new one is built beside its final path and renamed into place when complete. Either way a
// failure part-way leaves things as they were before the run.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "corpus.h"

namespace provisio {

struct IndexOptions {
  std::string db_path;
  // The paths the corpus was read from (files and folders). Documents that came from a file at or
  // under one of them, or that belong to an instrument in the corpus, are replaced by this run;
  // documents from elsewhere (another folder indexed into the same database) are left alone.
  std::vector<std::string> input_paths;
  // Called now and then with (documents done, documents in all); may be empty.
  std::function<void(std::size_t, std::size_t)> progress;
  // Analysis worker threads (one writer thread besides them); 0 = one per hardware thread.
  unsigned threads = 0;
  // Documents Xapian buffers in memory before it writes them out to the database files (within
  // the transaction): the main bound on memory. 0 = $XAPIAN_FLUSH_THRESHOLD if set, else
  // kDefaultFlushThreshold.
  std::size_t flush_threshold = 0;
  // Shards (shard_layout.h): 0 keeps the layout the index at db_path has (a single index when
  // there is none yet); N >= 1 makes a new index a sharded one with N shards, and must equal the
  // shard count of an existing sharded index (a different count would move documents between
  // shards: index into a new path instead). A single index cannot be sharded in place.
  unsigned shards = 0;
};

// Chosen by measurement (README, "Performance"): on 100,000 Taiwan law articles, 1000 took 19%
// less CPU and 30% less peak memory than Xapian's default of 10000 (smaller in-memory posting
// maps are faster to update than the extra flushes cost).
inline constexpr std::size_t kDefaultFlushThreshold = 1000;

struct IndexReport {
  std::size_t instruments = 0;
  std::size_t provisions = 0;
  std::size_t versions = 0;
  std::size_t documents = 0;  // documents the corpus yields
  std::set<std::string> languages;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t deleted = 0;
  std::size_t unchanged = 0;
  std::chrono::duration<double> elapsed{};

  bool changed() const { return added + replaced + deleted > 0; }
};

// Brings the database at options.db_path (created if missing) in line with `corpus`. A sharded
// index (options.shards, shard_layout.h) has all its databases written in one run: each in its
// own transaction, committed shards first and head last once every document is written (Xapian
// has no transaction across databases; a failure between two commits is repaired by the next run).
// Deciding what changed needs no analysis (content hashes of the stored data, compared with the
// hashes read from the database's value streams), so an unchanged corpus costs little more than
// reading it. Changed documents are analysed on options.threads workers and written by the
// calling thread. Sets XAPIAN_FLUSH_THRESHOLD in the environment while it opens the database (see
// flush_threshold) and restores it after: do not call while other threads use the environment.
// REQUIRES: `corpus` came from load_corpus() with no diagnostics.
// Throws Xapian::Error (e.g. DatabaseLockError) or std::runtime_error; the database is then as it
// was before the call.
IndexReport write_index(const Corpus& corpus, const IndexOptions& options);

// Validates `files` (as load_corpus() does, with the same diagnostics) and, when they are valid,
// does what write_index() does, without holding the corpus in memory: files are parsed for
// validation, planned and let go, and those with documents to write are parsed again, a round of
// files at a time, when they are analysed. Memory is thus bounded by the largest round rather
// than by the corpus. (Measured on 100,000 articles: 241 MiB peak against 354 MiB when 64 MiB of
// XML was held parsed, in the same time: parsing is cheap beside analysis and writing.)
// With diagnostics, nothing is opened or written and the report is empty. Throws as write_index()
// does, and std::runtime_error naming the file when a file changes between the two readings.
IndexReport index_corpus_files(const std::vector<std::string>& files, const IndexOptions& options,
                               Diagnostics& diagnostics);

}  // namespace provisio
