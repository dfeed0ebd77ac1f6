// The people allowed to use `provisio serve`: names, Argon2id password hashes (libsodium) and one
// API token each. Kept in SQLite beside the submissions store (users_path()), in WAL mode with a
// busy timeout, every write one transaction. Only a hash of each token is stored: the token itself
// is shown once, when it is made.
//
// Not thread-safe: open one UserStore per thread or per request (SQLite locks across processes).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

struct sqlite3;

namespace provisio::web {

// Expected failures (a taken name, a bad name, an unreadable file), with a one-line message.
class UserError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "<store folder>/users.db": the users of the server that serves that store.
std::string users_path(const std::string& store_path);

class UserStore {
 public:
  // Opens (creating it and its folder if needed) the users file at `path`. Throws UserError.
  explicit UserStore(const std::string& path, int busy_timeout_ms = 10000);
  ~UserStore();
  UserStore(const UserStore&) = delete;
  UserStore& operator=(const UserStore&) = delete;

  // Adds a user and returns the API token made for them. REQUIRES: `password` is at least 8 bytes.
  // Throws UserError if the name is taken or is not 1-64 letters, digits, '.', '_', '-' or '@'.
  std::string add(const std::string& name, const std::string& password);
  // Replaces a user's API token and returns the new one. Throws UserError for an unknown name.
  std::string new_token(const std::string& name);
  // Whether `password` is the user's (false for an unknown name). Takes about 0.1 s on purpose.
  bool check_password(const std::string& name, const std::string& password);
  // The user an API token belongs to.
  std::optional<std::string> user_for_token(const std::string& token);
  std::size_t count();

 private:
  std::string set_token(const std::string& name);
  sqlite3* db_ = nullptr;
};

// A hash (BLAKE2b, as hex) of a long random secret (an API token, a session id): what is stored in
// its place. The secrets are random, so a fast unkeyed hash is enough: a stolen users file then
// reveals no usable token or session.
std::string secret_hash(const std::string& secret);

// Random bytes from libsodium as lower-case hex (2 * `bytes` characters).
std::string random_hex(std::size_t bytes);

}  // namespace provisio::web
