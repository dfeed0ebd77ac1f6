// What the server's route files share: the server-wide context, who is asking, and the helpers
// that turn handlers' failures into error responses. Internal to provisio_web.
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <string>

#include "api_objects.h"
#include "index_pool.h"
#include "server.h"
#include "sessions.h"
#include "store.h"
#include "view.h"

namespace provisio::web {

struct StaticFile {
  std::string content_type, bytes;
};

struct Context {
  explicit Context(ServeOptions o);
  ServeOptions options;
  IndexPool index;
  SessionTable sessions;  // in the users file: they outlive a restart
  Views views;
  std::map<std::string, StaticFile> static_files;  // by file name, loaded at start
  // Whether requests must be authenticated: users exist, or the address is not loopback.
  bool login_required() const;
};

// Who is asking, decided before routing (thread_local: a request is served by one thread).
struct Caller {
  std::string user;           // "" when not authenticated (only possible for /login, /static)
  Session session;            // the browser session (empty id for token clients)
  bool by_token = false;
  std::string ui = "en";      // interface language: "en" or "zh-Hant"
  bool secure = false;        // the request came through TLS (X-Forwarded-Proto: https)
  std::string target;         // the path and query asked for (for "back" links)
};
Caller& caller();

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

// Registers a GET or POST route whose handler runs inside error handling: HttpError, the store's
// and the search's expected errors become their status and one line (JSON under /api/, a page
// otherwise). POST routes check the CSRF token first.
void get(Context& c, httplib::Server& server, const std::string& pattern, Handler handler);
void post(Context& c, httplib::Server& server, const std::string& pattern, Handler handler);

// The Set-Cookie value of the session cookie: HttpOnly, SameSite=Strict, and Secure when the
// request came through TLS; `id` "" clears it.
std::string session_cookie(const std::string& id, bool secure);

// The store, opened for this request.
submissions::Store open_store(const Context& c);
// A query parameter, or `fallback`.
std::string param(const httplib::Request& req, const std::string& name, const std::string& fallback = "");
// A non-negative integer parameter; HttpError 400 when it is not one.
std::size_t number_param(const httplib::Request& req, const std::string& name, std::size_t fallback);

// The options of `provisio search` from a URL's parameters (q, lang, instrument, topic, as_of, ...).
SearchRequest search_request(const httplib::Request& req);

void add_api_routes(Context& c, httplib::Server& server);
void add_page_routes(Context& c, httplib::Server& server);

}  // namespace provisio::web
