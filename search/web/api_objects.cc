#include "api_objects.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "date.h"
#include "language.h"
#include "reader.h"
#include "submission_index.h"
#include "text_diff.h"

namespace provisio::web {

namespace {

using nlohmann::json;
using submissions::Store;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// --- search (tools/cmd_search.cc) ---

void convert_hit(Hit& h, const ScriptConverter& converter) {
  if (h.lang == "en") return;
  h.heading = converter.to_simplified(h.heading);
  h.citation = converter.to_simplified(h.citation);
  h.snippet = converter.to_simplified(h.snippet);
  if (h.lang == "zh-Hant") h.lang = "zh-Hans";
}

json hit_json(const Hit& h) {
  json highlights = json::array();
  for (const auto& [b, e] : h.snippet.highlights) highlights.push_back({b, e});
  json j = {{"rank", h.rank},
            {"id", h.id},
            {"instrument", h.instrument},
            {"citation", h.citation},
            {"heading", h.heading},
            {"lang", h.lang},
            {"score", h.score},
            {"snippet", h.snippet.text},
            {"snippet_highlights", highlights},
            {"text_kind", h.text_kind},
            {"topics", h.topics},
            {"effective_from", h.effective_from},
            {"effective_to", h.effective_to ? json(*h.effective_to) : json(nullptr)}};
  if (!h.parallel.empty()) {
    j["parallel"] = json::array();
    for (const auto& p : h.parallel) {
      auto pj = hit_json(p);
      for (const char* k : {"rank", "score", "instrument", "topics", "effective_from", "effective_to"}) pj.erase(k);
      j["parallel"].push_back(pj);
    }
  }
  return j;
}

json facets_json(const Facets& facets) {
  json j = json::object();
  for (const auto& [name, values] : facets) {
    j[name] = json::array();
    for (const auto& [value, count] : values) j[name].push_back({{"value", value}, {"count", count}});
  }
  return j;
}

bool has_chinese(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto lead = static_cast<unsigned char>(text[i]);
    if ((lead == 0xE3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x90) ||
        (lead >= 0xE4 && lead <= 0xE9) ||
        (lead == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA4 &&
         static_cast<unsigned char>(text[i + 1]) <= 0xAB))
      return true;
  }
  return false;
}

Date parse_day(const std::string& day, const std::string& option) {
  auto d = Date::parse(day);
  if (!d) throw HttpError(400, "bad date '" + day + "' for --" + option + ": expected YYYY-MM-DD");
  return *d;
}

// --- provisions (tools/cmd_show.cc, cmd_diff.cc) ---

std::vector<StoredDocument> provision_or_throw(Searcher& searcher, const std::string& id) {
  auto docs = searcher.provision_documents(id);
  if (docs.empty()) {
    std::string message = "unknown provision id '" + id + "'";
    auto near = searcher.nearest_ids(id);
    for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "; did you mean ") + near[i];
    throw HttpError(404, message + (near.empty() ? "" : "?"));
  }
  return docs;
}

json provision_record(const std::vector<StoredDocument>& docs, const std::string& lang) {
  const auto& first = docs.front();
  json record = {{"id", first["id"]},
                 {"instrument", first["instrument"]},
                 {"topics", first["topics"]},
                 {"refs", first["refs"]},
                 {"divisions", first["divisions"]},
                 {"citations", json::object()},
                 {"instrument_titles", json::object()},
                 {"versions", json::array()}};
  for (const auto& d : docs) {
    record["citations"][d["lang"].get<std::string>()] = d["citation"];
    record["instrument_titles"][d["lang"].get<std::string>()] = d["instrument_title"];
    json* version = nullptr;
    for (auto& v : record["versions"])
      if (v["effective_from"] == d["effective_from"]) version = &v;
    if (!version) {
      record["versions"].push_back({{"effective_from", d["effective_from"]},
                                    {"effective_to", d["effective_to"]},
                                    {"by", d["by"]},
                                    {"approx", d["approx"]},
                                    {"notes", d["notes"]},
                                    {"texts", json::array()}});
      version = &record["versions"].back();
    }
    if (lang != "all" && d["lang"] != lang) continue;
    for (const auto& t : d["texts"])
      (*version)["texts"].push_back(
          {{"lang", d["lang"]}, {"kind", t["kind"]}, {"heading", d["heading"]}, {"body", t["body"]}});
  }
  return record;
}

struct VersionText {
  std::string from, to, heading, body, kind;
};

std::vector<VersionText> versions_in(const std::vector<StoredDocument>& docs, const std::string& lang) {
  std::vector<VersionText> out;
  for (const auto& d : docs) {
    if (d["lang"] != lang) continue;
    VersionText v{d["effective_from"], d["effective_to"].is_null() ? "" : d["effective_to"].get<std::string>(),
                  d["heading"], "", ""};
    for (const auto& t : d["texts"])
      if (v.body.empty() || t["kind"] == "official") {
        v.body = t["body"];
        v.kind = t["kind"];
      }
    out.push_back(v);
  }
  return out;
}

