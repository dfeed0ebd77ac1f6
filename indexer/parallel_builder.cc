#include "parallel_builder.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "analyzer.h"

namespace provisio {

namespace {

// The batches in flight, shared by the workers and the writer. Batch b lives in slot b % size.
class BatchRing {
 public:
  BatchRing(std::size_t batches, std::size_t capacity) : batches_(batches), slots_(capacity) {}

  // The next batch for a worker to build, once there is room for it; nullopt when all are taken
  // or the run is stopping.
  std::optional<std::size_t> take() {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stop_ || next_ >= batches_ || next_ < consumed_ + slots_.size(); });
    if (stop_ || next_ >= batches_) return std::nullopt;
    return next_++;
  }

  void put(std::size_t batch, std::vector<Xapian::Document>&& docs) {
    std::lock_guard lock(mutex_);
    Slot& s = slots_[batch % slots_.size()];
    s.docs = std::move(docs);
    s.ready = batch;
    ready_.notify_all();
  }

  // Waits for batch `batch` (which must be the next one in order); empty if the run is stopping.
  std::optional<std::vector<Xapian::Document>> get(std::size_t batch) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[batch % slots_.size()];
    ready_.wait(lock, [&] { return stop_ || s.ready == batch; });
    if (stop_) return std::nullopt;
    std::vector<Xapian::Document> docs = std::move(s.docs);
    s.docs.clear();
    s.ready = kNone;
    ++consumed_;
    room_.notify_all();
    return docs;
  }

  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = e;
    stop_ = true;
    room_.notify_all();
    ready_.notify_all();
  }

  std::exception_ptr error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct Slot {
    std::size_t ready = kNone;  // the batch whose documents `docs` holds
    std::vector<Xapian::Document> docs;
  };
  const std::size_t batches_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::size_t next_ = 0, consumed_ = 0;
  bool stop_ = false;
  std::exception_ptr error_;
};

}  // namespace

void build_documents_in_parallel(std::size_t count, const PlanSource& source, const DocumentSink& sink,
                                 const ParallelBuildOptions& options) {
  if (count == 0) return;
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::size_t batch_size = std::max<std::size_t>(1, options.batch_size);
  std::size_t batches = (count + batch_size - 1) / batch_size;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, batches));
  BatchRing ring(batches, std::max<std::size_t>(2, options.batches_ahead) * threads);

  auto work = [&] {
    try {
      Analyzer analyzer;
      while (auto b = ring.take()) {
        std::vector<Xapian::Document> docs;
        std::size_t first = *b * batch_size, last = std::min(count, first + batch_size);
        docs.reserve(last - first);
        for (std::size_t i = first; i < last; ++i) docs.push_back(build_document(analyzer, source(i)));
        ring.put(*b, std::move(docs));
      }
    } catch (...) {
      ring.fail(std::current_exception());
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);

  try {
    for (std::size_t b = 0; b < batches; ++b) {
      auto docs = ring.get(b);
      if (!docs) break;
      for (std::size_t k = 0; k < docs->size(); ++k) sink(b * batch_size + k, (*docs)[k]);
    }
  } catch (...) {
    ring.fail(std::current_exception());
  }
  for (auto& w : workers) w.join();
  if (auto e = ring.error()) std::rethrow_exception(e);
}

}  // namespace provisio
