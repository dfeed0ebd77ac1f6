#include "sessions.h"

#include "users.h"

namespace provisio::web {

Session SessionTable::create(const std::string& user) {
  Session s{random_hex(32), random_hex(32), user};
  std::lock_guard lock(mutex_);
  auto now = Clock::now();
  forget_idle(now);
  sessions_[s.id] = {s, now};
  return s;
}

std::optional<Session> SessionTable::find(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto now = Clock::now();
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.last_used > idle_limit_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second.session;
}

void SessionTable::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

void SessionTable::forget_idle(Clock::time_point now) {
  // Sweep at most once a minute: visitors who never log in leave sessions behind.
  if (now - last_sweep_ < std::chrono::minutes(1)) return;
  last_sweep_ = now;
  for (auto it = sessions_.begin(); it != sessions_.end();)
    it = now - it->second.last_used > idle_limit_ ? sessions_.erase(it) : std::next(it);
}

}  // namespace provisio::web