int version_on(const std::vector<VersionText>& versions, const std::string& day) {
  for (std::size_t i = 0; i < versions.size(); ++i)
    if (versions[i].from <= day && (versions[i].to.empty() || day < versions[i].to)) return static_cast<int>(i);
  return -1;
}

json ops_json(const std::vector<DiffOp>& ops) {
  json j = json::array();
  for (const auto& op : ops) j.push_back({{"op", diff_kind_name(op.kind)}, {"text", op.text}});
  return j;
}

// --- submissions and links (tools/cmd_submission.cc, cmd_link.cc) ---

json submission_json(const submissions::Submission& s, std::size_t links) {
  return {{"id", s.id},           {"file_name", s.file_name}, {"format", s.format},     {"charset", s.charset},
          {"lang", s.lang},       {"sender", s.sender},       {"received", s.received}, {"subject", s.subject},
          {"sha256", s.sha256},   {"added_at", s.added_at},   {"added_by", s.added_by}, {"links", links}};
}

json suggestion_json(const submissions::Suggestion& s) {
  json concepts = json::array();
  for (const auto* c : s.concepts) concepts.push_back({{"id", c->id}, {"label", c->label}});
  return {{"id", s.id},
          {"kind", s.kind},
          {"score", std::round(s.score * 1000) / 1000},
          {"heading", s.heading},
          {"citation", s.citation},
          {"lang", s.lang},
          {"why",
           {{"terms", s.matched_words},
            {"concepts", concepts},
            {"submission_snippet", s.submission_snippet},
            {"provision_snippet", s.provision_snippet}}}};
}

json link_json(const submissions::Link& l) {
  return {{"submission", l.submission},  {"target", l.target},         {"kind", l.kind},
          {"how", l.how},                {"score", l.score ? json(*l.score) : json(nullptr)},
          {"by", l.created_by},          {"at", l.created_at},         {"note", or_null(l.note)},
          {"active", l.active()},        {"removed_by", or_null(l.removed_by)},
          {"removed_at", or_null(l.removed_at)}, {"removal_note", or_null(l.removal_note)}};
}

submissions::Submission submission_or_throw(Store& store, const std::string& id) {
  auto s = store.submission(id);
  if (!s) throw HttpError(404, "unknown submission '" + id + "' in " + store.path());
  return *s;
}

}  // namespace

bool known_lang(const std::string& lang) { return lang == "en" || lang == "zh-Hant" || lang == "zh-Hans"; }

json search(IndexReaders& readers, const SearchRequest& r) {
  if (!r.lang.empty() && !known_lang(r.lang))
    throw HttpError(400, "--lang: " + r.lang + " not in {en,zh-Hant,zh-Hans}");
  if (r.script != "as-written" && r.script != "hans")
    throw HttpError(400, "--script: " + r.script + " not in {as-written,hans}");
  if (r.limit < 1 || r.limit > 10000) throw HttpError(400, "--limit: value " + std::to_string(r.limit) + " not in range [1 - 10000]");
  SearchOptions o;
  o.query = r.query;
  o.lang = !r.lang.empty() ? r.lang : has_chinese(o.query) ? "" : "en";
  o.instruments = r.instruments;
  o.topics = r.topics;
  o.limit = r.limit;
  o.offset = r.offset;
  o.all_versions = r.all_versions;
  o.facets = r.facets;
  o.parallel = r.parallel;
  if (!r.as_of.empty()) o.as_of = parse_day(r.as_of, "as-of");
  SearchResult result;
  try {
    result = readers.searcher.search(o);
  } catch (const SearchError& e) {
    throw HttpError(400, e.what());
  }
  if (r.script == "hans" || r.lang == "zh-Hans")
    for (auto& h : result.hits) {
      convert_hit(h, readers.converter);
      for (auto& p : h.parallel) convert_hit(p, readers.converter);
    }
  json hits = json::array();
  for (const auto& h : result.hits) hits.push_back(hit_json(h));
  json out = {{"query", result.query},       {"as_of", o.as_of.iso()},
              {"total", result.total},       {"complete", result.complete},
              {"counts_exact", result.counts_exact}, {"results", hits},
              {"notes", result.notes},       {"suggestion", or_null(result.suggestion)}};
  if (o.facets) out["facets"] = facets_json(result.facets);
  return out;
}

