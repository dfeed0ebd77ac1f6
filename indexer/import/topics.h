// Topics for imported provisions: the controlled topics (corpus/README.md) that the provision's
// text or heading signals, through the concepts of the bilingual glossary that carry a topic
// (corpus/glossary.tsv, `topic` column), in English or Chinese.
#pragma once

#include <string>
#include <vector>

namespace provisio::import {

// The topics of the glossary concepts named in `text` (Glossary::named_in), in the order of the
// controlled list (known_topics()); `fallback` when none is named.
std::vector<std::string> infer_topics(const std::string& text, const std::vector<std::string>& fallback);

}  // namespace provisio::import
