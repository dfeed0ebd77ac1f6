// The judged samples of tests/linking (expected.tsv): for each sample file, its language, its half
// and the links a careful officer would make, most important first.
//
// Two halves (issue 16, "Measured honestly"): the link suggester may be tuned on the tuning half
// only; the held-out half only reports. The split is fixed by a rule that never looks at what the
// suggester returns (half_by_rule()); each line of expected.tsv records its half and
// load_expectations() checks it against the rule, so a sample cannot move between halves
// unnoticed. tests/linking/make_samples.py applies the same rule when it writes the file.
#pragma once

#include <string>
#include <vector>

namespace provisio::linking_eval {

inline constexpr const char* kTuningHalf = "tuning";
inline constexpr const char* kHeldOutHalf = "held-out";

struct JudgedSample {
  std::string file;                // name inside the samples folder
  std::string lang;                // en, zh-Hant or zh-Hans: the language the letter is written in
  std::string half;                // kTuningHalf or kHeldOutHalf
  std::vector<std::string> links;  // provision and question ids, most important first
};

// The halves the rule gives `samples` (in file order): samples judged to the same set of links
// (one letter in several languages, scripts or encodings) are one unit; units, in the order of
// their first sample, alternate tuning, held-out, tuning, ... So a translation never sits in the
// other half from its original, and a sample added at the end does not move the others.
std::vector<std::string> half_by_rule(const std::vector<JudgedSample>& samples);

// Reads expected.tsv: "file TAB lang TAB half TAB id id ...", '#' lines and blank lines skipped.
// Throws std::runtime_error naming the file and line on a bad line (missing columns, unknown
// language or half, no links, a file listed twice) and on a line whose half differs from
// half_by_rule().
std::vector<JudgedSample> load_expectations(const std::string& path);

}  // namespace provisio::linking_eval
