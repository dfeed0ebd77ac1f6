// The diagnostics of loading corpus files written from literals, for tests of the corpus reader.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "corpus.h"
#include "test_support.h"

namespace provisio::testing {

// Loads `files` (name -> content) from a temp folder, as `provisio index FOLDER` would find them;
// returns the diagnostics, one per line, with the folder's path removed so that expectations read
// "x.xml:3:5: message".
inline std::string corpus_problems(const std::vector<std::pair<std::string, std::string>>& files) {
  TempDir dir;
  for (const auto& [name, content] : files) write_file(dir / name, content);
  Diagnostics d;
  auto paths = collect_corpus_files({dir.path().string()}, d);
  load_corpus(paths, d);
  std::string out;
  for (const auto& diag : d) {
    std::string s = diag.to_string();
    s.erase(0, dir.path().string().size() + 1);
    out += s + "\n";
  }
  return out;
}

}  // namespace provisio::testing
