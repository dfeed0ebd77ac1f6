// How one provision (`show`), the change between two of its versions (`diff`), the tree of
// provisions (`list`) and the index counts (`stats`) are shown: as one JSON object or as text.
//
// Pure functions of their arguments: thread-safe. Text formatters end every line with "\n".
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "catalogue.h"
#include "stored_document.h"
#include "style.h"
#include "text_diff.h"
#include "version_texts.h"

namespace provisio::output {

// A provision's stored documents (one per version and language, as Searcher::provision_documents
// orders them) grouped into one record: citations and titles by language, then each version with
// its texts in `lang` ("all" for every language). REQUIRES: `docs` is not empty.
nlohmann::json provision_record(const std::vector<StoredDocument>& docs, const std::string& lang);

std::string show_json(const std::vector<StoredDocument>& docs, const std::string& lang);
std::string show_text(const std::vector<StoredDocument>& docs, const std::string& lang, const Style& style);

// A diff as marked-up text: with colour, deletions and insertions in Style::deleted/inserted;
// without, as [-deleted-] and {+inserted+}.
std::string render_diff(const std::vector<DiffOp>& ops, const Style& style);

// `diff` of provision `id` in `lang` from version `a` to version `b` (`same` when they are one
// version): JSON, and text (a header line, then the marked-up heading and body, or "No change").
std::string diff_json(const std::string& id, const std::string& lang, const VersionText& a, const VersionText& b);
std::string diff_text(const std::string& id, const std::string& lang, const VersionText& a, const VersionText& b,
                      bool same, const Style& style);
// What `diff` says when there is only one version to compare.
std::string single_version_text(const std::string& id, const VersionText& only);

// `list`: the provisions as JSON, or as a tree (instrument, divisions, provision lines).
std::string list_json(const std::vector<ProvisionSummary>& provisions);
std::string list_text(const std::vector<ProvisionSummary>& provisions, const Style& style);

// `stats`: the counts as JSON, or as a table.
std::string stats_json(const IndexStats& stats);
std::string stats_text(const IndexStats& stats);

}  // namespace provisio::output
