// What `show` shows of one provision in a language, decided once for the CLI (`provisio show`) and
// the web server (the provision page and /api/provisions/ID), so both print the same record.
//
// Thread-safety: as the Xapian::Database and ScriptConverter passed in (one per thread).
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "script_converter.h"
#include "stored_document.h"

namespace provisio {

struct ShownProvision {
  std::vector<StoredDocument> docs;  // as given, plus Simplified twins when `lang` is zh-Hans
  nlohmann::json line;               // history.h line_summary_json(), in `lang`; null when on no line
};

// `docs` are one provision's stored documents (Searcher::provision_documents order), already
// narrowed to the versions to show. The corpus seldom has Simplified text, so a Simplified reader
// (`lang` "zh-Hans") gets the Traditional text converted, the line's name too. `lang` "all" names
// the line in English. With `simplified_only` (the web's "Simplified" display choice, any `lang`),
// Chinese is shown in Simplified alone: each Traditional document gives way to its Simplified twin.
// `converter` is used only for those two cases (loading OpenCC's tables costs a process time, so a
// caller that shows no Simplified may pass null). REQUIRES: `docs` is not empty; `converter` is not
// null when `lang` is "zh-Hans" or `simplified_only`.
ShownProvision shown_provision(const Xapian::Database& db, std::vector<StoredDocument> docs, const std::string& lang,
                               const ScriptConverter* converter, bool simplified_only = false);

}  // namespace provisio
