#include "version_texts.h"

namespace provisio {

std::vector<VersionText> versions_in(const std::vector<StoredDocument>& docs, const std::string& lang) {
  std::vector<VersionText> out;
  for (const auto& d : docs) {
    if (d.lang != lang) continue;
    VersionText v{d.effective_from, d.effective_to, d.heading, "", "", &d};
    for (const auto& t : d.texts)
      if (v.body.empty() || t.kind == "official") {
        v.body = t.body;
        v.kind = t.kind;
      }
    out.push_back(std::move(v));
  }
  return out;
}

std::optional<std::size_t> version_on(const std::vector<VersionText>& versions, const Date& day) {
  for (std::size_t i = 0; i < versions.size(); ++i)
    if (versions[i].document->in_force_on(day)) return i;
  return std::nullopt;
}

}  // namespace provisio
