// Analyses documents on worker threads and hands them, in order, to the one thread that writes.
//
// Xapian allows one writer per database, but analysis (folding, segmentation, term generation) is
// independent per document. build_documents_in_parallel() runs the analysis of `plans` on
// `threads` workers, each with its own Analyzer, in batches; the calling thread receives every
// document in the order of `plans` and writes it. At most a fixed number of batches are built
// ahead of the writer, so memory stays bounded however many documents there are.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <vector>

#include "document_builder.h"

namespace provisio {

// Makes the plan of document `i` (called on a worker thread; must be safe to call concurrently).
using PlanSource = std::function<DocumentPlan(std::size_t i)>;
// Receives document `i` on the calling thread, in increasing order of `i`.
using DocumentSink = std::function<void(std::size_t i, Xapian::Document& doc)>;

struct ParallelBuildOptions {
  unsigned threads = 0;           // analysis workers; 0 = one per hardware thread
  std::size_t batch_size = 64;    // documents a worker builds at a time
  std::size_t batches_ahead = 8;  // per worker: how far the workers may run ahead of the writer
};

// Builds documents 0..count-1 (plan from `source`, analysed by build_document()) and passes each to
// `sink` on the calling thread. An exception from a worker or from `sink` stops everything; it is
// rethrown here once every worker has stopped.
void build_documents_in_parallel(std::size_t count, const PlanSource& source, const DocumentSink& sink,
                                 const ParallelBuildOptions& options = {});

}  // namespace provisio
