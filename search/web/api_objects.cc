#include "api_objects.h"

#include <algorithm>
#include <regex>
#include <set>

#include "campaign_output.h"
#include "campaigns.h"
#include "date.h"
#include "history.h"
#include "history_output.h"
#include "shown_provision.h"
#include "language.h"
#include "provision_output.h"
#include "reader.h"
#include "search_output.h"
#include "submission_date.h"
#include "submission_index.h"
#include "submission_output.h"
#include "version_texts.h"

namespace provisio::web {

namespace {

using nlohmann::json;
using submissions::Store;

// The output library prints JSON as one line of text (what the CLI writes); the API sends the
// same object.
json parsed(const std::string& line) { return json::parse(line); }

Date parse_day(const std::string& day, const std::string& option) {
  auto d = Date::parse(day);
  if (!d) throw HttpError(400, "bad date '" + day + "' for --" + option + ": expected YYYY-MM-DD");
  return *d;
}

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
  if (r.limit < 1 || r.limit > 10000)
    throw HttpError(400, "--limit: value " + std::to_string(r.limit) + " not in range [1 - 10000]");
  SearchOptions o;
  o.query = r.query;
  o.lang = display_language(r.lang, o.query);
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
  if (r.script == "hans" || o.lang == "zh-Hans") to_simplified(result.hits, readers.converter);
  // The commitment lines, as the CLI passes them, so each hit's "line" is the CLI's.
  StoredGraph graph = read_graph(readers.searcher.database());
  return parsed(output::search_json(result, o, &graph));
}

json provision(IndexReaders& readers, const std::string& id, const std::string& lang, const std::string& as_of,
               const std::string& script) {
  if (lang != "all" && !known_lang(lang)) throw HttpError(400, "--lang: " + lang + " not in {en,zh-Hant,zh-Hans,all}");
  if (script != "as-written" && script != "hans") throw HttpError(400, "--script: " + script + " not in {as-written,hans}");
  auto docs = provision_or_throw(readers.searcher, id);
  if (!as_of.empty()) {
    Date day = parse_day(as_of, "as-of");
    std::vector<StoredDocument> in_force;
    for (const auto& d : docs)
      if (d.in_force_on(day)) in_force.push_back(d);
    if (in_force.empty())
      throw HttpError(404, id + " was not in force on " + day.iso() + " (it has effect from " +
                               docs.front().effective_from + ")");
    docs = in_force;
  }
  ShownProvision shown = shown_provision(readers.searcher.database(), docs, lang, &readers.converter, script == "hans");
  return parsed(output::show_json(shown.docs, lang, shown.line));
}

json history(IndexReaders& readers, const std::string& id, const std::string& lang) {
  if (!known_lang(lang)) throw HttpError(400, "--lang: " + lang + " not in {en,zh-Hant,zh-Hans}");
  std::string found = provision_or_throw(readers.searcher, id).front().id;  // the new id when it moved
  StoredGraph graph = read_graph(readers.searcher.database());
  auto line = build_history(readers.searcher, graph, found, lang);
  return parsed(line ? output::history_json(*line) : output::no_line_json(found));
}

json diff(IndexReaders& readers, const std::string& id, const std::string& from, const std::string& to,
          const std::string& lang) {
  if (!known_lang(lang)) throw HttpError(400, "--lang: " + lang + " not in {en,zh-Hant,zh-Hans}");
  std::optional<Date> from_day, to_day;
  if (!from.empty()) from_day = parse_day(from, "from");
  if (!to.empty()) to_day = parse_day(to, "to");
  auto docs = provision_or_throw(readers.searcher, id);
  auto versions = versions_in(docs, lang);
  if (versions.empty()) throw HttpError(404, id + " has no text in " + lang);
  std::optional<std::size_t> b = to_day ? version_on(versions, *to_day) : std::optional<std::size_t>(versions.size() - 1);
  if (!b) throw HttpError(404, id + " had no version in force on " + to);
  std::optional<std::size_t> a = from_day ? version_on(versions, *from_day)
                                 : *b > 0 ? std::optional<std::size_t>(*b - 1)
                                          : std::nullopt;
  if (!a) {
    if (!from_day) return {{"id", id}, {"lang", lang}, {"single", true}, {"effective_from", versions[*b].from}};
    throw HttpError(404, id + " had no version in force on " + from);
  }
  return parsed(output::diff_json(id, lang, versions[*a], versions[*b]));
}

json submission_list(Store& store) {
  std::map<std::string, std::size_t> counts;
  for (const auto& l : store.links()) ++counts[l.submission];
  return parsed(output::submission_list_json(store.path(), store.submissions(true), counts));
}

json submission_show(Store& store, const std::string& id) {
  auto s = store.submission(id);
  if (!s) throw HttpError(404, "unknown submission '" + id + "'");
  auto links = store.links({id, "", "", true});
  json j = parsed(output::submission_show_json(*s, links, {}, store.edits(id)));
  j["history"] = parsed(output::links_json(links))["links"];
  return j;
}

json submission_add(Store& store, const std::vector<Upload>& files, const std::string& from,
                    const std::string& received, const std::string& user) {
  if (files.empty()) throw HttpError(400, "no file was uploaded");
  if (!received.empty() && !Date::parse(received))
    throw HttpError(400, "bad date '" + received + "' for --received: expected YYYY-MM-DD");
  // As `provisio submission add`: every file read first, duplicates reported, nothing filed if one
  // cannot be read.
  submissions::LanguageDetector languages;
  std::vector<submissions::Submission> batch;
  std::vector<std::string> errors;
  output::Duplicates duplicates;
  std::set<std::string> batch_hashes;
  for (const auto& file : files) {
    submissions::Submission s;
    // Only the last part of the name the browser sent: it is shown and stored, never used as a path.
    s.file_name = file.file_name.substr(file.file_name.find_last_of("/\\") + 1);
    s.sha256 = submissions::sha256_hex(file.bytes);
    if (auto existing = store.find_by_hash(s.sha256)) {
      duplicates.push_back(output::duplicate_of(s.file_name, *store.submission(*existing)));
      continue;
    }
    if (!batch_hashes.insert(s.sha256).second) {
      duplicates.push_back(output::duplicate_in_batch(s.file_name));
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
      s.ocr_pages = read.ocr_pages;
      s.ocr_confidence = read.ocr_confidence;
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
  if (!batch.empty()) {
    auto ids = store.add_submissions(batch);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      batch[i].id = ids[i];
      batch[i].added_at = store.submission(ids[i])->added_at;  // the time the store gave it
    }
    submissions::sync_submission_index(store, submissions::submission_index_path(store.path()));
  }
  return parsed(output::filed_json(store.path(), batch, duplicates));
}

json link_suggest(IndexReaders& readers, Store& store, const std::string& submission, std::size_t limit) {
  if (limit < 1 || limit > 100) throw HttpError(400, "--limit: value " + std::to_string(limit) + " not in range [1 - 100]");
  auto s = submission_or_throw(store, submission);
  return parsed(output::suggestions_json(submission, readers.suggester.suggest(s.text, limit, submissions::submission_date(s.received, s.text))));
}

namespace {

// The links made for `submission` made for the other members of its campaign too (unless
// `only_this`), as `provisio link accept|add` does: `result` gets "campaign".
json with_campaign(json result, Store& store, const std::string& submission,
                   const std::vector<submissions::LinkRequest>& requests, const std::string& user,
                   bool only_this) {
  submissions::CampaignLinkResult done;
  if (!only_this && !requests.empty()) {
    auto removed = store.removed_targets(submission);  // people decide: not spread from here either
    std::vector<submissions::LinkRequest> spread;
    for (const auto& r : requests)
      if (!std::binary_search(removed.begin(), removed.end(), r.target)) spread.push_back(r);
    done = submissions::campaign_links(store, submissions::find_campaigns(store), submission, spread, user);
  }
  result["campaign"] = output::campaign_links_json(done);
  return result;
}

}  // namespace

json link_accept(IndexReaders& readers, Store& store, const std::string& submission, std::size_t top,
                 const std::string& note, const std::string& user, const std::vector<std::string>& only,
                 bool only_this) {
  if (top < 1 || top > 100) throw HttpError(400, "--top: value " + std::to_string(top) + " not in range [1 - 100]");
  auto s = submission_or_throw(store, submission);
  auto suggestions = readers.suggester.suggest(s.text, only.empty() ? top : kAcceptFrom,
                                                submissions::submission_date(s.received, s.text));
  for (const auto& id : only)
    if (std::none_of(suggestions.begin(), suggestions.end(), [&](const auto& x) { return x.id == id; }))
      throw HttpError(400, "'" + id + "' is not among the top " + std::to_string(kAcceptFrom) + " suggestions for " +
                               submission + "; add it by hand instead");
  std::vector<submissions::LinkRequest> requests;
  for (const auto& x : suggestions)
    if (only.empty() || std::find(only.begin(), only.end(), x.id) != only.end())
      requests.push_back({x.id, x.kind, "suggested", x.score, note});
  std::size_t added = store.add_links(submission, requests, user);
  return with_campaign(parsed(output::accepted_json(submission, requests, added)), store, submission,
                       requests, user, only_this);
}

json link_add(IndexReaders& readers, Store& store, const std::string& submission,
              const std::vector<std::string>& targets, const std::string& note, const std::string& user,
              bool only_this) {
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
  return with_campaign(parsed(output::added_json(submission, requests.size(), added)), store, submission,
                       requests, user, only_this);
}

json link_remove(Store& store, const std::string& submission, const std::string& target, const std::string& note,
                 const std::string& user) {
  submission_or_throw(store, submission);
  if (!store.remove_link(submission, target, user, note))
    throw HttpError(404, submission + " is not linked to '" + target + "'");
  return parsed(output::removed_json(submission, target));
}

json link_list(Store& store, const submissions::LinkFilter& filter) {
  if (!filter.submission.empty()) submission_or_throw(store, filter.submission);
  return parsed(output::links_json(store.links(filter)));
}

submissions::Report report(IndexReaders& readers, Store& store, const std::string& by, const std::string& lang) {
  if (by != "provision" && by != "question" && by != "topic" && by != "link")
    throw HttpError(400, "--by: " + by + " not in {provision,question,topic,link}");
  if (!known_lang(lang)) throw HttpError(400, "--lang: " + lang + " not in {en,zh-Hant,zh-Hans}");
  return submissions::build_report(store, readers.suggester, by, lang);
}

}  // namespace provisio::web
