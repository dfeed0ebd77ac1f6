// The query language (search/query_builder and the analyser's query side): any text as a query,
// against an empty in-memory database.
#include <xapian.h>

#include <cstdint>
#include <string>

#include "analyzer.h"
#include "query_builder.h"
#include "searcher.h"

namespace {

Xapian::WritableDatabase& database() {
  static Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  return db;
}

provisio::Analyzer& analyzer() {
  static provisio::Analyzer a;
  return a;
}

void build(const std::string& query) {
  provisio::QueryBuilder builder(database(), analyzer());
  try {
    builder.build(query, Xapian::Query::OP_AND);
  } catch (const provisio::SearchError&) {
    // Rejected with a message: the expected answer to a bad query.
  }
}

}  // namespace

// Called once by libFuzzer before any input: the lexicon and glossary load here, so their load
// (over 10 s under ASan on a busy machine) counts against no input's -timeout. Before, the first
// input timed out, and libFuzzer's timeout handler then deadlocked in ASan's allocator.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  build("檢測 CCC testing");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  build(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
