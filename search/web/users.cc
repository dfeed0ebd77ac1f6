#include "users.h"

#include <sodium.h>
#include <sqlite3.h>

#include <filesystem>
#include <regex>

namespace provisio::web {

namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw UserError("libsodium could not be initialised");
}

// A prepared statement, finalised at scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw UserError(std::string("users file: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw UserError(std::string("users file: ") + sqlite3_errmsg(db_));
  }
  std::string text(int column) {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? p : "";
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

std::string users_path(const std::string& store_path) {
  auto parent = std::filesystem::path(store_path).parent_path();
  return (parent.empty() ? std::filesystem::path("users.db") : parent / "users.db").string();
}

std::string secret_hash(const std::string& secret) {
  ensure_sodium();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string random_hex(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(2 * bytes + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  hex.pop_back();
  return hex;
}

UserStore::UserStore(const std::string& path, int busy_timeout_ms) {
  ensure_sodium();
  auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    std::string message = path + ": cannot open the users file: " + sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw UserError(message);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  char* error = nullptr;
  if (sqlite3_exec(db_,
                   "PRAGMA journal_mode=WAL;"
                   "CREATE TABLE IF NOT EXISTS users(name TEXT PRIMARY KEY, password_hash TEXT NOT NULL,"
                   " token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL DEFAULT"
                   " (strftime('%Y-%m-%dT%H:%M:%SZ','now')));",
                   nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = path + ": not a Provisio users file: " + (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db_);
    throw UserError(message);
  }
}

UserStore::~UserStore() { sqlite3_close(db_); }

std::string UserStore::add(const std::string& name, const std::string& password) {
  static const std::regex name_pattern("[A-Za-z0-9._@-]{1,64}");
  if (!std::regex_match(name, name_pattern))
    throw UserError("bad user name '" + name + "': use 1 to 64 letters, digits, '.', '_', '-' or '@'");
  if (password.size() < 8) throw UserError("the password is too short: use at least 8 characters");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw UserError("not enough memory to hash the password");
  std::string token = random_hex(24);
  Statement insert(db_, "INSERT OR IGNORE INTO users(name, password_hash, token_hash) VALUES(?1, ?2, ?3)");
  insert.bind(1, name).bind(2, hash).bind(3, secret_hash(token)).step();
  if (sqlite3_changes(db_) == 0) throw UserError("user '" + name + "' exists already");
  return token;
}

std::string UserStore::new_token(const std::string& name) {
  std::string token = random_hex(24);
  Statement update(db_, "UPDATE users SET token_hash = ?2 WHERE name = ?1");
  update.bind(1, name).bind(2, secret_hash(token)).step();
  if (sqlite3_changes(db_) == 0) throw UserError("unknown user '" + name + "'");
  return token;
}

bool UserStore::check_password(const std::string& name, const std::string& password) {
  Statement select(db_, "SELECT password_hash FROM users WHERE name = ?1");
  if (!select.bind(1, name).step()) {
    // Spend the same time as for a real user, so timing does not tell which names exist.
    unsigned char ignored[16];
    crypto_pwhash(ignored, sizeof ignored, password.data(), password.size(),
                  reinterpret_cast<const unsigned char*>("provisio-dummy-s"), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
    return false;
  }
  std::string hash = select.text(0);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> UserStore::user_for_token(const std::string& token) {
  if (token.empty()) return std::nullopt;
  Statement select(db_, "SELECT name FROM users WHERE token_hash = ?1");
  if (!select.bind(1, secret_hash(token)).step()) return std::nullopt;
  return select.text(0);
}

std::size_t UserStore::count() {
  Statement select(db_, "SELECT count(*) FROM users");
  select.step();
  return std::stoul(select.text(0));
}

}  // namespace provisio::web
