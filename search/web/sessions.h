// Browser sessions of `provisio serve`, kept in memory (a restart logs everyone out, which is the
// safe failure). Each session has a random id (the cookie), a CSRF token that every form and every
// cookie-authenticated API POST must echo, and the user once logged in ("" before).
//
// Thread-safe: every method takes the table's lock.
#pragma once

#include <chrono>
#include <map>
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
  explicit SessionTable(std::chrono::seconds idle_limit = std::chrono::hours(12)) : idle_limit_(idle_limit) {}

  // A new session for `user` ("" for a visitor not logged in yet).
  Session create(const std::string& user);
  // The session with this id, if it exists and was used within the idle limit (which it renews).
  std::optional<Session> find(const std::string& id);
  void remove(const std::string& id);

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    Session session;
    Clock::time_point last_used;
  };
  void forget_idle(Clock::time_point now);  // REQUIRES: mutex_ held

  std::chrono::seconds idle_limit_;
  std::mutex mutex_;
  std::map<std::string, Entry> sessions_;
  Clock::time_point last_sweep_ = Clock::now();
};

}  // namespace provisio::web
