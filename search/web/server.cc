#include "server.h"

#include <xapian.h>

#include <arpa/inet.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "api_objects.h"
#include "server_internal.h"
#include "users.h"

namespace provisio::web {

namespace {

constexpr const char* kSessionCookie = "provisio_session";
constexpr const char* kUiCookie = "provisio_ui";

// The policy every response carries: scripts, styles and images only from this server, no
// framing, forms only back to this server.
const httplib::Headers kSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "same-origin"},
    {"Cache-Control", "no-store"},
};

thread_local Caller tl_caller;
thread_local std::chrono::steady_clock::time_point tl_started;
thread_local bool tl_timed = false;

std::string cookie(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string pair = header.substr(pos, end - pos);
    pair.erase(0, pair.find_first_not_of(' '));
    if (pair.compare(0, name.size() + 1, name + "=") == 0) return pair.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

bool is_api(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0; }

std::string content_type_of(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  return "application/octet-stream";
}

std::string utc_stamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

void send_error(Context& c, const httplib::Request& req, httplib::Response& res, int status,
                const std::string& message) {
  res.status = status;
  if (is_api(req)) {
    // The message may quote the request's own bytes (`--script: \xFF not in …`): invalid UTF-8 is
    // shown as U+FFFD rather than making dump() throw, which turned a 400 into a 500.
    res.set_content(nlohmann::json{{"error", message}, {"status", status}}.dump(-1, ' ', false,
                                                                                 nlohmann::json::error_handler_t::replace) +
                        "\n",
                    "application/json");
    return;
  }
  ctemplate::TemplateDictionary dict("error");
  add_labels(dict, tl_caller.ui);
  dict.SetIntValue("STATUS", status);
  dict.SetValue("MESSAGE", message);
  if (!tl_caller.user.empty()) set_and_show(dict, "USER", tl_caller.user, "LOGGED_IN");
  dict.SetValue("CSRF", tl_caller.session.csrf);
  res.set_content(c.views.render("error", dict), "text/html; charset=utf-8");
}

// Runs a handler, turning the failures users can cause into their status and one line.
void guarded(Context& c, const Handler& handler, const httplib::Request& req, httplib::Response& res) {
  try {
    handler(req, res);
  } catch (const HttpError& e) {
    send_error(c, req, res, e.status(), e.what());
  } catch (const SearchError& e) {
    send_error(c, req, res, 400, e.what());
  } catch (const submissions::StoreError& e) {
    send_error(c, req, res, 409, e.what());
  } catch (const Xapian::Error& e) {
    send_error(c, req, res, 500, "index error: " + e.get_description());
  } catch (const std::exception& e) {
    send_error(c, req, res, 500, e.what());
  }
}

// Who is asking, and whether they may: runs before routing. Returns Handled with the refusal.
httplib::Server::HandlerResponse identify(Context& c, const httplib::Request& req, httplib::Response& res) {
  tl_started = std::chrono::steady_clock::now();
  tl_timed = true;
  tl_caller = Caller{};
  Caller& who = tl_caller;
  who.secure = req.get_header_value("X-Forwarded-Proto") == "https";
  who.target = req.target;
  std::string ui = req.has_param("ui") ? req.get_param_value("ui") : cookie(req, kUiCookie);
  who.ui = ui == "zh-Hant" ? "zh-Hant" : "en";

  if (req.method == "POST" && req.has_header("Origin")) {
    std::string origin = req.get_header_value("Origin"), host = req.get_header_value("Host");
    if (origin != "http://" + host && origin != "https://" + host) {
      send_error(c, req, res, 403, "cross-origin request refused (Origin " + origin + ")");
      return httplib::Server::HandlerResponse::Handled;
    }
  }
  bool login_required = c.login_required();
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    auto user = UserStore(c.options.users_path).user_for_token(auth.substr(7));
    if (!user) {
      send_error(c, req, res, 401, "unknown API token");
      return httplib::Server::HandlerResponse::Handled;
    }
    who.user = *user;
    who.by_token = true;
    return httplib::Server::HandlerResponse::Unhandled;
  }
  if (auto s = c.sessions.find(cookie(req, kSessionCookie))) who.session = *s;
  if (!who.session.id.empty() && !who.session.user.empty()) {
    who.user = who.session.user;
    return httplib::Server::HandlerResponse::Unhandled;
  }
  if (!login_required) {
    who.user = c.options.local_user;
  } else if (req.path.rfind("/static/", 0) != 0 && req.path != "/login") {
    if (is_api(req)) {
      send_error(c, req, res, 401, "log in first: send 'Authorization: Bearer TOKEN' (provisio user add prints one)");
    } else {
      std::string back = req.method == "GET" ? req.target : "/";
      res.set_redirect("/login?back=" + url_encode(back), 303);
    }
    return httplib::Server::HandlerResponse::Handled;
  }
  // Browsers get a session even before logging in: it carries the CSRF token of the forms.
  if (who.session.id.empty() && !is_api(req) && req.path.rfind("/static/", 0) != 0) {
    who.session = c.sessions.create("");  // a user only once logged in
    res.set_header("Set-Cookie", session_cookie(who.session.id, who.secure));
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

}  // namespace

Caller& caller() { return tl_caller; }

std::string session_cookie(const std::string& id, bool secure) {
  return std::string(kSessionCookie) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") +
         (id.empty() ? "; Max-Age=0" : "");
}

Context::Context(ServeOptions o)
    : options(std::move(o)), index(options.db_path), sessions(options.users_path),
      views(options.web_root + "/templates") {
  std::string dir = options.web_root + "/static";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec))
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      static_files[entry.path().filename().string()] = {content_type_of(entry.path()), bytes.str()};
    }
}

