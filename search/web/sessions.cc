#include "sessions.h"

#include <filesystem>
#include <stdexcept>

#include "users.h"

namespace provisio::web {

namespace {

// Renewing a session is a write; once a minute is enough for a limit counted in hours, and spares
// every request a transaction.
constexpr std::int64_t kRenewEverySeconds = 60;

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("sessions: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("sessions: ") + sqlite3_errmsg(db_));
  }
  std::string text(int column) {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? p : "";
  }
  std::int64_t integer(int column) { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

std::int64_t SessionTable::system_clock_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

SessionTable::SessionTable(const std::string& path, std::chrono::seconds idle_limit, Clock now)
    : idle_limit_(idle_limit), now_(std::move(now)) {
  auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    std::string message = path + ": cannot open the sessions table: " + sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw std::runtime_error(message);
  }
  sqlite3_busy_timeout(db_, 10000);
  char* error = nullptr;
  if (sqlite3_exec(db_,
                   "PRAGMA journal_mode=WAL;"
                   "CREATE TABLE IF NOT EXISTS sessions(id_hash TEXT PRIMARY KEY, csrf TEXT NOT NULL,"
                   " user TEXT NOT NULL, last_used INTEGER NOT NULL);",
                   nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = path + ": cannot keep sessions there: " + (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db_);
    throw std::runtime_error(message);
  }
}

SessionTable::~SessionTable() { sqlite3_close(db_); }

Session SessionTable::create(const std::string& user) {
  Session s{random_hex(32), random_hex(32), user};
  std::lock_guard lock(mutex_);
  std::int64_t now = now_();
  forget_idle(now);
  Statement insert(db_, "INSERT INTO sessions(id_hash, csrf, user, last_used) VALUES(?1, ?2, ?3, ?4)");
  insert.bind(1, secret_hash(s.id)).bind(2, s.csrf).bind(3, s.user).bind(4, now).step();
  return s;
}

std::optional<Session> SessionTable::find(const std::string& id) {
  if (id.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  std::int64_t now = now_();
  std::string hash = secret_hash(id);
  Statement select(db_, "SELECT csrf, user, last_used FROM sessions WHERE id_hash = ?1");
  if (!select.bind(1, hash).step()) return std::nullopt;
  Session s{id, select.text(0), select.text(1)};
  std::int64_t last_used = select.integer(2);
  if (now - last_used > idle_limit_.count()) {
    Statement(db_, "DELETE FROM sessions WHERE id_hash = ?1").bind(1, hash).step();
    return std::nullopt;
  }
  if (now - last_used >= kRenewEverySeconds)
    Statement(db_, "UPDATE sessions SET last_used = ?2 WHERE id_hash = ?1").bind(1, hash).bind(2, now).step();
  return s;
}

void SessionTable::remove(const std::string& id) {
  if (id.empty()) return;
  std::lock_guard lock(mutex_);
  Statement(db_, "DELETE FROM sessions WHERE id_hash = ?1").bind(1, secret_hash(id)).step();
}

void SessionTable::forget_idle(std::int64_t now) {
  // Sweep at most once a minute: visitors who never log in leave sessions behind.
  if (now - last_sweep_ < 60) return;
  last_sweep_ = now;
  Statement(db_, "DELETE FROM sessions WHERE last_used < ?1").bind(1, now - idle_limit_.count()).step();
}

}  // namespace provisio::web
