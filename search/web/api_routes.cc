// The JSON API (docs/http-api.md): each route answers with the object the CLI's --json prints for
// the same request (api_objects.h).
#include "api_objects.h"
#include "server_internal.h"
#include "report_workbook.h"
#include "submission_output.h"

namespace provisio::web {

namespace {

using nlohmann::json;

void send_json(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump() + "\n", "application/json");
}

std::vector<std::string> all_values(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> out;
  // An empty value is a form's "any", not a filter.
  for (std::size_t i = 0; i < req.get_param_value_count(name); ++i)
    if (!req.get_param_value(name, i).empty()) out.push_back(req.get_param_value(name, i));
  return out;
}

bool flag(const httplib::Request& req, const std::string& name) {
  std::string v = param(req, name);
  return v == "1" || v == "true" || v == "on";
}

// A POST /api/links body: JSON, or form fields (ids repeated).
json body_of(const httplib::Request& req) {
  if (req.get_header_value("Content-Type").rfind("application/json", 0) == 0) {
    json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) throw HttpError(400, "the body is not a JSON object");
    return body;
  }
  json body = json::object();
  for (const auto& [key, value] : req.params) {
    if (key == "ids")
      body["ids"].push_back(value);
    else
      body[key] = value;
  }
  return body;
}

std::string text_field(const json& body, const std::string& name) {
  if (!body.contains(name)) return "";
  if (!body[name].is_string()) throw HttpError(400, "'" + name + "' must be a string");
  return body[name].get<std::string>();
}

}  // namespace

SearchRequest search_request(const httplib::Request& req) {
  SearchRequest r;
  r.query = param(req, "q");
  r.lang = param(req, "lang");
  r.as_of = param(req, "as_of");
  r.script = param(req, "script", "as-written");
  r.instruments = all_values(req, "instrument");
  r.topics = all_values(req, "topic");
  r.limit = number_param(req, "limit", 10);
  r.offset = number_param(req, "offset", 0);
  r.all_versions = flag(req, "all_versions");
  r.facets = flag(req, "facets");
  r.parallel = flag(req, "parallel");
  return r;
}

