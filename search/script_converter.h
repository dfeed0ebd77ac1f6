// Shows Chinese text in Simplified characters (`--script hans`, `--lang zh-Hans` without a
// Simplified text in the corpus). Display only: the corpus and the index keep what was written,
// and index terms are folded with the build-time table (han_fold_table.h), not with this.
//
// The conversion is OpenCC's `hk2s` (phrase-level, and aware of Hong Kong's variant forms such as
// 衞, 峯 and 綫), followed by the Mainland's quotation marks (「」『』 become “”‘’). It was chosen over
// ICU's Traditional-Simplified transform by `make eval-script` on tests/script/hk_terms.tsv
// (README, "Traditional and Simplified Chinese"). Not thread-safe: one converter per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.h"
#include "history.h"
#include "searcher.h"
#include "snippet.h"
#include "stored_document.h"

namespace provisio {

class ScriptConverter {
 public:
  // Throws std::runtime_error when OpenCC's hk2s configuration cannot be loaded (not installed).
  ScriptConverter();
  ~ScriptConverter();

  std::string to_simplified(std::string_view text) const;
  // Converts a snippet piece by piece, so its highlights still cover the same words.
  Snippet to_simplified(const Snippet& snippet) const;

 private:
  struct OpenCC;
  std::unique_ptr<OpenCC> opencc_;
};

// Converts the Chinese fields of each hit and its parallel hits for display; a zh-Hant hit becomes
// zh-Hans, since what is shown is now Simplified. English hits are left as they are.
void to_simplified(std::vector<Hit>& hits, const ScriptConverter& converter);

// Converts the Chinese headings, citations, titles and divisions of `list`'s summaries; a zh-Hant
// summary becomes zh-Hans. English ones are left as they are.
void to_simplified(std::vector<ProvisionSummary>& provisions, const ScriptConverter& converter);

// Converts a commitment line's name and each step's title, heading, text and changes (`history`).
void to_simplified(History& history, const ScriptConverter& converter);

// A provision's documents (Searcher::provision_documents) as a reader of Simplified Chinese gets
// them: each version that has a Traditional text but no Simplified one gains a zh-Hans document
// converted from it (heading, citation, instrument title, divisions and texts), placed after it. Documents
// in the corpus are kept as they are.
std::vector<StoredDocument> with_simplified(const std::vector<StoredDocument>& docs, const ScriptConverter& converter);

}  // namespace provisio
