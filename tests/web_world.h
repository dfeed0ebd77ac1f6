// A small world for the web tests: the bundled corpus indexed once per test program, and a
// `provisio serve` server (in this process, on an ephemeral loopback port) over it with a fresh
// store, plus an HTTP client that keeps the session cookie like a browser.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <thread>

#include "server.h"
#include "test_support.h"

namespace provisio::testing {

// The bundled corpus's index, built on first use and kept for the program's life.
inline const std::string& bundled_index() {
  static TempDir dir;
  static std::string path = [] {
    std::string db = dir / "index";
    auto r = run_provisio("index --db '" + db + "' '" PROVISIO_SOURCE_CORPUS "'");
    if (r.status != 0) throw std::runtime_error("indexing the bundled corpus failed: " + r.err);
    return db;
  }();
  return path;
}

class WebWorld {
 public:
  explicit WebWorld(std::string db = bundled_index(), std::string host = "127.0.0.1") {
    web::ServeOptions o;
    o.db_path = std::move(db);
    o.store_path = dir / "data/submissions.db";
    o.users_path = dir / "data/users.db";
    o.host = std::move(host);
    o.port = 0;
    o.web_root = PROVISIO_SOURCE_DIR "/search/web";
    o.local_user = "tester";
    o.threads = 4;
    o.max_body_bytes = 1 << 20;
    o.log = &log;
    options = o;
    start();
  }
  ~WebWorld() { stop(); }
  // Stops the server and waits for it: the request log is complete after this (a line is written
  // after its response is sent).
  void stop() {
    if (!thread.joinable()) return;
    server->stop();
    thread.join();
  }

  // A new server process in all but name: the same options (index, store, users file), a new
  // port, nothing kept in memory from the old one.
  void restart() {
    stop();
    server.reset();
    start();
  }

  httplib::Client client() const { return httplib::Client("127.0.0.1", server->port()); }

  TempDir dir;
  std::ostringstream log;
  web::ServeOptions options;
  std::unique_ptr<web::WebServer> server;
  std::thread thread;

 private:
  void start() {
    server = std::make_unique<web::WebServer>(options);
    server->bind();
    thread = std::thread([this] { server->run(); });
  }
};

// A browser-like client: keeps the session cookie and finds the CSRF token in pages.
class Browser {
 public:
  explicit Browser(const WebWorld& world) : http_(world.client()) {}

  httplib::Result get(const std::string& path) {
    auto r = http_.Get(path.c_str(), headers());
    remember(r);
    return r;
  }
  httplib::Result post_form(const std::string& path, httplib::Params params, bool with_csrf = true) {
    if (with_csrf) params.emplace("csrf", csrf());
    auto r = http_.Post(path.c_str(), headers(), params);
    remember(r);
    return r;
  }
  httplib::Result post_files(const std::string& path, httplib::MultipartFormDataItems items, bool with_csrf = true) {
    if (with_csrf) items.push_back({"csrf", csrf(), "", ""});
    auto r = http_.Post(path.c_str(), headers(), items);
    remember(r);
    return r;
  }
  // The CSRF token of this session, from a page's hidden field (a page is fetched if needed).
  std::string csrf() {
    if (csrf_.empty()) get("/submissions");
    return csrf_;
  }
  const std::string& cookie() const { return cookie_; }

 private:
  httplib::Headers headers() const {
    httplib::Headers h;
    if (!cookie_.empty()) h.emplace("Cookie", cookie_);
    return h;
  }
  void remember(const httplib::Result& r) {
    if (!r) return;
    std::string set = r->get_header_value("Set-Cookie");
    if (set.rfind("provisio_session=", 0) == 0) cookie_ = set.substr(0, set.find(';'));
    auto at = r->body.find("name=\"csrf\" value=\"");
    if (at != std::string::npos) {
      at += 19;
      csrf_ = r->body.substr(at, r->body.find('"', at) - at);
    }
  }
  httplib::Client http_;
  std::string cookie_, csrf_;
};

}  // namespace provisio::testing
