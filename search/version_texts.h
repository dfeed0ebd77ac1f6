// The versions of one provision as `diff` compares them: one text per version in one language.
// Pure functions: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "stored_document.h"

namespace provisio {

struct VersionText {
  std::string from;               // YYYY-MM-DD
  std::optional<std::string> to;  // YYYY-MM-DD, first day no longer in force; none while current
  std::string heading, body;
  std::string kind;  // "official" or "digest": what `body` is
  const StoredDocument* document = nullptr;  // where it came from (in the list given)
};

// The versions of a provision in `lang`, in the order of `docs` (Searcher::provision_documents:
// oldest first). Official wording is compared when a version has it, else our digest.
// REQUIRES: `docs` outlives the result.
std::vector<VersionText> versions_in(const std::vector<StoredDocument>& docs, const std::string& lang);

// The index of the version in force on `day` (date.h's rule), if any.
std::optional<std::size_t> version_on(const std::vector<VersionText>& versions, const Date& day);

}  // namespace provisio
