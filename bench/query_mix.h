// The fixed query mix of the latency benchmark (bench/queries.tsv), read into SearchOptions.
#pragma once

#include <string>
#include <vector>

#include "searcher.h"

namespace provisio::bench {

struct BenchQuery {
  std::string category;  // en, zh-Hant, zh-Hans, mixed, phrase, filter, as-of
  SearchOptions options;
};

// Reads `path`: CATEGORY <tab> QUERY [<tab> OPTIONS], OPTIONS being space-separated key=value
// (lang, topic, instrument, as-of, limit; topic and instrument may repeat). Throws
// std::runtime_error "FILE:LINE: message" on a malformed line.
std::vector<BenchQuery> load_query_mix(const std::string& path);

}  // namespace provisio::bench
