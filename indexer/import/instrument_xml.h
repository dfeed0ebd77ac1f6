// Turns an outline into corpus XML (corpus/README.md): starts a new instrument file, or merges the
// imported language into an existing one, pairing provisions by id. Works on a pugixml DOM; the
// caller validates and writes it.
#pragma once

#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "outline.h"

namespace provisio::import {

// What the command line tells us about the instrument and the import.
struct InstrumentFacts {
  std::string id;                // instrument id (slug)
  std::string kind = "agreement";
  std::string signed_on;         // YYYY-MM-DD, required for a new file
  std::string effective;         // YYYY-MM-DD or ""
  std::string version_from;      // the imported text's first day in effect; "" = effective, else signed
  std::map<std::string, std::string> titles;  // lang -> title
  std::vector<std::string> fallback_topics;   // for provisions whose text names no known topic
  std::string source_href;       // "" for none
  std::string source_name;       // the file imported, for the note ("tig-en.txt")
  std::string format;            // text, html, docx (for the note)
};

// One provision the outline yields, with its place.
struct FlatProvision {
  std::string path;                          // "art58/2", "a1/t2/3", "preamble"
  std::vector<const OutlineNode*> chain;     // outermost first; empty for preamble and closing
  std::string text;
  std::string heading;                       // nearest heading in the document's language, may be ""
  std::string from;                          // the nearest schedule sector's date (YYYY-MM-DD), or ""
  int line = 0;
};

// The outline's provisions in document order, with ids unique: chapters, parts and sections join
// the path only when articles or items would otherwise collide (plans numbered 一、 per chapter).
std::vector<FlatProvision> flatten(const Outline& outline);

// A fresh document: <instrument> with attributes, titles, source. REQUIRES: facts.signed_on set
// and titles for en and zh-Hant (the importer checks both first).
void start_instrument(pugi::xml_document& doc, const InstrumentFacts& facts);

struct MergeCounts {
  int added = 0;    // new provisions
  int updated = 0;  // existing provisions that got the imported text
};

// Adds the imported `lang` text of every provision of `outline` to `doc`: a provision whose id
// matches one in the file (numbers compared as ordinals, so (ii), (b), （二） and 2 pair) gets a
// <text kind="official"> in the version in force on facts.version_from (else its last version),
// replacing an earlier official text in that language, plus a heading and citation in `lang` if
// it has none; other provisions are added inside matching divisions (created when missing).
// A provision under a schedule sector with a date ("Effective from 1 March 2025") uses that date
// instead of facts.version_from, both for a new version's start and to choose the version.
MergeCounts merge_outline(pugi::xml_document& doc, const Outline& outline, const std::string& lang,
                          const InstrumentFacts& facts);

// "art58/#2/#2" for "art58/2/ii": the key used to pair ids across languages.
std::string canonical_path(const std::string& path);

}  // namespace provisio::import
