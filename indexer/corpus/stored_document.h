// The data stored with each Xapian document: one provision version in one language, with
// everything `search`, `show`, `diff`, `list` and link suggestions display. Written by the document
// builder, read back by every reader of the index; the JSON field names are part of the index
// format (docs/index-layout.md): renaming or retyping a field means bumping schema::kFormatVersion.
//
// A plain value type; thread-safe as any struct is.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "date.h"

namespace provisio {

struct StoredText {
  std::string kind;  // "digest" (our own words) or "official" (imported wording)
  std::string body;
};

// How far the provision was checked against the official texts (corpus.h Verification).
struct StoredVerification {
  struct Check {
    std::string source;                 // what was read
    std::string on;                     // YYYY-MM-DD
    std::optional<std::string> approx;  // "month" when only the month of the check is known
  };
  // "verified", "partly verified", "unverified" or "not stated" (Verification::status()).
  std::string status = "not stated";
  std::vector<Check> checked;
  std::optional<std::string> unverified;  // what is not known, when something is
};

// A typed relation to an earlier provision (corpus.h Relation).
struct StoredRelation {
  std::string type;  // relations.h relation_types()
  std::string to;    // provision id
};

struct StoredDocument {
  std::string id;                // provision id
  std::string instrument;        // instrument id
  std::string instrument_title;  // in `lang`, or the nearest language the instrument has
  std::string lang;              // the language of the texts: en, zh-Hant or zh-Hans
  std::string citation;          // in `lang`, or the nearest
  std::string heading;           // in `lang`, or the nearest
  std::vector<std::string> divisions;  // breadcrumb, outermost first
  std::vector<StoredText> texts;       // official wording first
  std::vector<std::string> topics;
  std::vector<std::string> refs;      // provision ids
  std::string effective_from;         // YYYY-MM-DD
  std::optional<std::string> effective_to;  // YYYY-MM-DD, first day no longer in force; none while current
  std::optional<std::string> by;      // instrument that made this version, when known
  std::optional<std::string> approx;  // "month" or "year" when the date is known only that closely
  std::vector<std::string> notes;     // the provision's notes, then the version's
  std::string source_file;            // the corpus file (its canonical path when indexed)
  int line = 0;                       // where the provision is declared: document order
  StoredVerification verification;    // the provision's, the same in every version and language
  std::vector<StoredRelation> relations;  // the provision's, to earlier provisions

  // Whether this version was in force on `day` (the rule in date.h).
  bool in_force_on(const Date& day) const;
  // A consultation question (topic "consultation") rather than a provision of law.
  bool is_question() const;
  bool has_topic(std::string_view topic) const;
};

// Thrown when stored data is not a stored document (a corrupt index, or one of another format).
class StoredDocumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// nlohmann::json conversions (found by argument-dependent lookup). from_json() throws
// StoredDocumentError naming the field that is missing or of the wrong type, or a bad date.
// Whether `a` is the better of two documents of one provision to show a reader of `lang`: the
// later version first (what the provision says now, or last said), then the language that comes
// first in language_fallbacks(lang). Lists of provisions and link suggestions choose with it.
bool shown_before(const StoredDocument& a, const StoredDocument& b, const std::string& lang);

void to_json(nlohmann::json& j, const StoredDocument& d);
void from_json(const nlohmann::json& j, StoredDocument& d);

// The serialised form set as the Xapian document data, and back.
std::string serialise(const StoredDocument& d);
StoredDocument parse_stored_document(std::string_view data);

}  // namespace provisio