void add_api_routes(Context& c, httplib::Server& server) {
  get(c, server, "/api/search", [&c](const httplib::Request& req, httplib::Response& res) {
    auto readers = c.index.lease();
    send_json(res, search(*readers, search_request(req)));
  });
  get(c, server, "/api/provisions/(.+)/diff", [&c](const httplib::Request& req, httplib::Response& res) {
    auto readers = c.index.lease();
    send_json(res, diff(*readers, req.matches[1], param(req, "from"), param(req, "to"), param(req, "lang", "en")));
  });
  get(c, server, "/api/provisions/(.+)/history", [&c](const httplib::Request& req, httplib::Response& res) {
    auto readers = c.index.lease();
    send_json(res, history(*readers, req.matches[1], param(req, "lang", "en")));
  });
  get(c, server, "/api/provisions/(.+)", [&c](const httplib::Request& req, httplib::Response& res) {
    auto readers = c.index.lease();
    send_json(res, provision(*readers, req.matches[1], param(req, "lang", "all"), param(req, "as_of"),
                                   param(req, "script", "as-written")));
  });
  get(c, server, "/api/submissions", [&c](const httplib::Request&, httplib::Response& res) {
    auto store = open_store(c);
    send_json(res, submission_list(store));
  });
  post(c, server, "/api/submissions", [&c](const httplib::Request& req, httplib::Response& res) {
    std::vector<Upload> files;
    auto range = req.files.equal_range("file");
    for (auto it = range.first; it != range.second; ++it) files.push_back({it->second.filename, it->second.content});
    auto field = [&](const char* name) { return req.has_file(name) ? req.get_file_value(name).content : param(req, name); };
    auto store = open_store(c);
    send_json(res, submission_add(store, files, field("from"), field("received"), caller().user), 201);
  });
  get(c, server, "/api/submissions/([^/]+)/suggestions", [&c](const httplib::Request& req, httplib::Response& res) {
    auto store = open_store(c);
    auto readers = c.index.lease();
    send_json(res, link_suggest(*readers, store, req.matches[1], number_param(req, "limit", 5)));
  });
  get(c, server, "/api/submissions/([^/]+)", [&c](const httplib::Request& req, httplib::Response& res) {
    auto store = open_store(c);
    send_json(res, submission_show(store, req.matches[1]));
  });
  get(c, server, "/api/links", [&c](const httplib::Request& req, httplib::Response& res) {
    submissions::LinkFilter filter;
    filter.submission = param(req, "submission");
    filter.target = !param(req, "provision").empty() ? param(req, "provision") : param(req, "question");
    filter.kind = !param(req, "question").empty() ? "question" : "";
    filter.include_removed = flag(req, "history");
    auto store = open_store(c);
    send_json(res, link_list(store, filter));
  });
  post(c, server, "/api/links", [&c](const httplib::Request& req, httplib::Response& res) {
    json body = body_of(req);
    std::string action = text_field(body, "action"), submission = text_field(body, "submission"),
                note = text_field(body, "note");
    if (submission.empty()) throw HttpError(400, "'submission' is required");
    std::vector<std::string> ids;
    if (body.contains("ids")) {
      if (!body["ids"].is_array()) throw HttpError(400, "'ids' must be a list of provision ids");
      for (const auto& id : body["ids"]) {
        if (!id.is_string()) throw HttpError(400, "'ids' must be a list of provision ids");
        ids.push_back(id.get<std::string>());
      }
    }
    auto store = open_store(c);
    const std::string& user = caller().user;
    if (action == "remove") {
      if (ids.size() != 1) throw HttpError(400, "remove takes exactly one id in 'ids'");
      send_json(res, link_remove(store, submission, ids.front(), note, user));
      return;
    }
    auto readers = c.index.lease();
    bool only_this = body.contains("only_this") &&
                     (body["only_this"] == true || body["only_this"] == "1" || body["only_this"] == "true");
    if (action == "accept") {
      std::size_t top = 3;
      if (body.contains("top")) {
        if (body["top"].is_number_unsigned()) top = body["top"].get<std::size_t>();
        else if (body["top"].is_string()) top = std::stoul("0" + body["top"].get<std::string>());
        else throw HttpError(400, "'top' must be a number");
      }
      send_json(res, link_accept(*readers, store, submission, top, note, user, ids, only_this));
    } else if (action == "add") {
      send_json(res, link_add(*readers, store, submission, ids, note, user, only_this));
    } else {
      throw HttpError(400, "'action' must be accept, add or remove");
    }
  });
  get(c, server, "/api/report", [&c](const httplib::Request& req, httplib::Response& res) {
    std::string format = param(req, "format", "json");
    if (format != "json" && format != "csv" && format != "md" && format != "table" && format != "xlsx")
      throw HttpError(400, "--format: " + format + " not in {table,csv,json,md,xlsx}");
    auto store = open_store(c);
    auto readers = c.index.lease();
    std::string lang = param(req, "lang", "en");
    if (format == "xlsx") {
      // The CLI's workbook: a sheet per grouping and one of the links.
      std::vector<submissions::Report> reports;
      for (const char* by : {"provision", "question", "topic", "link"}) reports.push_back(report(*readers, store, by, lang));
      res.set_header("Content-Disposition", "attachment; filename=\"provisio-report.xlsx\"");
      res.set_content(output::report_workbook_bytes(reports),
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      return;
    }
    auto data = report(*readers, store, param(req, "by", "provision"), lang);
    std::string text = output::format_report(data, format);
    const char* type = format == "json" ? "application/json"
                       : format == "csv" ? "text/csv; charset=utf-8"
                       : format == "md"  ? "text/markdown; charset=utf-8"
                                         : "text/plain; charset=utf-8";
    if (format != "json")
      res.set_header("Content-Disposition", "attachment; filename=\"provisio-report-" + data.by + "." +
                                                (format == "table" ? "txt" : format) + "\"");
    res.set_content(text, type);
  });
  // Anything else under /api/ is a JSON 404, not a page.
  get(c, server, "/api/.*", [](const httplib::Request& req, httplib::Response&) {
    throw HttpError(404, "no such API route: " + req.path);
  });
}

}  // namespace provisio::web
