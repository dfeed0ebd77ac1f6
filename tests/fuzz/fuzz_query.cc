// The query language (search/query_builder and the analyser's query side): any text as a query,
// against an empty in-memory database.
#include <xapian.h>

#include <cstdint>
#include <string>

#include "analyzer.h"
#include "query_builder.h"
#include "searcher.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  static provisio::Analyzer analyzer;
  provisio::QueryBuilder builder(db, analyzer);
  try {
    builder.build(std::string(reinterpret_cast<const char*>(data), size), Xapian::Query::OP_AND);
  } catch (const provisio::SearchError&) {
    // Rejected with a message: the expected answer to a bad query.
  }
  return 0;
}
