#include "document_builder.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "citation.h"
#include "schema.h"

namespace provisio {

namespace {

// FNV-1a: a stable hash (std::hash may change between builds) to notice changed documents.
std::string content_hash(const std::string& data) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  for (unsigned char c : schema::kFormatVersion) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::vector<std::string> document_languages(const Version& version) {
  std::vector<std::string> langs;
  for (const auto& lang : kLanguages)
    for (const auto& t : version.texts)
      if (t.lang == lang) {
        langs.push_back(lang);
        break;
      }
  return langs;
}

std::string pick_language(const std::map<std::string, std::string>& by_lang, const std::string& lang) {
  for (const std::string& l : {lang, lang == "zh-Hans" ? std::string("zh-Hant") : lang,
                               std::string("en"), std::string("zh-Hant")}) {
    auto it = by_lang.find(l);
    if (it != by_lang.end()) return it->second;
  }
  return by_lang.empty() ? std::string() : by_lang.begin()->second;
}

Xapian::Document build_document(Analyzer& analyzer, const Instrument& instrument,
                                const Provision& provision, const Version& version,
                                const std::string& lang) {
  using nlohmann::json;
  json data;
  data["id"] = provision.id;
  data["instrument"] = instrument.id;
  data["instrument_title"] = pick_language(instrument.titles, lang);
  data["lang"] = lang;
  data["citation"] = pick_language(provision.citations, lang);
  data["heading"] = pick_language(version.headings, lang);
  data["divisions"] = provision.divisions;
  json texts = json::array();
  for (const auto& t : version.texts)
    if (t.lang == lang) texts.push_back({{"kind", t.kind}, {"body", t.body}});
  // Official wording first: when both exist, it is what staff quote.
  std::stable_sort(texts.begin(), texts.end(), [](const json& a, const json& b) {
    return a["kind"] == "official" && b["kind"] != "official";
  });
  data["texts"] = texts;
  data["topics"] = provision.topics;
  data["refs"] = provision.refs;
  data["effective_from"] = version.from.iso();
  data["effective_to"] = version.to ? json(version.to->iso()) : json(nullptr);
  data["by"] = version.by.empty() ? json(nullptr) : json(version.by);
  data["approx"] = version.approx.empty() ? json(nullptr) : json(version.approx);
  json notes = provision.notes;
  for (const auto& n : version.notes) notes.push_back(n);
  data["notes"] = notes;
  data["source_file"] = instrument.file;
  data["line"] = provision.line;  // document order within the instrument, for browsing
  std::string serialised = data.dump();

  Xapian::Document doc;
  doc.set_data(serialised);
  analyzer.begin_document(doc);
  // Citations and headings count more than body text (more occurrences, so a higher BM25 wdf).
  analyzer.index_text(data["citation"].get<std::string>(), 2);
  analyzer.end_field();
  analyzer.index_text(data["heading"].get<std::string>(), 3);
  analyzer.end_field();
  for (const auto& t : texts) {
    analyzer.index_text(t["body"].get<std::string>(), 1);
    analyzer.end_field();
  }

  doc.add_boolean_term(schema::unique_term(provision.id, version.from.iso(), lang));
  doc.add_boolean_term(schema::prefixed(schema::kProvisionTerm, provision.id));
  doc.add_boolean_term(schema::prefixed(schema::kInstrumentTerm, instrument.id));
  doc.add_boolean_term(schema::prefixed(schema::kLanguageTerm, lang));
  for (const auto& topic : provision.topics)
    doc.add_boolean_term(schema::prefixed(schema::kTopicTerm, topic));
  // Citation keys of every language, so "第五十八條" finds the English document too.
  for (const auto& [citation_lang, citation] : provision.citations)
    for (const auto& key : citation_keys(citation))
      doc.add_boolean_term(schema::prefixed(schema::kCitationTerm, key));

  doc.add_value(schema::kProvisionIdSlot, provision.id);
  doc.add_value(schema::kEffectiveFromSlot, version.from.value_key());
  doc.add_value(schema::kEffectiveToSlot,
                version.to ? version.to->value_key() : std::string(kOpenEndValueKey));
  doc.add_value(schema::kInstrumentSlot, instrument.id);
  doc.add_value(schema::kLanguageSlot, lang);
  doc.add_value(schema::kContentHashSlot, content_hash(serialised));
  doc.add_value(schema::kSourceFileSlot, instrument.absolute_file);
  doc.add_value(schema::kVersionSlot, provision.id + "@" + version.from.iso());
  return doc;
}

}  // namespace provisio
