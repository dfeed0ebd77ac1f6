#include "stored_document.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "corpus.h"

namespace provisio {

namespace {

using nlohmann::json;

json or_null(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

const json& field(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) throw StoredDocumentError(std::string("stored document has no '") + name + "'");
  return *it;
}

template <typename T>
T get(const json& j, const char* name) {
  try {
    return field(j, name).get<T>();
  } catch (const json::exception&) {
    throw StoredDocumentError(std::string("stored document field '") + name + "' has the wrong type");
  }
}

std::optional<std::string> get_optional(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return get<std::string>(j, name);
}

Date date_of(const std::string& iso, const char* name) {
  auto d = Date::parse(iso);
  if (!d) throw StoredDocumentError(std::string("stored document field '") + name + "' is not a date: '" + iso + "'");
  return *d;
}

}  // namespace

bool StoredDocument::in_force_on(const Date& day) const {
  std::optional<Date> to;
  if (effective_to) to = date_of(*effective_to, "effective_to");
  return provisio::in_force_on(date_of(effective_from, "effective_from"), to, day);
}

bool StoredDocument::has_topic(std::string_view topic) const {
  return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

bool StoredDocument::is_question() const { return has_topic("consultation"); }

bool shown_before(const StoredDocument& a, const StoredDocument& b, const std::string& lang) {
  if (a.effective_from != b.effective_from) return a.effective_from > b.effective_from;
  auto order = language_fallbacks(lang);
  auto rank = [&](const std::string& l) { return std::find(order.begin(), order.end(), l) - order.begin(); };
  return rank(a.lang) < rank(b.lang);
}

void to_json(json& j, const StoredDocument& d) {
  json texts = json::array();
  for (const auto& t : d.texts) texts.push_back({{"kind", t.kind}, {"body", t.body}});
  j = json{{"id", d.id},
           {"instrument", d.instrument},
           {"instrument_title", d.instrument_title},
           {"lang", d.lang},
           {"citation", d.citation},
           {"heading", d.heading},
           {"divisions", d.divisions},
           {"texts", std::move(texts)},
           {"topics", d.topics},
           {"refs", d.refs},
           {"effective_from", d.effective_from},
           {"effective_to", or_null(d.effective_to)},
           {"by", or_null(d.by)},
           {"approx", or_null(d.approx)},
           {"notes", d.notes},
           {"source_file", d.source_file},
           {"line", d.line}};
  json checked = json::array();
  for (const auto& c : d.verification.checked)
    checked.push_back({{"source", c.source}, {"on", c.on}, {"approx", or_null(c.approx)}});
  j["verification"] = {{"status", d.verification.status},
                       {"checked", std::move(checked)},
                       {"unverified", or_null(d.verification.unverified)}};
  json relations = json::array();
  for (const auto& r : d.relations) relations.push_back({{"type", r.type}, {"to", r.to}});
  j["relations"] = std::move(relations);
}

void from_json(const json& j, StoredDocument& d) {
  if (!j.is_object()) throw StoredDocumentError("stored document is not a JSON object");
  d.id = get<std::string>(j, "id");
  d.instrument = get<std::string>(j, "instrument");
  d.instrument_title = get<std::string>(j, "instrument_title");
  d.lang = get<std::string>(j, "lang");
  d.citation = get<std::string>(j, "citation");
  d.heading = get<std::string>(j, "heading");
  d.divisions = get<std::vector<std::string>>(j, "divisions");
  d.texts.clear();
  for (const auto& t : field(j, "texts")) {
    if (!t.is_object() || !t.contains("kind") || !t.contains("body") || !t["kind"].is_string() ||
        !t["body"].is_string())
      throw StoredDocumentError("stored document has a text without a string 'kind' and 'body'");
    d.texts.push_back({t["kind"].get<std::string>(), t["body"].get<std::string>()});
  }
  d.topics = get<std::vector<std::string>>(j, "topics");
  d.refs = get<std::vector<std::string>>(j, "refs");
  d.effective_from = get<std::string>(j, "effective_from");
  date_of(d.effective_from, "effective_from");
  d.effective_to = get_optional(j, "effective_to");
  if (d.effective_to) date_of(*d.effective_to, "effective_to");
  d.by = get_optional(j, "by");
  d.approx = get_optional(j, "approx");
  d.notes = get<std::vector<std::string>>(j, "notes");
  // Indexes written before these fields existed lack them; they only order and locate (and an
  // index without verification says "not stated").
  d.source_file = j.contains("source_file") ? get<std::string>(j, "source_file") : std::string();
  d.line = j.contains("line") ? get<int>(j, "line") : 0;
  d.verification = {};
  if (j.contains("verification")) {
    const json& v = field(j, "verification");
    if (!v.is_object()) throw StoredDocumentError("stored document field 'verification' has the wrong type");
    d.verification.status = get<std::string>(v, "status");
    for (const auto& c : field(v, "checked")) {
      if (!c.is_object()) throw StoredDocumentError("stored document has a verification check that is not an object");
      d.verification.checked.push_back({get<std::string>(c, "source"), get<std::string>(c, "on"), get_optional(c, "approx")});
    }
    d.verification.unverified = get_optional(v, "unverified");
  }
  d.relations.clear();
  if (j.contains("relations"))
    for (const auto& r : field(j, "relations")) {
      if (!r.is_object()) throw StoredDocumentError("stored document has a relation that is not an object");
      d.relations.push_back({get<std::string>(r, "type"), get<std::string>(r, "to")});
    }
}

std::string serialise(const StoredDocument& d) { return json(d).dump(); }

StoredDocument parse_stored_document(std::string_view data) {
  json j = json::parse(data, nullptr, false);
  if (j.is_discarded()) throw StoredDocumentError("stored document data is not JSON");
  return j.get<StoredDocument>();
}

}  // namespace provisio