bool Context::login_required() const {
  if (!is_loopback(options.host)) return true;
  if (!std::filesystem::exists(options.users_path)) return false;
  return UserStore(options.users_path).count() > 0;
}

submissions::Store open_store(const Context& c) { return submissions::Store(c.options.store_path); }

std::string param(const httplib::Request& req, const std::string& name, const std::string& fallback) {
  return req.has_param(name) ? req.get_param_value(name) : fallback;
}

std::size_t number_param(const httplib::Request& req, const std::string& name, std::size_t fallback) {
  if (!req.has_param(name) || req.get_param_value(name).empty()) return fallback;
  const std::string value = req.get_param_value(name);
  if (value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos)
    throw HttpError(400, name + ": '" + value + "' is not a whole number");
  return std::stoul(value);
}

void get(Context& c, httplib::Server& server, const std::string& pattern, Handler handler) {
  server.Get(pattern, [&c, handler](const httplib::Request& req, httplib::Response& res) {
    guarded(c, handler, req, res);
  });
}

void post(Context& c, httplib::Server& server, const std::string& pattern, Handler handler) {
  server.Post(pattern, [&c, handler](const httplib::Request& req, httplib::Response& res) {
    const Caller& who = tl_caller;
    if (!who.by_token) {
      std::string sent = req.has_header("X-CSRF-Token") ? req.get_header_value("X-CSRF-Token") : param(req, "csrf");
      if (req.is_multipart_form_data() && req.has_file("csrf")) sent = req.get_file_value("csrf").content;
      if (who.session.id.empty() || sent.empty() || sent != who.session.csrf) {
        send_error(c, req, res, 403, "missing or wrong CSRF token: reload the page and try again");
        return;
      }
    }
    guarded(c, handler, req, res);
  });
}

bool is_loopback(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr a{};
  return inet_pton(AF_INET, host.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

struct WebServer::Impl {
  explicit Impl(ServeOptions o) : context(std::move(o)) {}
  Context context;
  httplib::Server server;
  int port = -1;
  std::mutex log_mutex;
};

WebServer::WebServer(ServeOptions options) {
  if (options.users_path.empty()) options.users_path = users_path(options.store_path);
  if (!std::filesystem::exists(options.db_path))
    throw std::runtime_error("no index at " + options.db_path + " (run 'provisio index --db " + options.db_path + "')");
  if (!is_loopback(options.host) &&
      (!std::filesystem::exists(options.users_path) || UserStore(options.users_path).count() == 0))
    throw std::runtime_error("listening on " + options.host +
                             " needs users: add one with 'provisio user add NAME' first (or listen on 127.0.0.1)");
  impl_ = std::make_unique<Impl>(std::move(options));
  Context& c = impl_->context;
  auto& server = impl_->server;
  std::size_t threads = std::max<std::size_t>(1, c.options.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(c.options.max_body_bytes);
  // Without TCP_NODELAY a keep-alive client waits for the delayed ACK after each response written
  // in two parts (headers, body): about 40 ms a request, whatever the search cost (bench/web_load.sh
  // measured p50 44 ms with one client on a 120-document index).
  server.set_tcp_nodelay(true);
  server.set_default_headers(kSecurityHeaders);
  server.set_pre_routing_handler([&c](const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() > c.options.max_query_bytes + 200 || param(req, "q").size() > c.options.max_query_bytes) {
      send_error(c, req, res, 414, "the query is too long (at most " + std::to_string(c.options.max_query_bytes) + " bytes)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return identify(c, req, res);
  });
  server.set_error_handler([&c](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 404   ? "no such page: " + req.path
                          : res.status == 413 ? "the request is too large (at most " +
                                                    std::to_string(c.options.max_body_bytes >> 20) + " MB)"
                                              : "the request could not be served (HTTP " + std::to_string(res.status) + ")";
    send_error(c, req, res, res.status, message);
  });
  Impl* impl = impl_.get();
  server.set_logger([impl](const httplib::Request& req, const httplib::Response& res) {
    const Context& c = impl->context;
    std::string ms = "-";
    if (tl_timed) {
      auto elapsed = std::chrono::steady_clock::now() - tl_started;
      ms = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count());
    }
    std::string user = tl_caller.user.empty() ? "-" : tl_caller.user;
    tl_timed = false;
    tl_caller = Caller{};
    if (c.options.quiet) return;
    std::ostream& log = c.options.log ? *c.options.log : std::cerr;
    std::lock_guard lock(impl->log_mutex);
    log << utc_stamp() << " " << req.method << " " << req.path << " " << res.status << " " << ms << "ms " << user
        << std::endl;
  });
  server.Get("/static/([A-Za-z0-9._-]+)", [&c](const httplib::Request& req, httplib::Response& res) {
    // Only the files loaded at start, by exact name: nothing outside the static folder is reachable.
    auto it = c.static_files.find(req.matches[1].str());
    if (it == c.static_files.end()) {
      send_error(c, req, res, 404, "no such file: " + req.path);
      return;
    }
    res.set_header("Cache-Control", "max-age=3600");
    res.set_content(it->second.bytes, it->second.content_type);
  });
  add_api_routes(c, server);
  add_page_routes(c, server);
}

WebServer::~WebServer() = default;

void WebServer::bind() {
  const auto& o = impl_->context.options;
  int port = o.port == 0 ? impl_->server.bind_to_any_port(o.host) : impl_->server.bind_to_port(o.host, o.port) ? o.port : -1;
  if (port < 0)
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (address in use or not valid here)");
  impl_->port = port;
}

int WebServer::port() const { return impl_->port; }

void WebServer::run() { impl_->server.listen_after_bind(); }

void WebServer::stop() { impl_->server.stop(); }

}  // namespace provisio::web
