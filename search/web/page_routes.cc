// The HTML pages: search, provision, submissions (inbox, upload, one submission and its links),
// report, login. Each is rendered from the API's own objects (api_objects.h) plus what only a page
// needs (form values, links, highlight runs), through the auto-escaping templates.
#include <set>

#include "api_objects.h"
#include "bar_chart.h"
#include "corpus.h"
#include "schema.h"
#include "server_internal.h"
#include "submission_output.h"
#include "users.h"

namespace provisio::web {

namespace {

using ctemplate::TemplateDictionary;
using nlohmann::json;

std::string encode(const std::string& value) { return url_encode(value); }

// A URL of this server: `path` with the parameters given, empty values left out.
std::string url(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = path;
  char sep = '?';
  for (const auto& [k, v] : params) {
    if (v.empty()) continue;
    out += sep + k + "=" + encode(v);
    sep = '&';
  }
  return out;
}

// What every page shows (labels, who is logged in, the CSRF token), in `dict`: the page's own
// dictionary and each included template's (ctemplate's include dictionaries do not see their
// parent's values).
void add_common(TemplateDictionary& dict, const std::string& name, const std::string& title) {
  const Caller& who = caller();
  add_labels(dict, who.ui);
  dict.SetValue("PAGE_TITLE", title);
  dict.SetValue("CSRF", who.session.csrf);
  dict.SetValue("USER", who.user);
  if (!who.session.user.empty()) dict.ShowSection("LOGGED_IN");
  dict.ShowSection("NAV_" + name);
  dict.SetValue("UI_HREF", url("/ui", {{"lang", who.ui == "zh-Hant" ? "en" : "zh-Hant"}, {"back", who.target}}));
}

struct Page {
  Page(const std::string& page_name, const std::string& page_title)
      : name(page_name), title(page_title), dict(page_name) {
    add_common(dict, name, title);
  }
  std::string name, title;
  TemplateDictionary dict;
};

void send_page(Context& c, httplib::Response& res, Page& page, const std::string& name) {
  for (const char* part : {"header", "footer"}) {
    std::string upper = part == std::string("header") ? "HEADER" : "FOOTER";
    auto* include = page.dict.AddIncludeDictionary(upper);
    include->SetFilename(c.options.web_root + "/templates/" + part + ".tpl");
    add_common(*include, page.name, page.title);
  }
  res.set_content(c.views.render(name, page.dict), "text/html; charset=utf-8");
}

// Text with the byte ranges [begin, end) marked: one section per run, {{#MARK}} on the marked ones.
void add_runs(TemplateDictionary& dict, const std::string& section, const std::string& text, const json& ranges) {
  std::size_t at = 0;
  auto run = [&](std::size_t from, std::size_t to, bool mark) {
    if (to <= from) return;
    auto* r = dict.AddSectionDictionary(section);
    r->SetValue("TEXT", text.substr(from, to - from));
    r->ShowSection(mark ? "MARK" : "PLAIN");
  };
  for (const auto& range : ranges) {
    std::size_t b = range[0].get<std::size_t>(), e = range[1].get<std::size_t>();
    if (b < at || e > text.size()) continue;
    run(at, b, false);
    run(b, e, true);
    at = e;
  }
  run(at, text.size(), false);
}

void add_hit(TemplateDictionary& dict, const json& hit, const std::string& as_of, const std::string& script) {
  fill(dict, hit);
  // The provision page keeps the search's Simplified display.
  dict.SetValue("HREF", url("/provisions/" + hit["id"].get<std::string>(), {{"script", script == "hans" ? "hans" : ""}}));
  add_runs(dict, "SNIPPET_RUN", hit["snippet"], hit["snippet_highlights"]);
  if (hit.contains("effective_to") && hit["effective_to"].is_string() && hit["effective_to"].get<std::string>() <= as_of)
    dict.ShowSection("SUPERSEDED");
  if (hit.contains("parallel"))
    for (const auto& p : hit["parallel"]) add_hit(*dict.AddSectionDictionary("OTHER_LANG"), p, as_of, script);
}

std::vector<std::string> instruments_of(Context& c) {
  auto readers = c.index.lease();
  std::vector<std::string> out;
  const auto& db = readers->searcher.database();
  std::string prefix(schema::kInstrumentTerm);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) out.push_back((*t).substr(prefix.size()));
  return out;
}

void search_page(Context& c, const httplib::Request& req, httplib::Response& res) {
  SearchRequest r = search_request(req);
  const std::size_t per_page = 10;
  r.limit = per_page;
  Page page("search", r.query.empty() ? label("search", caller().ui) : r.query);
  auto& d = page.dict;
  d.SetValue("Q", r.query);
  d.SetValue("AS_OF", r.as_of);
  if (r.all_versions) d.ShowSection("ALL_VERSIONS_CHECKED");
  if (r.script == "hans") d.ShowSection("HANS_CHECKED");
  if (r.parallel) d.ShowSection("PARALLEL_CHECKED");
  for (const char* lang : {"en", "zh-Hant", "zh-Hans"}) {
    auto* o = d.AddSectionDictionary("LANG_OPTION");
    o->SetValue("VALUE", lang);
    if (r.lang == lang) o->ShowSection("SELECTED");
  }
  std::string instrument = r.instruments.empty() ? "" : r.instruments.front();
  std::string topic = r.topics.empty() ? "" : r.topics.front();
  for (const auto& i : instruments_of(c)) {
    auto* o = d.AddSectionDictionary("INSTRUMENT_OPTION");
    o->SetValue("VALUE", i);
    if (i == instrument) o->ShowSection("SELECTED");
  }
  for (const auto& t : known_topics()) {
    auto* o = d.AddSectionDictionary("TOPIC_OPTION");
    o->SetValue("VALUE", t);
    if (t == topic) o->ShowSection("SELECTED");
  }
  // The whole search in the URL: every link below keeps it and changes one thing.
  auto search_url = [&](const std::string& inst, const std::string& top, std::size_t offset,
                        const std::string& query) {
    return url("/search", {{"q", query}, {"instrument", inst}, {"topic", top}, {"lang", r.lang},
                           {"as_of", r.as_of}, {"all_versions", r.all_versions ? "1" : ""},
                           {"script", r.script == "hans" ? "hans" : ""}, {"parallel", r.parallel ? "1" : ""},
                           {"offset", offset ? std::to_string(offset) : ""}});
  };
  if (!r.query.empty()) {
    d.ShowSection("SEARCHED");
    json result;
    {
      // Facets need every match visited: on a large index a common word's facets took 14 s (the
      // load benchmark on the Taiwan law corpus). So they are counted only when the search found
      // few enough provisions to be counted cheaply; else the page says how to narrow it.
      auto readers = c.index.lease();
      result = search(*readers, r);
      if (result["counts_exact"].get<bool>() && result["total"].get<std::size_t>() <= kExactCountLimit) {
        r.facets = true;
        result = search(*readers, r);
      } else {
        d.SetValue("FACET_LIMIT", std::to_string(kExactCountLimit));
        d.ShowSection("FACETS_SKIPPED");
      }
    }
    std::string as_of = result["as_of"];
    d.SetValue("TOTAL", std::to_string(result["total"].get<std::size_t>()));
    d.SetValue("RESULTS_WORD", label(result["total"].get<std::size_t>() == 1 ? "result" : "results", caller().ui));
    if (!result["counts_exact"].get<bool>()) d.ShowSection("ABOUT");
    if (result["results"].empty()) d.ShowSection("NO_RESULTS");
    for (const auto& note : result["notes"]) d.AddSectionDictionary("NOTE")->SetValue("VALUE", note.get<std::string>());
    if (result["suggestion"].is_string()) {
      auto* s = d.AddSectionDictionary("SUGGESTION");
      s->SetValue("VALUE", result["suggestion"].get<std::string>());
      s->SetValue("HREF", url("/search", {{"q", result["suggestion"]}}));
    }
    for (const auto& hit : result["results"]) add_hit(*d.AddSectionDictionary("HIT"), hit, as_of, r.script);
    for (const char* name : {"instrument", "topic", "lang", "year"}) {
      if (!result["facets"].contains(name)) continue;
      auto* f = d.AddSectionDictionary("FACET");
      f->SetValue("NAME", label(name == std::string("lang") ? "language" : name, caller().ui));
      for (const auto& v : result["facets"][name]) {
        auto* value = f->AddSectionDictionary("VALUE_COUNT");
        std::string text = v["value"];
        value->SetValue("VALUE", text);
        value->SetIntValue("COUNT", v["count"].get<long>());
        // Instrument and topic have form fields; language and year narrow the query itself
        // (lang:, year:), exactly as typing them would, so the CLI finds the same with that query.
        std::string href;
        if (name == std::string("instrument")) href = search_url(text, topic, 0, r.query);
        if (name == std::string("topic")) href = search_url(instrument, text, 0, r.query);
        if (name == std::string("year")) href = search_url(instrument, topic, 0, r.query + " year:" + text);
        if (name == std::string("lang"))  // shown in the language chosen, not the display language asked
          href = url("/search", {{"q", r.query + " lang:" + text}, {"instrument", instrument}, {"topic", topic},
                                 {"as_of", r.as_of}, {"all_versions", r.all_versions ? "1" : ""}});
        value->SetValue("HREF", href);
      }
    }
    std::size_t total = result["total"];
    if (r.offset > 0) set_and_show(d, "PREV_HREF", search_url(instrument, topic, r.offset >= per_page ? r.offset - per_page : 0, r.query), "PREV");
    if (r.offset + per_page < total) set_and_show(d, "NEXT_HREF", search_url(instrument, topic, r.offset + per_page, r.query), "NEXT");
    // As the CLI's summary: the range counts the hits in force; superseded versions that match
    // better than any in force are marked and counted apart (searcher.h says where they stand).
    std::size_t superseded = result["superseded"], in_force = result["results"].size() - superseded;
    if (in_force > 0) {
      d.ShowSection("FIRST");  // the summary's "· FIRST–LAST"
      d.SetIntValue("FIRST", static_cast<long>(r.offset + 1));
      d.SetIntValue("LAST", static_cast<long>(r.offset + in_force));
    }
    if (superseded > 0) {
      auto* s = d.AddSectionDictionary("SUPERSEDED_EXTRA");
      s->SetIntValue("COUNT", static_cast<long>(superseded));
      s->SetValue("TEXT", label(superseded == 1 ? "superseded_extra_one" : "superseded_extra", caller().ui));
    }
  }
  send_page(c, res, page, "search");
}

void provision_page(Context& c, const httplib::Request& req, httplib::Response& res) {
  std::string id = req.matches[1];
  json record, comparison, linked, line;
  std::string dlang = param(req, "dlang", "en"), from = param(req, "from"), to = param(req, "to");
  bool hans = param(req, "script") == "hans";
  {
    auto readers = c.index.lease();
    record = provision(*readers, id, "all", "", hans ? "hans" : "as-written");
    line = history(*readers, id, caller().ui);  // its line named in the interface's language
    if (!from.empty() || !to.empty() || req.has_param("dlang")) comparison = diff(*readers, id, from, to, dlang);
  }
  {
    auto store = open_store(c);
    submissions::LinkFilter filter;
    filter.target = id;
    linked = link_list(store, filter);
  }
  std::string title = record["citations"].contains("en") ? record["citations"]["en"].get<std::string>() : id;
  Page page("provision", id);
  auto& d = page.dict;
  // The page draws the line from `history` (named in the interface's language, with its members),
  // not from the record's summary of it, which fill() would turn into a second LINE section.
  record.erase("line");
  fill(d, record);
  d.SetValue("SCRIPT_HREF", url("/provisions/" + id, {{"script", hans ? "" : "hans"}}));
  d.SetValue("SCRIPT_LABEL", label(hans ? "as_written" : "simplified", caller().ui));
  d.SetValue("TITLE", title);
  for (const auto& [lang, citation] : record["citations"].items()) {
    auto* s = d.AddSectionDictionary("CITATION");
    s->SetValue("LANG", lang);
    s->SetValue("VALUE", citation.get<std::string>());
  }
  for (const auto& ref : record["refs"]) {
    auto* s = d.AddSectionDictionary("REF");
    s->SetValue("ID", ref.get<std::string>());
    s->SetValue("HREF", "/provisions/" + ref.get<std::string>());
  }
  if (!record["relations"].empty()) {
    // Not "RELATIONS": fill() already made one (empty) section of that name per relation.
    auto* relations = d.AddSectionDictionary("RELATION_LIST");
    for (const auto& r : record["relations"]) {
      auto* s = relations->AddSectionDictionary("RELATION");
      s->SetValue("TYPE", r["type"].get<std::string>());
      s->SetValue("TO", r["to"].get<std::string>());
      s->SetValue("HREF", "/provisions/" + r["to"].get<std::string>());
    }
  }
  if (line["line"].is_string()) {  // the commitment line, as `provisio history` shows it
    auto* s = d.AddSectionDictionary("LINE");
    s->SetValue("NAME", line["line"].get<std::string>());
    s->SetValue("SINCE", line["steps"].at(0)["effective_from"].get<std::string>());
    for (const auto& m : line["members"]) {
      auto* member = s->AddSectionDictionary("MEMBER");
      std::string member_id = m.get<std::string>();
      member->SetValue("ID", member_id);
      member->SetValue("HREF", "/provisions/" + member_id + "#line");
      member->ShowSection(member_id == line["id"] ? "HERE" : "ELSEWHERE");
    }
  }
  std::size_t n = record["versions"].size(), i = 0;
  for (const auto& v : record["versions"]) {
    auto* s = d.AddSectionDictionary("VERSION");
    fill(*s, v);
    s->SetIntValue("NUMBER", static_cast<long>(++i));
    s->SetIntValue("OF", static_cast<long>(n));
    if (v["effective_to"].is_null()) s->ShowSection("CURRENT");
    for (const auto& t : v["texts"]) {
      auto* x = s->AddSectionDictionary("TEXT");
      fill(*x, t);
      if (t["kind"] == "digest") x->ShowSection("DIGEST");
    }
    for (const char* option : {"FROM_OPTION", "TO_OPTION"}) {
      auto* o = d.AddSectionDictionary(option);
      o->SetValue("VALUE", v["effective_from"].get<std::string>());
      bool chosen = option == std::string("FROM_OPTION") ? v["effective_from"] == from
                                                          : (to.empty() ? i == n : v["effective_from"] == to);
      if (chosen) o->ShowSection("SELECTED");
    }
  }
  for (const char* lang : {"en", "zh-Hant", "zh-Hans"}) {
    if (!record["citations"].contains(lang)) continue;
    auto* o = d.AddSectionDictionary("DLANG_OPTION");
    o->SetValue("VALUE", lang);
    if (dlang == lang) o->ShowSection("SELECTED");
  }
  if (n > 1) d.ShowSection("CAN_COMPARE");
  if (!comparison.is_null()) {
    auto* s = d.AddSectionDictionary("COMPARISON");
    fill(*s, comparison);
    if (comparison.contains("single")) s->ShowSection("SINGLE");
    else if (!comparison["changed"].get<bool>()) s->ShowSection("UNCHANGED");
    for (const char* part : {"heading", "text"})
      if (comparison.contains(part))
        for (const auto& op : comparison[part]) {
          auto* r = s->AddSectionDictionary(part == std::string("heading") ? "HEADING_OP" : "TEXT_OP");
          r->SetValue("TEXT", op["text"].get<std::string>());
          r->ShowSection(op["op"] == "delete" ? "DEL" : op["op"] == "insert" ? "INS" : "SAME");
        }
  }
  for (const auto& l : linked["links"]) {
    auto* s = d.AddSectionDictionary("LINKED");
    fill(*s, l);
    s->SetValue("HREF", "/submissions/" + l["submission"].get<std::string>());
  }
  if (linked["links"].empty()) d.ShowSection("NO_LINKED");
  send_page(c, res, page, "provision");
}

bool contains_folded(const std::string& haystack, const std::string& needle) {
  auto lower = [](std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

void submissions_page(Context& c, const httplib::Request& req, httplib::Response& res, const std::string& error,
                      int status) {
  json list;
  {
    auto store = open_store(c);
    list = submission_list(store);
  }
  bool unlinked = param(req, "unlinked") == "1";
  std::string lang = param(req, "lang"), sender = param(req, "sender"), since = param(req, "received_from"),
              until = param(req, "received_to");
  Page page("submissions", label("submissions", caller().ui));
  auto& d = page.dict;
  if (unlinked) d.ShowSection("UNLINKED_CHECKED");
  d.SetValue("SENDER", sender);
  d.SetValue("RECEIVED_FROM", since);
  d.SetValue("RECEIVED_TO", until);
  for (const char* l : {"en", "zh-Hant", "zh-Hans"}) {
    auto* o = d.AddSectionDictionary("LANG_OPTION");
    o->SetValue("VALUE", l);
    if (lang == l) o->ShowSection("SELECTED");
  }
  if (!error.empty()) set_and_show(d, "ERROR", error, "HAS_ERROR");
  std::size_t shown = 0;
  auto& all = list["submissions"];
  for (auto it = all.rbegin(); it != all.rend(); ++it) {  // newest first
    const auto& s = *it;
    if (unlinked && s["links"].get<std::size_t>() > 0) continue;
    if (!lang.empty() && s["lang"] != lang) continue;
    if (!sender.empty() && !contains_folded(s["sender"], sender)) continue;
    std::string received = s["received"];
    if (!since.empty() && (received.empty() || received < since)) continue;
    if (!until.empty() && (received.empty() || received > until)) continue;
    auto* row = d.AddSectionDictionary("SUBMISSION");
    fill(*row, s);
    row->SetValue("HREF", "/submissions/" + s["id"].get<std::string>());
    std::string title = !s["subject"].get<std::string>().empty() ? s["subject"].get<std::string>() : s["file_name"].get<std::string>();
    row->SetValue("TITLE", title);
    if (s["links"].get<std::size_t>() == 0) row->ShowSection("UNLINKED");
    ++shown;
  }
  if (shown == 0) d.ShowSection("NO_SUBMISSIONS");
  res.status = status;
  send_page(c, res, page, "submissions");
}

void submission_page(Context& c, const httplib::Request& req, httplib::Response& res, const std::string& id,
                     const std::string& message, int status) {
  json shown, suggestions, found;
  std::string find = param(req, "find");
  {
    auto store = open_store(c);
    shown = submission_show(store, id);
    auto readers = c.index.lease();
    suggestions = link_suggest(*readers, store, id, 5);
    if (!find.empty()) {
      SearchRequest r;
      r.query = find;
      r.limit = 8;
      found = search(*readers, r);
    }
  }
  std::string title = !shown["subject"].get<std::string>().empty() ? shown["subject"].get<std::string>() : id;
  Page page("submission", title);
  auto& d = page.dict;
  fill(d, shown);
  d.SetValue("TITLE", title);
  d.SetValue("ACTION", "/submissions/" + id + "/links");
  d.SetValue("FIND", find);
  if (!message.empty()) set_and_show(d, "MESSAGE", message, status >= 400 ? "HAS_ERROR" : "HAS_MESSAGE");
  std::set<std::string> active;
  for (const auto& l : shown["history"]) {
    auto* h = d.AddSectionDictionary("HISTORY_LINK");
    fill(*h, l);
    h->SetValue("HREF", "/provisions/" + l["target"].get<std::string>());
    if (l["active"].get<bool>()) {
      active.insert(l["target"]);
      auto* a = d.AddSectionDictionary("ACTIVE_LINK");
      fill(*a, l);
      a->SetValue("HREF", "/provisions/" + l["target"].get<std::string>());
    }
  }
  for (const auto& s : suggestions["suggestions"]) {
    auto* row = d.AddSectionDictionary("SUGGESTION");
    fill(*row, s);
    row->SetValue("HREF", "/provisions/" + s["id"].get<std::string>());
    if (active.count(s["id"])) row->ShowSection("ALREADY");
    else row->ShowSection("CAN_ACCEPT");
    std::string concepts;
    for (const auto& x : s["why"]["concepts"]) concepts += (concepts.empty() ? "" : "; ") + x["label"].get<std::string>();
    if (!concepts.empty()) set_and_show(*row, "CONCEPT_LIST", concepts, "HAS_CONCEPTS");
    std::string words;
    for (const auto& w : s["why"]["terms"]) words += (words.empty() ? "" : ", ") + w.get<std::string>();
    if (!words.empty()) set_and_show(*row, "WORD_LIST", words, "HAS_WORDS");
    if (auto when = output::then_and_now(s); !when.empty()) set_and_show(*row, "THEN_NOW", when, "HAS_THEN_NOW");
  }
  if (!found.is_null()) {
    d.ShowSection("FOUND_SECTION");
    for (const auto& hit : found["results"]) {
      auto* row = d.AddSectionDictionary("FOUND");
      fill(*row, hit);
      row->SetValue("HREF", "/provisions/" + hit["id"].get<std::string>());
      if (active.count(hit["id"])) row->ShowSection("ALREADY");
      else row->ShowSection("CAN_ADD");
    }
  }
  res.status = status;
  send_page(c, res, page, "submission");
}

void report_page(Context& c, const httplib::Request& req, httplib::Response& res) {
  std::string by = param(req, "by", "provision"), lang = param(req, "lang", "en");
  submissions::Report data;
  {
    auto store = open_store(c);
    auto readers = c.index.lease();
    data = report(*readers, store, by, lang);
  }
  Page page("report", label("report", caller().ui));
  auto& d = page.dict;
  for (const char* b : {"provision", "question", "topic"}) {
    auto* o = d.AddSectionDictionary("BY_OPTION");
    o->SetValue("VALUE", b);
    o->SetValue("LABEL", label(std::string("by_") + b, caller().ui));
    if (by == b) o->ShowSection("SELECTED");
  }
  for (const char* l : {"en", "zh-Hant", "zh-Hans"}) {
    auto* o = d.AddSectionDictionary("LANG_OPTION");
    o->SetValue("VALUE", l);
    if (lang == l) o->ShowSection("SELECTED");
  }
  d.SetIntValue("SUBMISSIONS_TOTAL", static_cast<long>(data.submissions_total));
  for (const char* format : {"csv", "md", "json", "table"}) {
    auto* o = d.AddSectionDictionary("DOWNLOAD");
    o->SetValue("FORMAT", format);
    o->SetValue("HREF", url("/api/report", {{"by", by}, {"lang", lang}, {"format", format}}));
  }
  // Every link on its own line, and the Excel workbook with a sheet per grouping.
  auto* links_csv = d.AddSectionDictionary("DOWNLOAD");
  links_csv->SetValue("FORMAT", "links-csv");
  links_csv->SetValue("HREF", url("/api/report", {{"by", "link"}, {"lang", lang}, {"format", "csv"}}));
  auto* xlsx = d.AddSectionDictionary("DOWNLOAD");
  xlsx->SetValue("FORMAT", "xlsx");
  xlsx->SetValue("HREF", url("/api/report", {{"lang", lang}, {"format", "xlsx"}}));
  std::vector<BarChart::Bar> bars;
  for (const auto& row : data.rows) {
    auto* r = d.AddSectionDictionary("ROW");
    r->SetValue("KEY", row.key);
    r->SetValue("KIND", row.kind);
    r->SetValue("HEADING", row.heading);
    r->SetIntValue("COUNT", static_cast<long>(row.submissions.size()));
    if (row.kind != "topic") set_and_show(*r, "HREF", "/provisions/" + row.key, "LINKED");
    else r->ShowSection("PLAIN");
    for (const auto& e : row.submissions) {
      auto* s = r->AddSectionDictionary("ENTRY");
      s->SetValue("ID", e.submission);
      s->SetValue("HREF", "/submissions/" + e.submission);
      // A campaign of near-identical letters counts once; the badge says how many signed it.
      if (!e.campaign.empty()) {
        auto* badge = s->AddSectionDictionary("CAMPAIGN");
        badge->SetValue("LEAD", e.campaign);
        badge->SetIntValue("SIGNED", static_cast<long>(e.signed_by()));
      }
    }
    if (!row.submissions.empty()) bars.push_back({row.key, row.submissions.size()});
  }
  if (data.rows.empty()) d.ShowSection("NO_ROWS");
  if (!bars.empty()) add_bar_chart(*d.AddSectionDictionary("CHART"), bars);
  send_page(c, res, page, "report");
}

void login_page(Context& c, const httplib::Request& req, httplib::Response& res, bool failed) {
  Page page("login", label("login", caller().ui));
  std::string back = param(req, "back", "/");
  page.dict.SetValue("BACK", back);
  if (failed) page.dict.ShowSection("FAILED");
  res.status = failed ? 401 : 200;
  send_page(c, res, page, "login");
}

// Only paths of this server: "/x", never "//host" or "http://…", so a login link cannot send the
// user elsewhere.
std::string safe_back(const std::string& back) {
  if (back.empty() || back[0] != '/' || (back.size() > 1 && (back[1] == '/' || back[1] == '\\'))) return "/";
  return back;
}

std::vector<std::string> form_values(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < req.get_param_value_count(name); ++i)
    if (!req.get_param_value(name, i).empty()) out.push_back(req.get_param_value(name, i));
  return out;
}

}  // namespace

void add_page_routes(Context& c, httplib::Server& server) {
  get(c, server, "/", [&c](const httplib::Request& req, httplib::Response& res) { search_page(c, req, res); });
  get(c, server, "/search", [&c](const httplib::Request& req, httplib::Response& res) { search_page(c, req, res); });
  get(c, server, "/provisions/(.+)", [&c](const httplib::Request& req, httplib::Response& res) {
    provision_page(c, req, res);
  });
  get(c, server, "/submissions", [&c](const httplib::Request& req, httplib::Response& res) {
    submissions_page(c, req, res, "", 200);
  });
  post(c, server, "/submissions", [&c](const httplib::Request& req, httplib::Response& res) {
    std::vector<Upload> files;
    auto range = req.files.equal_range("file");
    for (auto it = range.first; it != range.second; ++it)
      if (!it->second.filename.empty()) files.push_back({it->second.filename, it->second.content});
    auto field = [&](const char* name) { return req.has_file(name) ? req.get_file_value(name).content : ""; };
    json filed;
    try {
      auto store = open_store(c);
      filed = submission_add(store, files, field("from"), field("received"), caller().user);
    } catch (const HttpError& e) {
      submissions_page(c, req, res, e.what(), e.status());
      return;
    }
    if (filed["filed"].size() == 1) {
      res.set_redirect("/submissions/" + filed["filed"][0]["id"].get<std::string>(), 303);
    } else if (filed["filed"].empty() && !filed["duplicates"].empty()) {
      res.set_redirect("/submissions/" + filed["duplicates"][0]["already"].get<std::string>(), 303);
    } else {
      res.set_redirect("/submissions?unlinked=1", 303);
    }
  });
  get(c, server, "/submissions/([^/]+)", [&c](const httplib::Request& req, httplib::Response& res) {
    submission_page(c, req, res, req.matches[1], "", 200);
  });
  post(c, server, "/submissions/([^/]+)/links", [&c](const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches[1], action = param(req, "action"), note = param(req, "note");
    std::vector<std::string> ids = form_values(req, "ids");
    try {
      auto store = open_store(c);
      const std::string& user = caller().user;
      if (action == "remove") {
        if (ids.size() != 1) throw HttpError(400, "remove takes exactly one id");
        link_remove(store, id, ids.front(), note, user);
      } else {
        auto readers = c.index.lease();
        if (action == "accept")
          link_accept(*readers, store, id, number_param(req, "top", 3), note, user, ids);
        else if (action == "add")
          link_add(*readers, store, id, ids, note, user);
        else
          throw HttpError(400, "'action' must be accept, add or remove");
      }
    } catch (const HttpError& e) {
      submission_page(c, req, res, id, e.what(), e.status());
      return;
    }
    res.set_redirect("/submissions/" + encode(id) + "#links", 303);
  });
  get(c, server, "/report", [&c](const httplib::Request& req, httplib::Response& res) { report_page(c, req, res); });
  get(c, server, "/login", [&c](const httplib::Request& req, httplib::Response& res) { login_page(c, req, res, false); });
  post(c, server, "/login", [&c](const httplib::Request& req, httplib::Response& res) {
    std::string name = param(req, "name"), password = param(req, "password");
    if (name.empty() || !std::filesystem::exists(c.options.users_path) ||
        !UserStore(c.options.users_path).check_password(name, password)) {
      login_page(c, req, res, true);
      return;
    }
    // A new session id at login, so an id planted before it is worth nothing after.
    c.sessions.remove(caller().session.id);
    Session s = c.sessions.create(name);
    res.set_header("Set-Cookie", session_cookie(s.id, caller().secure));
    res.set_redirect(safe_back(param(req, "back")), 303);
  });
  post(c, server, "/logout", [&c](const httplib::Request&, httplib::Response& res) {
    c.sessions.remove(caller().session.id);
    res.set_header("Set-Cookie", session_cookie("", caller().secure));
    res.set_redirect("/login", 303);
  });
  get(c, server, "/ui", [](const httplib::Request& req, httplib::Response& res) {
    std::string ui = param(req, "lang") == "zh-Hant" ? "zh-Hant" : "en";
    res.set_header("Set-Cookie", "provisio_ui=" + ui + "; Path=/; SameSite=Strict; Max-Age=31536000");
    res.set_redirect(safe_back(param(req, "back")), 303);
  });
}

}  // namespace provisio::web
