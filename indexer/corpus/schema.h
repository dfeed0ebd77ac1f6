// The layout of Provisio's Xapian databases, written down once (docs/index-layout.md explains it).
//
// The provisions index: one Xapian document per provision *version* and *language*. Boolean terms
// carry the identity and the filters; values carry what ranking, collapsing and point-in-time
// filtering need; the document data is a StoredDocument (stored_document.h) as JSON.
//
// The submissions index (namespace submission_index below) is a second, derived database beside
// the submissions store: one document per submission.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace provisio::schema {

// Boolean term prefixes (Xapian convention: upper-case letters).
inline constexpr std::string_view kUniqueTerm = "Q";      // Q<provision-id>@<from>#<lang>: one per document
inline constexpr std::string_view kProvisionTerm = "P";   // P<provision-id>
inline constexpr std::string_view kInstrumentTerm = "I";  // I<instrument-id>
inline constexpr std::string_view kLanguageTerm = "L";    // L<lang>  (en, zh-Hant, zh-Hans)
inline constexpr std::string_view kTopicTerm = "K";       // K<topic>
inline constexpr std::string_view kCitationTerm = "X";    // X<citation key>: Xart58, Xannex1 (citation.h)
// V<status>: how far the provision is verified: verified, partly-verified, unverified, not-stated
// (Verification::status() with '-' for ' ').
inline constexpr std::string_view kVerificationTerm = "V";
inline constexpr std::string_view kVerificationStatuses[] = {"verified", "partly-verified", "unverified", "not-stated"};
// R (the bare prefix, nothing after it): on every document of a provision with more than one
// version, for ranking's revised boost (search/ranking.h). A boolean term, because a value read
// for every matching document cost about a third of query time on the 301k-article benchmark.
inline constexpr std::string_view kRevisedTerm = "R";

// Text term prefix: "Z" + stem (English Snowball stems; Chinese segmented words), without
// positions. Xapian's convention, not ours to choose: TermGenerator and QueryParser
// (STEM_SOME) write and read "Z" themselves, and the analyser (indexer/analysis) builds its
// Chinese word terms and query terms with the same letter. Unprefixed text terms are
// English words as written (lower-cased) and Chinese bigrams and characters, with positions.
inline constexpr std::string_view kStemTerm = "Z";

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
  kVersionCountSlot = 8,    // how many versions the provision has, in decimal: ranking (search/ranking.h)
  kFacetSlot = 9,           // facet_value(): what the facets count, for a built-in match spy (search/facets.h)
};

// The value of kFacetSlot: everything a search's facets count a document under, in one value, so
// that Xapian's own ValueCountMatchSpy (which a remote shard runs and sends back; a custom spy
// cannot travel to xapian-tcpsrv) gives it all: "<provision-id>@<from-iso>" (the version, whose
// first part is the provision and whose date gives the year), the instrument, the language, then
// the topics, separated by kFacetFieldSeparator (topics by kFacetTopicSeparator).
inline constexpr char kFacetFieldSeparator = '\x1f';
inline constexpr char kFacetTopicSeparator = '\x1e';

// The spelling table ("did you mean", Database::get_spelling_suggestion): each English word of
// the texts (an unprefixed term of three to kMaxSpellingWordBytes letters a-z), once per document
// that has it, so that deleting or replacing a document takes its words out again. Stopwords are
// left out by the writer: a query is never respelt into one.
inline constexpr std::size_t kMaxSpellingWordBytes = 30;
inline bool is_spelling_word(std::string_view term) {
  if (term.size() < 3 || term.size() > kMaxSpellingWordBytes) return false;
  for (char c : term)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// Metadata keys.
inline constexpr std::string_view kFormatKey = "provisio:format";
// Bumped whenever documents would be indexed differently, so a new build re-indexes everything.
// 6: the spelling table; citation keys for Roman-numbered items (item5 for "(v)") and sectors;
//    instrument kinds (metadata) and version counts (kVersionCountSlot) for ranking.
// 7: kFacetSlot (facets and counts with Xapian's own match spies, which remote shards can run).
// 8: kRevisedTerm (the revised boost from a term instead of kVersionCountSlot).
inline constexpr std::string_view kFormatVersion = "8";
// The corpus graph (relations.h graph_json()): commitment lines, relations, moved and withdrawn ids.
// Rewritten by every index run whose graph differs; a database indexed from several corpus folders
// keeps the graph of the last run.
inline constexpr std::string_view kGraphKey = "provisio:graph";
// Instrument id -> kind ("agreement", "consultation", ...: corpus.h kInstrumentKinds) as one JSON
// object, for ranking (search/ranking.h). Merged by every index run: a run given some of the
// corpus files keeps the kinds of the instruments it did not read.
inline constexpr std::string_view kInstrumentKindsKey = "provisio:instrument-kinds";

// The submissions index (search/linking/submission_index.cc), a separate database. Its document
// data is JSON: id, sender, received, lang, file_name, subject, text.
namespace submission_index {
inline constexpr std::string_view kUniqueTerm = "Q";  // Q<submission id>: one per document
inline constexpr unsigned kIdSlot = 0;                // submission id
// Which store, and which revision of it, the index was built from: a mismatch means rebuild.
inline constexpr std::string_view kStoreIdKey = "provisio:store-id";
inline constexpr std::string_view kRevisionKey = "provisio:store-revision";
}  // namespace submission_index

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