json provision(IndexReaders& readers, const std::string& id, const std::string& lang, const std::string& as_of) {
  if (lang != "all" && !known_lang(lang)) throw HttpError(400, "--lang: " + lang + " not in {en,zh-Hant,zh-Hans,all}");
  auto docs = provision_or_throw(readers.searcher, id);
  if (!as_of.empty()) {
    Date day = parse_day(as_of, "as-of");
    std::vector<StoredDocument> in_force;
    for (const auto& d : docs)
      if (d["effective_from"].get<std::string>() <= day.iso() &&
          (d["effective_to"].is_null() || day.iso() < d["effective_to"].get<std::string>()))
        in_force.push_back(d);
    if (in_force.empty())
      throw HttpError(404, id + " was not in force on " + day.iso() + " (it has effect from " +
                               docs.front()["effective_from"].get<std::string>() + ")");
    docs = in_force;
  }
  return provision_record(docs, lang);
}

json diff(IndexReaders& readers, const std::string& id, const std::string& from, const std::string& to,
          const std::string& lang) {
  if (!known_lang(lang)) throw HttpError(400, "--lang: " + lang + " not in {en,zh-Hant,zh-Hans}");
  if (!from.empty()) parse_day(from, "from");
  if (!to.empty()) parse_day(to, "to");
  auto docs = provision_or_throw(readers.searcher, id);
  auto versions = versions_in(docs, lang);
  if (versions.empty()) throw HttpError(404, id + " has no text in " + lang);
  int b = to.empty() ? static_cast<int>(versions.size()) - 1 : version_on(versions, to);
  if (b < 0) throw HttpError(404, id + " had no version in force on " + to);
  int a = from.empty() ? b - 1 : version_on(versions, from);
  if (a < 0) {
    if (from.empty()) return {{"id", id}, {"lang", lang}, {"single", true}, {"effective_from", versions[b].from}};
    throw HttpError(404, id + " had no version in force on " + from);
  }
  auto version_json = [](const VersionText& v) {
    return json{{"effective_from", v.from}, {"effective_to", or_null(v.to)}, {"text_kind", v.kind}};
  };
  const VersionText &va = versions[a], &vb = versions[b];
  return {{"id", id},
          {"lang", lang},
          {"from", version_json(va)},
          {"to", version_json(vb)},
          {"heading", ops_json(diff_texts(va.heading, vb.heading))},
          {"text", ops_json(diff_texts(va.body, vb.body))},
          {"changed", va.heading != vb.heading || va.body != vb.body}};
}

json submission_list(Store& store) {
  std::map<std::string, std::size_t> counts;
  for (const auto& l : store.links()) ++counts[l.submission];
  json out = json::array();
  for (const auto& s : store.submissions(true)) out.push_back(submission_json(s, counts[s.id]));
  return {{"store", store.path()}, {"submissions", out}};
}

json submission_show(Store& store, const std::string& id) {
  auto s = store.submission(id);
  if (!s) throw HttpError(404, "unknown submission '" + id + "'");
  auto links = store.links({id, "", "", true});
  std::size_t active = 0;
  json history = json::array();
  for (const auto& l : links) {
    active += l.active();
    history.push_back(link_json(l));
  }
  json j = submission_json(*s, active);
  j["text"] = s->text;
  j["history"] = history;
  return j;
}

json submission_add(Store& store, const std::vector<Upload>& files, const std::string& from,
                    const std::string& received, const std::string& user) {
  if (files.empty()) throw HttpError(400, "no file was uploaded");
  if (!received.empty() && !Date::parse(received))
    throw HttpError(400, "bad date '" + received + "' for --received: expected YYYY-MM-DD");
  submissions::LanguageDetector languages;
  std::vector<submissions::Submission> batch;
  std::vector<std::string> errors;
  json duplicates = json::array();
  std::set<std::string> batch_hashes;
  for (const auto& file : files) {
    submissions::Submission s;
    // Only the last part of the name the browser sent: it is shown and stored, never used as a path.
    s.file_name = file.file_name.substr(file.file_name.find_last_of("/\\") + 1);
    s.sha256 = submissions::sha256_hex(file.bytes);
    if (auto existing = store.find_by_hash(s.sha256)) {
      duplicates.push_back({{"file", s.file_name}, {"already", *existing}});
      continue;
    }
    if (!batch_hashes.insert(s.sha256).second) {
      duplicates.push_back({{"file", s.file_name}, {"already", "an earlier file of this command"}});
      continue;
    }
    try {
      auto read = submissions::read_submission(s.file_name, file.bytes);
      s.format = read.format;
      s.charset = read.charset;
      s.text = read.text;
      s.subject = read.subject;
      s.sender = from.empty() ? read.sender : from;
      s.received = received.empty() ? read.received : received;
      s.lang = languages.detect(s.text);
      s.original = file.bytes;
      s.added_by = user;
      batch.push_back(std::move(s));
    } catch (const submissions::ReadError& e) {
      errors.push_back(e.what());
    }
  }
  if (!errors.empty()) {
    std::string message;
    for (const auto& e : errors) message += e + "\n";
    message += std::to_string(errors.size()) + (errors.size() == 1 ? " file" : " files") +
               " could not be read; nothing was filed in " + store.path();
    throw HttpError(400, message);
  }
  json filed = json::array();
  if (!batch.empty()) {
    auto ids = store.add_submissions(batch);
    for (std::size_t i = 0; i < ids.size(); ++i) batch[i].id = ids[i];
    submissions::sync_submission_index(store, submissions::submission_index_path(store.path()));
    for (const auto& s : batch) filed.push_back(submission_json(s, 0));
  }
  return {{"store", store.path()}, {"filed", filed}, {"duplicates", duplicates}};
}

