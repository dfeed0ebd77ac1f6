// The corpus model: instruments, their provisions and the provisions' dated versions, as read from
// the XML files documented in corpus/README.md.
//
// load_corpus() reads and validates everything before returning: callers that get no diagnostics
// back may rely on every invariant listed here (unique ids, resolved references, ordered versions).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "diagnostic.h"

namespace provisio {

// Languages a text or heading may be written in (also the choices of every --lang option).
inline const std::vector<std::string> kLanguages = {"en", "zh-Hant", "zh-Hans"};

// The languages to show a text in, best first, for a reader of `lang`: `lang` itself; for
// Simplified Chinese (which the corpus often lacks) then Traditional; then English and Traditional
// Chinese. The one rule behind every "show it in this language, or the nearest" choice.
std::vector<std::string> language_fallbacks(const std::string& lang);

// What an instrument may be (corpus/README.md; also the choices of `import --kind`).
inline const std::vector<std::string> kInstrumentKinds = {"agreement", "supplement", "amendment", "plan",
                                                          "measure",   "notice",     "consultation"};

// Whether `id` is a well-formed instrument id: lower-case letters, digits and '-', not starting
// with '-' (the same rule for corpus files and `import --instrument`).
bool is_instrument_id(std::string_view id);
inline constexpr std::string_view kInstrumentIdRule = "use lower-case letters, digits and '-'";

// The controlled topic list (documented in corpus/README.md).
const std::vector<std::string>& known_topics();

struct Text {
  std::string lang;
  std::string kind;  // "digest" (our own words) or "official" (imported wording)
  std::string body;
};

struct Version {
  Date from;
  std::optional<Date> to;  // first day no longer in force; nullopt while current
  std::string by;          // instrument that made this version, if known
  std::string approx;      // "", "month" or "year"
  std::map<std::string, std::string> headings;  // lang -> heading
  std::vector<Text> texts;
  std::vector<std::string> notes;

  bool in_force_on(const Date& d) const { return provisio::in_force_on(from, to, d); }
};

// How far a provision has been checked against the official texts (corpus/README.md,
// "Verification"): the sources it was checked against, and what is still not known.
struct Verification {
  struct Check {
    std::string source;  // what was read: a page, a notice, named so anyone can check it
    std::string on;      // YYYY-MM-DD
    std::string approx;  // "" or "month": only the month of the check is known
  };
  std::vector<Check> checks;  // <verified source on/>
  std::string unverified;     // <unverified>what is not known</unverified>, "" when nothing is
  // "verified" (checked, nothing left open), "partly verified" (checked, something open),
  // "unverified" (nothing checked) or "not stated" (no record at all).
  std::string status() const;
};

// A typed relation from a provision to an earlier one (corpus/README.md, "Relations"); the
// position is kept so cross-file checks can report at the element.
struct Relation {
  std::string type;  // one of relation_types() (relations.h)
  std::string to;    // provision id
  Diagnostic where;  // file, line and column of the <relation> element
};

// A provision id that no longer exists: moved to another id, or withdrawn with a reason.
struct IdRecord {
  std::string kind;    // "moved" or "withdrawn"
  std::string id;      // the old id
  std::string to;      // the new id (moved)
  std::string reason;  // why (required for withdrawn, optional for moved)
  Diagnostic where;
};

struct Provision {
  std::string id;          // "cepa-tig/art58/2"
  std::string instrument;  // "cepa-tig"
  std::map<std::string, std::string> citations;  // lang -> citation label
  std::vector<std::string> topics;
  std::vector<std::string> refs;  // provision ids
  std::vector<std::string> notes;
  std::vector<std::string> divisions;  // breadcrumb, e.g. {"Chapter 7", "Article 58"}
  std::vector<Version> versions;       // in date order, non-overlapping
  int line = 0;                        // where it is declared in its file
  Verification verification;
  std::vector<Relation> relations;                 // to earlier provisions
  std::map<std::string, std::string> line_names;   // lang -> name of its commitment line
};

struct Instrument {
  std::string id;
  std::string kind;
  Date signed_on = *Date::parse("2000-01-01");
  std::optional<Date> effective;
  std::map<std::string, std::string> titles;  // lang -> title
  std::map<std::string, std::string> short_titles;
  std::vector<std::pair<std::string, std::string>> sources;  // href, description
  std::vector<std::string> notes;
  std::vector<Provision> provisions;
  std::vector<IdRecord> id_records;  // <moved>/<withdrawn>: ids of this instrument no longer used
  std::string file;           // path as given
  std::string absolute_file;  // canonical path: identifies the file across runs
};

struct Corpus {
  std::vector<Instrument> instruments;
  std::size_t provision_count() const;
  std::size_t version_count() const;
};

// The XML files named by `paths`: files as they are, folders searched recursively for *.xml, in
// sorted order. Unreadable or missing paths are reported in `diagnostics`.
std::vector<std::string> collect_corpus_files(const std::vector<std::string>& paths,
                                              Diagnostics& diagnostics);

// Parses and validates one instrument file. Problems are appended to `diagnostics`; the returned
// instrument is meaningful only when none were added.
Instrument parse_instrument_file(const std::string& path, Diagnostics& diagnostics);

// Parses every file, then checks what spans files: duplicate instrument and provision ids,
// references that resolve to no provision. Returns the corpus; empty `diagnostics` means valid.
Corpus load_corpus(const std::vector<std::string>& files, Diagnostics& diagnostics);

// Receives each file's instrument as soon as it is parsed: the file's position in the list, the
// instrument, and whether the file showed no problem of its own (its references and ids are
// checked against other files only at the end, so empty `diagnostics` after scan_corpus() is
// still what says the whole corpus is valid).
using InstrumentVisitor = std::function<void(std::size_t file_index, Instrument&& instrument, bool valid)>;

// Whether a provision that none of the files being read defines is known all the same (it is in
// the index being updated, from files this run leaves alone): a reference or relation to it is
// then no problem. Called only for such ids, after every file was visited.
using KnownProvision = std::function<bool(const std::string& id)>;

// load_corpus() without holding the corpus: the same checks and diagnostics, but each
// instrument goes to `visit` and is then the visitor's to keep or drop. What is kept across files
// (ids and references, for the cross-file checks) is small beside the texts. References and
// relations to provisions `known_elsewhere` are accepted (by default none is).
void scan_corpus(const std::vector<std::string>& files, Diagnostics& diagnostics,
                 const InstrumentVisitor& visit, const KnownProvision& known_elsewhere = {});

}  // namespace provisio
