// Topics for imported provisions: the controlled topics (corpus/README.md) whose keywords the
// provision's text or heading mentions, in English or Chinese.
#pragma once

#include <string>
#include <vector>

namespace provisio::import {

// The topics whose keywords occur in `text` (case-insensitive for English), in the order of the
// controlled list; `fallback` when none does.
std::vector<std::string> infer_topics(const std::string& text, const std::vector<std::string>& fallback);

}  // namespace provisio::import
