// Turns one provision version in one language into a Xapian document (layout in schema.h).
//
// Building a document has two parts with very different costs. The cheap part, plan_document(),
// needs no analysis: the stored data (JSON), the unique term and the content hash. The index
// writer uses it to decide what changed before analysing anything. The expensive part,
// build_document(), adds the analysed text. The identity (boolean terms and values) is added by
// add_identity(), shared with the benchmark's baseline indexer so both index the same documents.
//
// Everything here is a pure function of its arguments: safe to call from several threads at once
// (each with its own Analyzer).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "analyzer.h"
#include "corpus.h"

namespace provisio {

// The languages a version has a document in: those with at least one text.
std::vector<std::string> document_languages(const Version& version);

// What one document is before analysis. The pointers refer into the corpus, which must outlive it.
struct DocumentPlan {
  const Instrument* instrument = nullptr;
  const Provision* provision = nullptr;
  const Version* version = nullptr;
  std::string lang;
  std::string unique_term;  // schema::unique_term(...)
  std::string data;         // the serialised JSON stored as the document data
  std::string hash;         // content hash of `data` (and the format version)
  // The text to analyse, in field order: citation, heading, then the texts (official first).
  std::string citation;
  std::string heading;
  std::vector<const Text*> texts;
};

// The plan for (`provision`, `version`, `lang`). REQUIRES: `lang` is in document_languages(version).
DocumentPlan plan_document(const Instrument& instrument, const Provision& provision,
                           const Version& version, const std::string& lang);

// Sets `plan`'s data and adds its boolean terms and values (including the content hash).
void add_identity(Xapian::Document& doc, const DocumentPlan& plan);

// The full document for `plan`: identity plus the analysed citation, heading and texts.
Xapian::Document build_document(Analyzer& analyzer, const DocumentPlan& plan);

// Shorthand for build_document(analyzer, plan_document(...)).
Xapian::Document build_document(Analyzer& analyzer, const Instrument& instrument,
                                const Provision& provision, const Version& version,
                                const std::string& lang);

// The heading or citation to show in `lang`: that language's, else the nearest one we have
// (in the order of language_fallbacks(), corpus.h).
std::string pick_language(const std::map<std::string, std::string>& by_lang, const std::string& lang);

}  // namespace provisio
