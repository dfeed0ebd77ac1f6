// Turns one provision version in one language into a Xapian document (layout in schema.h).
#pragma once

#include <xapian.h>

#include <string>

#include "analyzer.h"
#include "corpus.h"

namespace provisio {

// The languages a version has a document in: those with at least one text.
std::vector<std::string> document_languages(const Version& version);

// Builds the document for (`provision`, `version`, `lang`), including its data (JSON), boolean
// terms, values and a content hash in kContentHashSlot.
Xapian::Document build_document(Analyzer& analyzer, const Instrument& instrument,
                                const Provision& provision, const Version& version,
                                const std::string& lang);

// The heading or citation to show in `lang`: that language's, else the nearest one we have
// (zh-Hans falls back to zh-Hant, everything finally to en).
std::string pick_language(const std::map<std::string, std::string>& by_lang, const std::string& lang);

}  // namespace provisio
