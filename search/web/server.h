// `provisio serve`: the web pages and the HTTP JSON API over one provisions index and one
// submissions store (routes in docs/http-api.md).
//
// - cpp-httplib's server with a pool of `threads` workers; requests share the index through an
//   IndexPool (reopened when `provisio index` commits) and open the store per request (SQLite WAL,
//   busy timeout, one transaction per write).
// - Who may do what: on a loopback address with no users, everyone is the local user. Once a user
//   exists (`provisio user add`), or on any other address, pages need a login (session cookie:
//   HttpOnly, SameSite=Strict, Secure behind TLS; sessions are kept in the users file, so a restart
//   logs nobody out) and the API a token (Authorization: Bearer).
//   Listening beyond loopback without users is refused.
// - Every POST must carry the session's CSRF token (form field `csrf` or header X-CSRF-Token)
//   unless it authenticates with a token; a POST from a foreign Origin is refused.
// - One line per request on the log stream: time, method, path, status, milliseconds, user.
//
// start()/port()/stop() may be called from other threads than run().
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

namespace provisio::web {

struct ServeOptions {
  std::string db_path;     // the provisions index (must exist)
  std::string store_path;  // the submissions store (created when first written)
  std::string users_path;  // the users file (users_path(store_path) by default)
  std::string host = "127.0.0.1";
  int port = 8080;         // 0 = any free port (see WebServer::port())
  std::string web_root;    // holds templates/ and static/
  std::string local_user = "local";  // who acts when no login is needed
  std::size_t threads = 8;
  std::size_t max_body_bytes = 20 << 20;  // the largest request body (uploads included)
  std::size_t max_query_bytes = 1000;     // the longest search query
  bool quiet = false;                     // no request log
  std::ostream* log = nullptr;            // where the request log goes (std::cerr if null)
};

class WebServer {
 public:
  // Checks the options (index present, templates parse, users exist when not on loopback) and
  // throws std::runtime_error with a one-line message if they do not hold.
  explicit WebServer(ServeOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds the socket; throws std::runtime_error if the address is taken or invalid.
  void bind();
  // The port bound (useful with port 0). REQUIRES: bind() was called.
  int port() const;
  // Serves until stop(). Requests in flight when stop() is called are finished first.
  void run();
  // Stops accepting; run() returns once the requests in flight are answered.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

}  // namespace provisio::web
