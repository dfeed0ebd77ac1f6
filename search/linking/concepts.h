// The T&C concepts that link suggestions weigh up and explain: each with its names in English and
// Chinese and the corpus topic it belongs to. A submission that names a concept in any language is
// matched against all of its names, so a Chinese letter about 資質認定 finds English text about the
// CMA qualification and vice versa.
//
// The concepts are the glossary's rows with a `link` label (corpus/glossary.tsv; corpus/README.md):
// their names are the row's `cues`. The glossary may hold only names that occur in
// the corpus or the tuning half of tests/linking, never names found only in held-out samples
// (issue 12); check with `build/tests/eval_link INDEX tests/linking/samples
// tests/linking/expected.tsv --concept-sources`.
// Thread-safe (immutable data).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "glossary.h"

namespace provisio::submissions {

using provisio::Glossary;

struct Concept {
  std::string id;                  // e.g. "cma"
  std::string label;               // for people: "CMA qualification (資質認定)"
  std::string topic;               // corpus topic it belongs to ("" if none)
  std::vector<std::string> names;  // every way of writing it, any language or script
};

// Built from Glossary::standard() on first use, in the glossary's order.
const std::vector<Concept>& concepts();

// The concepts named in `text` (case-insensitive; Traditional and Simplified alike, full-width
// folded; English names must stand as whole words), each once, in table order.
std::vector<const Concept*> find_concepts(std::string_view text);

// The ids of the bilingual glossary's concepts (corpus/glossary.tsv, the T&C domain's terms) that
// `text` names, matched as find_concepts() matches. A letter naming none is not about T&C.
std::vector<std::string> glossary_concepts_named(std::string_view text, const Glossary& glossary);

}  // namespace provisio::submissions