json link_suggest(IndexReaders& readers, Store& store, const std::string& submission, std::size_t limit) {
  if (limit < 1 || limit > 100) throw HttpError(400, "--limit: value " + std::to_string(limit) + " not in range [1 - 100]");
  auto s = submission_or_throw(store, submission);
  json list = json::array();
  for (const auto& x : readers.suggester.suggest(s.text, limit)) list.push_back(suggestion_json(x));
  return {{"submission", submission}, {"suggestions", list}};
}

json link_accept(IndexReaders& readers, Store& store, const std::string& submission, std::size_t top,
                 const std::string& note, const std::string& user, const std::vector<std::string>& only) {
  if (top < 1 || top > 100) throw HttpError(400, "--top: value " + std::to_string(top) + " not in range [1 - 100]");
  auto s = submission_or_throw(store, submission);
  std::vector<submissions::LinkRequest> requests;
  auto suggestions = readers.suggester.suggest(s.text, only.empty() ? top : kAcceptFrom);
  for (const auto& id : only)
    if (std::none_of(suggestions.begin(), suggestions.end(), [&](const auto& x) { return x.id == id; }))
      throw HttpError(400, "'" + id + "' is not among the top " + std::to_string(kAcceptFrom) + " suggestions for " +
                               submission + "; add it by hand instead");
  for (const auto& x : suggestions)
    if (only.empty() || std::find(only.begin(), only.end(), x.id) != only.end())
      requests.push_back({x.id, x.kind, "suggested", x.score, note});
  std::size_t added = store.add_links(submission, requests, user);
  json targets = json::array();
  for (const auto& r : requests) targets.push_back({{"id", r.target}, {"kind", r.kind}, {"score", *r.score}});
  return {{"submission", submission}, {"added", added}, {"suggestions", targets}};
}

json link_add(IndexReaders& readers, Store& store, const std::string& submission,
              const std::vector<std::string>& targets, const std::string& note, const std::string& user) {
  submission_or_throw(store, submission);
  if (targets.empty()) throw HttpError(400, "no provision or question id to link to");
  std::vector<submissions::LinkRequest> requests;
  std::string unknown;
  for (const auto& id : targets) {
    if (!readers.suggester.provision_exists(id)) {
      std::string message = "unknown provision id '" + id + "'";
      auto near = readers.searcher.nearest_ids(id);
      for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "; did you mean ") + near[i];
      unknown += message + (near.empty() ? "" : "?") + "\n";
      continue;
    }
    requests.push_back({id, readers.suggester.kind_of(id), "manual", std::nullopt, note});
  }
  if (!unknown.empty()) throw HttpError(400, unknown + "no link was added");
  std::size_t added = store.add_links(submission, requests, user);
  return {{"submission", submission}, {"added", added}, {"already_linked", requests.size() - added}};
}

json link_remove(Store& store, const std::string& submission, const std::string& target, const std::string& note,
                 const std::string& user) {
  submission_or_throw(store, submission);
  if (!store.remove_link(submission, target, user, note))
    throw HttpError(404, submission + " is not linked to '" + target + "'");
  return {{"submission", submission}, {"target", target}, {"removed", true}};
}

json link_list(Store& store, const submissions::LinkFilter& filter) {
  if (!filter.submission.empty()) submission_or_throw(store, filter.submission);
  json list = json::array();
  for (const auto& l : store.links(filter)) list.push_back(link_json(l));
  return {{"links", list}};
}

submissions::Report report(IndexReaders& readers, Store& store, const std::string& by, const std::string& lang) {
  if (by != "provision" && by != "question" && by != "topic")
    throw HttpError(400, "--by: " + by + " not in {provision,question,topic}");
  if (!known_lang(lang)) throw HttpError(400, "--lang: " + lang + " not in {en,zh-Hant,zh-Hans}");
  return submissions::build_report(store, readers.suggester, by, lang);
}

}  // namespace provisio::web
