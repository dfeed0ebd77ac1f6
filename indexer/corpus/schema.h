// The layout of a Provisio Xapian database, written down once (see docs in README "Index layout").
//
// One Xapian document per provision *version* and *language*. Boolean terms carry the identity and
// the filters; values carry what ranking, collapsing and point-in-time filtering need; the document
// data is a JSON object with everything `search` and `show` display.
#pragma once

#include <string>
#include <string_view>

namespace provisio::schema {

// Boolean term prefixes (Xapian convention: upper-case letters).
inline constexpr std::string_view kUniqueTerm = "Q";      // Q<provision-id>@<from>#<lang>: one per document
inline constexpr std::string_view kProvisionTerm = "P";   // P<provision-id>
inline constexpr std::string_view kInstrumentTerm = "I";  // I<instrument-id>
inline constexpr std::string_view kLanguageTerm = "L";    // L<lang>  (en, zh-Hant, zh-Hans)
inline constexpr std::string_view kTopicTerm = "K";       // K<topic>
inline constexpr std::string_view kCitationTerm = "X";
// V<status>: how far the provision is verified: verified, partly-verified, unverified, not-stated
// (Verification::status() with '-' for ' ').
inline constexpr std::string_view kVerificationTerm = "V";
inline constexpr std::string_view kVerificationStatuses[] = {"verified", "partly-verified", "unverified", "not-stated"};    // X<citation key>: Xart58, Xannex1 (citation.h)

// Value slots.
enum Slot : unsigned {
  kProvisionIdSlot = 0,     // provision id: the collapse key (one hit per provision)
  kEffectiveFromSlot = 1,   // YYYYMMDD
  kEffectiveToSlot = 2,     // YYYYMMDD, first day no longer in force; "99991231" while current
  kInstrumentSlot = 3,      // instrument id
  kLanguageSlot = 4,        // lang
  kContentHashSlot = 5,     // hex hash of everything indexed: detects changed documents
  kSourceFileSlot = 6,      // absolute path of the corpus file the document came from
  kVersionSlot = 7,         // <provision-id>@<from>: the collapse key when listing every version
};

// Metadata keys.
inline constexpr std::string_view kFormatKey = "provisio:format";
// Bumped whenever documents would be indexed differently, so a new build re-indexes everything.
inline constexpr std::string_view kFormatVersion = "4";
// The corpus graph (relations.h graph_json()): commitment lines, relations, moved and withdrawn ids.
// Rewritten by every index run whose graph differs; a database indexed from several corpus folders
// keeps the graph of the last run.
inline constexpr std::string_view kGraphKey = "provisio:graph";

inline std::string unique_term(std::string_view provision_id, std::string_view from_iso,
                               std::string_view lang) {
  std::string t(kUniqueTerm);
  t.append(provision_id).append("@").append(from_iso).append("#").append(lang);
  return t;
}

inline std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t.append(value);
  return t;
}

}  // namespace provisio::schema
