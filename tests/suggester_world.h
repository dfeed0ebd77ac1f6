// What the link-suggester tests share: a small index written from corpus files in a temporary
// folder, suggestions ranked without the minimum score, and the ids of a list of suggestions.
#pragma once

#include <boost/test/unit_test.hpp>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "corpus.h"
#include "index_writer.h"
#include "suggester.h"
#include "test_support.h"

namespace provisio::testing {

// An index at DIR/db of the corpus files given as (file name, XML), written into DIR/corpus. The
// corpus must load without a diagnostic.
struct SuggesterWorld {
  TempDir dir;
  std::string db = dir / "db";
  explicit SuggesterWorld(std::initializer_list<std::pair<std::string, std::string>> files) {
    for (const auto& [name, xml] : files) write_file(dir / ("corpus/" + name), xml);
    Diagnostics d;
    auto corpus = load_corpus(collect_corpus_files({dir / "corpus"}, d), d);
    BOOST_REQUIRE(d.empty());
    IndexOptions o;
    o.db_path = db;
    o.input_paths = {dir / "corpus"};
    write_index(corpus, o);
  }
};

// The default minimum score is calibrated on the bundled corpus; BM25 weights over a test's few
// provisions are far smaller, so the tests rank without a minimum.
inline submissions::SuggestTuning no_minimum() {
  submissions::SuggestTuning t;
  t.min_score = 0;
  return t;
}

inline std::vector<std::string> ids(const std::vector<submissions::Suggestion>& suggestions) {
  std::vector<std::string> out;
  for (const auto& s : suggestions) out.push_back(s.id);
  return out;
}

}  // namespace provisio::testing
