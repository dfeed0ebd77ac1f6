#include "shown_provision.h"

#include "history.h"

namespace provisio {

ShownProvision shown_provision(const Xapian::Database& db, std::vector<StoredDocument> docs, const std::string& lang,
                               const ScriptConverter* converter, bool simplified_only) {
  ShownProvision shown;
  shown.line = line_summary_json(read_graph(db), docs.front().id, lang == "all" ? "en" : lang);
  if (lang == "zh-Hans" || simplified_only) {
    docs = with_simplified(docs, *converter);
    if (!shown.line.is_null()) shown.line["name"] = converter->to_simplified(shown.line["name"].get<std::string>());
  }
  if (simplified_only)  // with_simplified() gave every Traditional version a Simplified twin
    std::erase_if(docs, [](const StoredDocument& d) { return d.lang == "zh-Hant"; });
  shown.docs = std::move(docs);
  return shown;
}

}  // namespace provisio
