// Shows Chinese text in Simplified characters (`--script hans`, `--lang zh-Hans` without a
// Simplified text in the corpus). Display only: the corpus and the index keep what was written.
// Not thread-safe: one converter per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <vector>

#include "searcher.h"
#include "snippet.h"

namespace provisio {

class ScriptConverter {
 public:
  ScriptConverter();
  ~ScriptConverter();

  std::string to_simplified(std::string_view text) const;
  // Converts a snippet piece by piece, so its highlights still cover the same words.
  Snippet to_simplified(const Snippet& snippet) const;

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

// Converts the Chinese fields of each hit and its parallel hits for display; a zh-Hant hit becomes
// zh-Hans, since what is shown is now Simplified. English hits are left as they are.
void to_simplified(std::vector<Hit>& hits, const ScriptConverter& converter);

}  // namespace provisio
