// Browser sessions of `provisio serve`, kept in SQLite (a `sessions` table in the users file,
// users_path()) so that a restart of the server logs nobody out. Each session has a random id (the
// cookie), a CSRF token that every form and every cookie-authenticated API POST must echo, and the
// user once logged in ("" before). Only a hash of the id is stored: a copy of the file lets nobody
// take over a session. A session not used for `idle_limit` is gone.
//
// Thread-safe: one connection, every method under the table's lock. Several servers may share the
// file (SQLite WAL, busy timeout).
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace provisio::web {

struct Session {
  std::string id;    // the cookie value: 32 random bytes as hex
  std::string csrf;  // 32 random bytes as hex
  std::string user;  // "" until logged in
};

class SessionTable {
 public:
  // Seconds since the epoch; replaceable so that tests can move time on.
  using Clock = std::function<std::int64_t()>;
  static std::int64_t system_clock_seconds();

  // Opens (creating it and its folder if needed) the sessions table in the SQLite file at `path`.
  // Throws std::runtime_error with a one-line message naming the file if it cannot.
  explicit SessionTable(const std::string& path, std::chrono::seconds idle_limit = std::chrono::hours(12),
                        Clock now = system_clock_seconds);
  ~SessionTable();
  SessionTable(const SessionTable&) = delete;
  SessionTable& operator=(const SessionTable&) = delete;

  // A new session for `user` ("" for a visitor not logged in yet).
  Session create(const std::string& user);
  // The session with this id, if it exists and was used within the idle limit (which it renews).
  std::optional<Session> find(const std::string& id);
  void remove(const std::string& id);

 private:
  void forget_idle(std::int64_t now);  // REQUIRES: mutex_ held

  std::chrono::seconds idle_limit_;
  Clock now_;
  std::mutex mutex_;
  sqlite3* db_ = nullptr;
  std::int64_t last_sweep_ = 0;
};

}  // namespace provisio::web
