#include "document_builder.h"

#include <algorithm>
#include <cstdio>

#include "citation.h"
#include "data_files.h"
#include "fnv1a.h"
#include "schema.h"
#include "stored_document.h"

namespace provisio {

namespace {

// A stable hash (fnv1a.h) of the stored data, to notice changed documents. The seed is the one
// every index so far was written with (a digit short of FNV's standard offset): another seed
// would make every document look changed.
std::string content_hash(const std::string& data) {
  std::uint64_t h = fnv1a(data, 1469598103934665603ULL);
  // The same data analysed by another build or with other word lists is another document.
  h = fnv1a(schema::kFormatVersion, h);
  return hex64(fnv1a(analysis_fingerprint(), h));
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
  for (const std::string& l : language_fallbacks(lang)) {
    auto it = by_lang.find(l);
    if (it != by_lang.end()) return it->second;
  }
  return by_lang.empty() ? std::string() : by_lang.begin()->second;
}

DocumentPlan plan_document(const Instrument& instrument, const Provision& provision,
                           const Version& version, const std::string& lang) {
  DocumentPlan plan;
  plan.instrument = &instrument;
  plan.provision = &provision;
  plan.version = &version;
  plan.lang = lang;
  plan.unique_term = schema::unique_term(provision.id, version.from.iso(), lang);
  plan.citation = pick_language(provision.citations, lang);
  plan.heading = pick_language(version.headings, lang);
  for (const auto& t : version.texts)
    if (t.lang == lang) plan.texts.push_back(&t);
  // Official wording first: when both exist, it is what staff quote.
  std::stable_sort(plan.texts.begin(), plan.texts.end(), [](const Text* a, const Text* b) {
    return a->kind == "official" && b->kind != "official";
  });

  StoredDocument data;
  data.id = provision.id;
  data.instrument = instrument.id;
  data.instrument_title = pick_language(instrument.titles, lang);
  data.lang = lang;
  data.citation = plan.citation;
  data.heading = plan.heading;
  data.divisions = provision.divisions;
  for (const Text* t : plan.texts) data.texts.push_back({t->kind, t->body});
  data.topics = provision.topics;
  data.refs = provision.refs;
  data.effective_from = version.from.iso();
  if (version.to) data.effective_to = version.to->iso();
  if (!version.by.empty()) data.by = version.by;
  if (!version.approx.empty()) data.approx = version.approx;
  data.notes = provision.notes;
  data.notes.insert(data.notes.end(), version.notes.begin(), version.notes.end());
  // The canonical path: the same corpus named another way (relative, absolute, ./) is the same data.
  data.source_file = instrument.absolute_file;
  data.line = provision.line;  // document order within the instrument, for browsing
  data.verification.status = provision.verification.status();
  for (const auto& c : provision.verification.checks)
    data.verification.checked.push_back(
        {c.source, c.on, c.approx.empty() ? std::nullopt : std::optional<std::string>(c.approx)});
  if (!provision.verification.unverified.empty()) data.verification.unverified = provision.verification.unverified;
  for (const auto& r : provision.relations) data.relations.push_back({r.type, r.to});
  plan.data = serialise(data);
  plan.hash = content_hash(plan.data);
  return plan;
}

void add_identity(Xapian::Document& doc, const DocumentPlan& plan) {
  const Instrument& instrument = *plan.instrument;
  const Provision& provision = *plan.provision;
  const Version& version = *plan.version;
  doc.set_data(plan.data);
  doc.add_boolean_term(plan.unique_term);
  doc.add_boolean_term(schema::prefixed(schema::kProvisionTerm, provision.id));
  doc.add_boolean_term(schema::prefixed(schema::kInstrumentTerm, instrument.id));
  doc.add_boolean_term(schema::prefixed(schema::kLanguageTerm, plan.lang));
  for (const auto& topic : provision.topics)
    doc.add_boolean_term(schema::prefixed(schema::kTopicTerm, topic));
  std::string status = provision.verification.status();
  std::replace(status.begin(), status.end(), ' ', '-');
  doc.add_boolean_term(schema::prefixed(schema::kVerificationTerm, status));
  if (provision.versions.size() > 1) doc.add_boolean_term(std::string(schema::kRevisedTerm));
  // Citation keys of every language, so "第五十八條" finds the English document too.
  for (const auto& [citation_lang, citation] : provision.citations)
    for (const auto& key : citation_keys(citation))
      doc.add_boolean_term(schema::prefixed(schema::kCitationTerm, key));

  doc.add_value(schema::kProvisionIdSlot, provision.id);
  doc.add_value(schema::kEffectiveFromSlot, version.from.value_key());
  doc.add_value(schema::kEffectiveToSlot,
                version.to ? version.to->value_key() : std::string(kOpenEndValueKey));
  doc.add_value(schema::kInstrumentSlot, instrument.id);
  doc.add_value(schema::kLanguageSlot, plan.lang);
  doc.add_value(schema::kContentHashSlot, plan.hash);
  doc.add_value(schema::kSourceFileSlot, instrument.absolute_file);
  doc.add_value(schema::kVersionSlot, provision.id + "@" + version.from.iso());
  doc.add_value(schema::kVersionCountSlot, std::to_string(provision.versions.size()));
  std::string facet = provision.id + "@" + version.from.iso() + schema::kFacetFieldSeparator + instrument.id +
                      schema::kFacetFieldSeparator + plan.lang + schema::kFacetFieldSeparator;
  for (std::size_t i = 0; i < provision.topics.size(); ++i)
    facet += (i ? std::string(1, schema::kFacetTopicSeparator) : std::string()) + provision.topics[i];
  doc.add_value(schema::kFacetSlot, facet);
}

Xapian::Document build_document(Analyzer& analyzer, const DocumentPlan& plan) {
  Xapian::Document doc;
  analyzer.begin_document(doc);
  // Citations and headings count more than body text (more occurrences, so a higher BM25 wdf).
  analyzer.index_text(plan.citation, 2);
  analyzer.end_field();
  analyzer.index_text(plan.heading, 3);
  analyzer.end_field();
  for (const Text* t : plan.texts) {
    analyzer.index_text(t->body, 1);
    analyzer.end_field();
  }
  add_identity(doc, plan);
  analyzer.end_document();  // the document may go to another thread (see Analyzer::end_document)
  return doc;
}

Xapian::Document build_document(Analyzer& analyzer, const Instrument& instrument,
                                const Provision& provision, const Version& version,
                                const std::string& lang) {
  return build_document(analyzer, plan_document(instrument, provision, version, lang));
}

}  // namespace provisio
