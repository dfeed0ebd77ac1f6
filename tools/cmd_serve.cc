// provisio serve: the web pages and the HTTP JSON API (search/web).
#include <csignal>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "commands.h"
#include "server.h"
#include "submission_support.h"
#include "users.h"

namespace provisio::cli {

namespace {

// The templates and static files: $PROVISIO_WEB, else the installed copy, else the source tree's.
std::string web_root() {
  if (const char* env = std::getenv("PROVISIO_WEB"); env && *env) return env;
  if (std::filesystem::is_directory(std::string(PROVISIO_INSTALLED_WEB) + "/templates")) return PROVISIO_INSTALLED_WEB;
  return PROVISIO_SOURCE_WEB;
}

// "HOST:PORT", "[::1]:PORT" or ":PORT" (loopback). False if it is none of these.
bool split_listen(const std::string& listen, std::string& host, int& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "127.0.0.1";
  std::string digits = listen.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos) return false;
  port = std::stoi(digits);
  return port <= 65535;
}

}  // namespace

Run add_serve_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("serve", "Serve the web pages and the HTTP JSON API");
  struct Args {
    std::string db, store, listen = "127.0.0.1:8080";
    std::size_t threads = 8, max_upload_mb = 20;
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  add_location_options(cmd, args->db, args->store);
  cmd->add_option("--listen", args->listen, "Address and port (default 127.0.0.1:8080; port 0 = any free one)");
  cmd->add_option("--threads", args->threads, "Requests served at once (default 8)")->check(CLI::Range(1, 256));
  cmd->add_option("--max-upload-mb", args->max_upload_mb, "Largest request body, uploads included (default 20)")
      ->check(CLI::Range(1, 1024));
  cmd->add_flag("--quiet", args->quiet, "No line per request on stderr");
  cmd->footer(
      "On a loopback address with no users, everyone acts as $USER. Once 'provisio user add' made a user,\n"
      "or on any other address (which needs users), pages need a login and the API a token.\n"
      "Stops on SIGTERM or Ctrl-C after answering the requests in flight.\n\n"
      "Examples:\n  provisio serve\n  provisio serve --listen 0.0.0.0:8080 --store /srv/provisio/submissions.db");
  return [args, &terminal] {
    web::ServeOptions o;
    if (!split_listen(args->listen, o.host, o.port)) {
      std::cerr << "provisio: bad --listen '" << args->listen << "': expected HOST:PORT, e.g. 127.0.0.1:8080\n";
      return 2;
    }
    std::string db;
    if (int rc = ready_index(args->db, terminal, db); rc) return rc;
    o.db_path = db;
    o.store_path = store_path(args->store);
    o.users_path = web::users_path(o.store_path);
    o.web_root = web_root();
    o.local_user = acting_user("");
    o.threads = args->threads;
    o.max_body_bytes = args->max_upload_mb << 20;
    o.quiet = args->quiet;
    // SIGTERM and SIGINT are taken by one thread that stops the server; blocked before any other
    // thread starts, so no worker is interrupted by them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    web::WebServer server(o);
    server.bind();
    std::cerr << "provisio: serving http://" << (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host)
              << ":" << server.port() << "/ (index " << o.db_path << ", store " << o.store_path << ")" << std::endl;
    std::thread waiter([&] {
      int signal = 0;
      sigwait(&stop_signals, &signal);
      if (signal == SIGTERM || signal == SIGINT) server.stop();
    });
    server.run();
    // run() returned: either a signal stopped it, or listening failed; wake the waiter either way.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::cerr << "provisio: stopped" << std::endl;
    return 0;
  };
}

}  // namespace provisio::cli
