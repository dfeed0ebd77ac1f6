#include "store.h"

#include <sqlite3.h>

#include <ctime>
#include <filesystem>
#include <limits>
#include <random>

namespace provisio::submissions {

namespace {

// A prepared statement, finalised at scope exit. Parameters are bound by 1-based position.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("store error: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& text) {
    return check(sqlite3_bind_text(stmt_, i, text.data(), length(text), SQLITE_TRANSIENT), text.size());
  }
  // "" binds NULL: optional text columns.
  Statement& bind_or_null(int i, const std::string& text) {
    if (text.empty()) return check(sqlite3_bind_null(stmt_, i), 0);
    return bind(i, text);
  }
  Statement& bind_int(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind_blob(int i, const std::string& bytes) {
    return check(sqlite3_bind_blob(stmt_, i, bytes.data(), length(bytes), SQLITE_TRANSIENT), bytes.size());
  }
  Statement& bind(int i, std::optional<double> v) {
    return check(v ? sqlite3_bind_double(stmt_, i, *v) : sqlite3_bind_null(stmt_, i), 0);
  }
  Statement& bind_int(int i, std::optional<std::int64_t> v) {
    if (v) sqlite3_bind_int64(stmt_, i, *v);
    else sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // True while there is a row.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(std::string("store error: ") + sqlite3_errmsg(db_));
  }
  std::string text(int col) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::string blob(int col) const {
    auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }

 private:
  // A bind that fails (a value past SQLite's length limit, or out of memory) would otherwise leave
  // the parameter NULL and surface later as a misleading constraint error, or store nothing.
  Statement& check(int rc, std::size_t bytes) {
    if (rc == SQLITE_OK) return *this;
    if (rc == SQLITE_TOOBIG) throw too_large(bytes);
    throw StoreError(std::string("store error: ") + sqlite3_errstr(rc));
  }
  // SQLite takes lengths as int: a longer text would wrap to a negative length.
  int length(const std::string& bytes) {
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) throw too_large(bytes.size());
    return static_cast<int>(bytes.size());
  }
  StoreError too_large(std::size_t bytes) {
    return StoreError("store error: a text of " + std::to_string(bytes) + " bytes is too large to store (at most " +
                      std::to_string(sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, -1)) + " bytes)");
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE … COMMIT; rolled back if the scope is left without commit().
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { run("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    run("COMMIT");
    done_ = true;
  }

 private:
  void run(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string message = err ? err : "unknown error";
      sqlite3_free(err);
      if (message.find("locked") != std::string::npos || message.find("busy") != std::string::npos)
        throw StoreError("the submissions store is busy (another provisio is writing to it); try again");
      throw StoreError("store error: " + message);
    }
  }
  sqlite3* db_;
  bool done_ = false;
};

// Schema steps: kMigrations[i] takes a store from version i to version i + 1.
// Never edit a step once released: add a new one and bump Store::kSchemaVersion.
const char* const kMigrations[] = {
    // 0 -> 1: submissions and links, with link history.
    R"sql(
      CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE submissions(
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        sender TEXT,
        received TEXT,
        lang TEXT NOT NULL,
        text TEXT NOT NULL,
        original BLOB NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL);
      CREATE TABLE links(
        row INTEGER PRIMARY KEY,
        submission_id TEXT NOT NULL REFERENCES submissions(id),
        target TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('provision', 'question')),
        how TEXT NOT NULL CHECK (how IN ('suggested', 'manual')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        note TEXT,
        removed_by TEXT,
        removed_at TEXT);
      CREATE UNIQUE INDEX links_active ON links(submission_id, target) WHERE removed_at IS NULL;
      CREATE INDEX links_target ON links(target);
    )sql",
    // 1 -> 2: email subject and source charset on submissions; suggestion score and a note on
    // removal on links; the revision counter that tells the derived search index it is stale.
    R"sql(
      ALTER TABLE submissions ADD COLUMN subject TEXT;
      ALTER TABLE submissions ADD COLUMN charset TEXT;
      ALTER TABLE links ADD COLUMN score REAL;
      ALTER TABLE links ADD COLUMN removal_note TEXT;
      INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', '0');
    )sql",
    // 2 -> 3: whether a submission's text is OCR output (scans), and how sure the OCR was.
    R"sql(
      ALTER TABLE submissions ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE submissions ADD COLUMN ocr_confidence INTEGER;
    )sql",
    // 3 -> 4: submissions are removed, never deleted (who, when, why), and changes to a submission's
    // sender, date and subject after filing are kept, field by field.
    R"sql(
      ALTER TABLE submissions ADD COLUMN removed_by TEXT;
      ALTER TABLE submissions ADD COLUMN removed_at TEXT;
      ALTER TABLE submissions ADD COLUMN removal_note TEXT;
      CREATE TABLE submission_edits(
        row INTEGER PRIMARY KEY,
        submission_id TEXT NOT NULL REFERENCES submissions(id),
        field TEXT NOT NULL CHECK (field IN ('sender', 'received', 'subject')),
        old_value TEXT,
        new_value TEXT,
        edited_by TEXT NOT NULL,
        edited_at TEXT NOT NULL,
        note TEXT);
      CREATE INDEX submission_edits_submission ON submission_edits(submission_id);
    )sql",
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion);

std::string random_hex(std::size_t bytes) {
  std::random_device rd;
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    unsigned v = rd() & 0xff;
    out += digits[v >> 4];
    out += digits[v & 15];
  }
  return out;
}

const char* kSubmissionColumns =
    "id, sha256, file_name, format, coalesce(charset, ''), coalesce(sender, ''), "
    "coalesce(received, ''), coalesce(subject, ''), lang, added_at, added_by, ocr_pages, "
    "coalesce(ocr_confidence, 0), coalesce(removed_by, ''), coalesce(removed_at, ''), coalesce(removal_note, '')";
// Columns of kSubmissionColumns: the next one selected is at this index.
constexpr int kAfterSubmissionColumns = 16;

Submission read_submission_row(const Statement& s) {
  Submission r;
  r.id = s.text(0);
  r.sha256 = s.text(1);
  r.file_name = s.text(2);
  r.format = s.text(3);
  r.charset = s.text(4);
  r.sender = s.text(5);
  r.received = s.text(6);
  r.subject = s.text(7);
  r.lang = s.text(8);
  r.added_at = s.text(9);
  r.added_by = s.text(10);
  r.ocr_pages = static_cast<int>(s.integer(11));
  r.ocr_confidence = static_cast<int>(s.integer(12));
  r.removed_by = s.text(13);
  r.removed_at = s.text(14);
  r.removal_note = s.text(15);
  return r;
}

// `path` as an SQLite URI ("file:…"), so that query parameters can follow it.
std::string file_uri(const std::string& path) {
  std::string out = "file:";
  for (unsigned char c : path) {
    if (c == '?' || c == '#' || c == '%' || c < 0x20) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

Store::Store(const std::string& path, int busy_timeout_ms) : Store(path, Access::kReadWrite, busy_timeout_ms) {}

Store::Store(const std::string& path, Access access, int busy_timeout_ms) : path_(path) {
  std::error_code ec;
  if (access == Access::kReadOnly) {
    // Never create: a mistyped --store on a command that only reads used to leave a new, empty
    // store behind and list nothing, as if the real one were empty.
    if (std::filesystem::is_directory(path, ec))
      throw StoreError("cannot open the submissions store " + path + ": it is a folder, not a file");
    if (!std::filesystem::exists(path, ec))
      throw StoreError("no submissions store at " + path +
                       " (check --store; `provisio submission add` creates one)");
  } else {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  try {
    if (access == Access::kReadWrite) {
      open_uri(file_uri(path), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, busy_timeout_ms);
      // Fails with "file is not a database" on anything that is not SQLite.
      {
        Statement mode(db_, "PRAGMA journal_mode=WAL");
        mode.step();
      }
      exec("PRAGMA synchronous=FULL");
      exec("PRAGMA foreign_keys=ON");
      migrate();
      return;
    }
    open_uri(file_uri(path), SQLITE_OPEN_READONLY, busy_timeout_ms);
    int version = 0;
    try {
      version = schema_version();
    } catch (const StoreError&) {
      // A WAL store in a folder we may not write to: a read-only connection cannot create the
      // shared-memory file it needs. Nobody can be writing there, so read the file as it is.
      if (sqlite3_errcode(db_) != SQLITE_CANTOPEN) throw;
      open_uri(file_uri(path) + "?immutable=1", SQLITE_OPEN_READONLY, busy_timeout_ms);
      version = schema_version();
    }
    if (version > kSchemaVersion) {
      migrate();  // throws "newer than this provisio" before writing anything
    } else if (version == 0) {
      throw StoreError("it is not a Provisio store");
    } else if (version < kSchemaVersion) {
      // An older store: its format is brought up to date as by any other command, then read.
      sqlite3_close(db_);
      db_ = nullptr;
      { Store upgrade(path, Access::kReadWrite, busy_timeout_ms); }
      open_uri(file_uri(path), SQLITE_OPEN_READONLY, busy_timeout_ms);
    }
  } catch (const StoreError& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    std::string what = e.what();
    if (what.rfind("cannot open the submissions store ", 0) == 0) throw;
    if (what.rfind("store error: ", 0) == 0) what = what.substr(13);
    throw StoreError("cannot open the submissions store " + path + ": " + what);
  }
}

void Store::open_uri(const std::string& uri, int flags, int busy_timeout_ms) {
  if (db_) sqlite3_close(db_);
  db_ = nullptr;
  if (sqlite3_open_v2(uri.c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    throw StoreError("store error: " + message);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

Store::~Store() { sqlite3_close(db_); }

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    throw StoreError("store error: " + message);
  }
}

int Store::schema_version() {
  Statement s(db_, "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

void Store::migrate() {
  int version = schema_version();
  if (version > kSchemaVersion)
    throw StoreError("it has schema version " + std::to_string(version) + ", newer than this provisio (" +
                     std::to_string(kSchemaVersion) + "); use a newer provisio");
  if (version == 0) {
    // A file with tables but no version is someone else's database: leave it alone.
    Statement tables(db_, "SELECT count(*) FROM sqlite_master");
    tables.step();
    if (tables.integer(0) != 0) throw StoreError("it is an SQLite database, but not a Provisio store");
  }
  while (version < kSchemaVersion) {
    Transaction t(db_);
    // Re-read inside the write lock: another process may have migrated meanwhile.
    version = schema_version();
    if (version >= kSchemaVersion) break;
    exec(kMigrations[version]);
    if (version == 0) {
      Statement id(db_, "INSERT INTO meta(key, value) VALUES ('store_id', ?)");
      id.bind(1, random_hex(16)).step();
    }
    ++version;
    exec(("PRAGMA user_version=" + std::to_string(version)).c_str());
    t.commit();
  }
}

std::string Store::store_id() {
  Statement s(db_, "SELECT value FROM meta WHERE key = 'store_id'");
  return s.step() ? s.text(0) : std::string();
}

std::int64_t Store::revision() {
  Statement s(db_, "SELECT value FROM meta WHERE key = 'revision'");
  return s.step() ? std::stoll(s.text(0)) : 0;
}

std::optional<std::string> Store::find_by_hash(const std::string& sha256) {
  Statement s(db_, "SELECT id FROM submissions WHERE sha256 = ?");
  s.bind(1, sha256);
  if (s.step()) return s.text(0);
  return std::nullopt;
}

bool Store::has_submission(const std::string& id) {
  Statement s(db_, "SELECT 1 FROM submissions WHERE id = ?");
  s.bind(1, id);
  return s.step();
}

std::string Store::next_id() {
  // The highest sub-NNNN so far, plus one (ids chosen by users do not take part).
  Statement s(db_,
              "SELECT coalesce(max(CAST(substr(id, 5) AS INTEGER)), 0) FROM submissions "
              "WHERE id GLOB 'sub-[0-9]*' AND substr(id, 5) NOT GLOB '*[^0-9]*'");
  s.step();
  char buf[32];
  std::snprintf(buf, sizeof buf, "sub-%04lld", static_cast<long long>(s.integer(0) + 1));
  return buf;
}

std::vector<std::string> Store::add_submissions(std::vector<Submission> batch,
                                                const std::function<void(std::size_t)>& after_each) {
  Transaction t(db_);
  std::vector<std::string> ids;
  std::string now = utc_now();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    Submission& s = batch[i];
    if (auto existing = find_by_hash(s.sha256))
      throw StoreError(s.file_name + ": already filed as " + *existing);
    if (s.id.empty()) s.id = next_id();
    else if (has_submission(s.id))
      throw StoreError("a submission with id '" + s.id + "' already exists");
    Statement insert(db_,
                     "INSERT INTO submissions(id, sha256, file_name, format, charset, sender, received, "
                     "subject, lang, text, original, added_at, added_by, ocr_pages, ocr_confidence) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, s.id).bind(2, s.sha256).bind(3, s.file_name).bind(4, s.format);
    insert.bind_or_null(5, s.charset).bind_or_null(6, s.sender).bind_or_null(7, s.received);
    insert.bind_or_null(8, s.subject).bind(9, s.lang).bind(10, s.text).bind_blob(11, s.original);
    insert.bind(12, s.added_at.empty() ? now : s.added_at).bind(13, s.added_by);
    insert.bind_int(14, s.ocr_pages);
    insert.bind_int(15, s.ocr_pages > 0 ? std::optional<std::int64_t>(s.ocr_confidence) : std::nullopt);
    insert.step();
    ids.push_back(s.id);
    if (after_each) after_each(i);
  }
  exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'");
  t.commit();
  return ids;
}

std::optional<Submission> Store::submission(const std::string& id, bool with_original) {
  std::string sql = std::string("SELECT ") + kSubmissionColumns + ", text" +
                    (with_original ? ", original" : "") + " FROM submissions WHERE id = ?";
  Statement s(db_, sql.c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  Submission r = read_submission_row(s);
  r.text = s.text(kAfterSubmissionColumns);
  if (with_original) r.original = s.blob(kAfterSubmissionColumns + 1);
  return r;
}

std::vector<Submission> Store::submissions(bool with_text, bool include_removed) {
  SubmissionFilter filter;
  filter.include_removed = include_removed;
  return submissions(filter, with_text);
}

std::vector<Submission> Store::submissions(const SubmissionFilter& f, bool with_text) {
  // A NULL `received` compares as NULL, so a submission of unknown date drops out of a date range.
  std::string sql = std::string("SELECT ") + kSubmissionColumns + (with_text ? ", text" : "") +
                    " FROM submissions s WHERE (?1 = '' OR lang = ?1) AND (?2 = '' OR received >= ?2) "
                    "AND (?3 = '' OR received <= ?3) "
                    "AND (?4 = 0 OR NOT EXISTS (SELECT 1 FROM links l WHERE l.submission_id = s.id AND "
                    "l.removed_at IS NULL)) AND (?5 = 1 OR removed_at IS NULL) ORDER BY seq";
  Statement s(db_, sql.c_str());
  s.bind(1, f.lang).bind(2, f.since).bind(3, f.until);
  s.bind_int(4, f.unlinked).bind_int(5, f.include_removed);
  std::vector<Submission> out;
  while (s.step()) {
    out.push_back(read_submission_row(s));
    if (with_text) out.back().text = s.text(kAfterSubmissionColumns);
  }
  return out;
}

bool Store::remove_submission(const std::string& id, const std::string& by, const std::string& note) {
  Transaction t(db_);
  Statement find(db_, "SELECT removed_at IS NOT NULL FROM submissions WHERE id = ?");
  find.bind(1, id);
  if (!find.step()) throw StoreError("unknown submission '" + id + "'");
  if (find.integer(0)) return false;
  std::string now = utc_now();
  Statement update(db_, "UPDATE submissions SET removed_by = ?, removed_at = ?, removal_note = ? WHERE id = ?");
  update.bind(1, by).bind(2, now).bind_or_null(3, note).bind(4, id).step();
  // Its links end with it, saying why, so that the link history reads on its own.
  std::string link_note = "submission removed" + (note.empty() ? std::string() : ": " + note);
  Statement links(db_,
                  "UPDATE links SET removed_by = ?, removed_at = ?, removal_note = ? "
                  "WHERE submission_id = ? AND removed_at IS NULL");
  links.bind(1, by).bind(2, now).bind(3, link_note).bind(4, id).step();
  exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'");
  t.commit();
  return true;
}

std::size_t Store::edit_submission(const std::string& id, const SubmissionChanges& changes, const std::string& by,
                                   const std::string& note) {
  Transaction t(db_);
  auto current = submission(id);
  if (!current) throw StoreError("unknown submission '" + id + "'");
  if (current->removed())
    throw StoreError(id + " was removed (by " + current->removed_by + " at " + current->removed_at +
                     "); a removed submission is not edited");
  std::string now = utc_now();
  std::size_t changed = 0;
  auto apply = [&](const char* field, const std::optional<std::string>& value, const std::string& old) {
    if (!value || *value == old) return;
    std::string sql = std::string("UPDATE submissions SET ") + field + " = ? WHERE id = ?";
    Statement update(db_, sql.c_str());
    update.bind_or_null(1, *value).bind(2, id).step();
    Statement record(db_,
                     "INSERT INTO submission_edits(submission_id, field, old_value, new_value, edited_by, "
                     "edited_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
    record.bind(1, id).bind(2, std::string(field)).bind_or_null(3, old).bind_or_null(4, *value);
    record.bind(5, by).bind(6, now).bind_or_null(7, note).step();
    ++changed;
  };
  apply("sender", changes.sender, current->sender);
  apply("received", changes.received, current->received);
  apply("subject", changes.subject, current->subject);
  if (changed) exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'");
  t.commit();
  return changed;
}

std::vector<SubmissionEdit> Store::edits(const std::string& id) {
  Statement s(db_,
              "SELECT submission_id, field, coalesce(old_value, ''), coalesce(new_value, ''), edited_by, edited_at, "
              "coalesce(note, '') FROM submission_edits WHERE submission_id = ? ORDER BY row");
  s.bind(1, id);
  std::vector<SubmissionEdit> out;
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
  return out;
}

std::vector<std::string> Store::removed_targets(const std::string& submission) {
  Statement s(db_,
              "SELECT DISTINCT target FROM links l WHERE submission_id = ?1 AND removed_at IS NOT NULL AND NOT EXISTS "
              "(SELECT 1 FROM links a WHERE a.submission_id = ?1 AND a.target = l.target AND a.removed_at IS NULL) "
              "ORDER BY target");
  s.bind(1, submission);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::size_t Store::add_links(const std::string& submission, const std::vector<LinkRequest>& links,
                             const std::string& by) {
  Transaction t(db_);
  Statement find(db_, "SELECT coalesce(removed_at, '') FROM submissions WHERE id = ?");
  find.bind(1, submission);
  if (!find.step()) throw StoreError("unknown submission '" + submission + "'");
  if (!find.text(0).empty())
    throw StoreError(submission + " was removed at " + find.text(0) + "; a removed submission is not linked");
  std::size_t added = 0;
  std::string now = utc_now();
  for (const auto& l : links) {
    // Active already; or, for a suggestion, removed by a person before.
    Statement exists(db_,
                     "SELECT 1 FROM links WHERE submission_id = ? AND target = ? AND (removed_at IS NULL OR ? = 'suggested')");
    exists.bind(1, submission).bind(2, l.target).bind(3, l.how);
    if (exists.step()) continue;
    Statement insert(db_,
                     "INSERT INTO links(submission_id, target, kind, how, score, created_by, created_at, note) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, submission).bind(2, l.target).bind(3, l.kind).bind(4, l.how).bind(5, l.score);
    insert.bind(6, by).bind(7, now).bind_or_null(8, l.note);
    insert.step();
    ++added;
  }
  t.commit();
  return added;
}

bool Store::remove_link(const std::string& submission, const std::string& target, const std::string& by,
                        const std::string& note) {
  Transaction t(db_);
  Statement update(db_,
                   "UPDATE links SET removed_by = ?, removed_at = ?, removal_note = ? "
                   "WHERE submission_id = ? AND target = ? AND removed_at IS NULL");
  update.bind(1, by).bind(2, utc_now()).bind_or_null(3, note).bind(4, submission).bind(5, target);
  update.step();
  bool changed = sqlite3_changes(db_) > 0;
  t.commit();
  return changed;
}

std::vector<Link> Store::links(const LinkFilter& f) {
  std::string sql =
      "SELECT row, submission_id, target, kind, how, score, created_by, created_at, coalesce(note, ''), "
      "coalesce(removed_by, ''), coalesce(removed_at, ''), coalesce(removal_note, '') FROM links "
      "WHERE (?1 = '' OR submission_id = ?1) AND (?2 = '' OR target = ?2) AND (?3 = '' OR kind = ?3)";
  if (!f.include_removed) sql += " AND removed_at IS NULL";
  sql += " ORDER BY row";
  Statement s(db_, sql.c_str());
  s.bind(1, f.submission).bind(2, f.target).bind(3, f.kind);
  std::vector<Link> out;
  while (s.step()) {
    Link l;
    l.row = s.integer(0);
    l.submission = s.text(1);
    l.target = s.text(2);
    l.kind = s.text(3);
    l.how = s.text(4);
    if (!s.is_null(5)) l.score = s.real(5);
    l.created_by = s.text(6);
    l.created_at = s.text(7);
    l.note = s.text(8);
    l.removed_by = s.text(9);
    l.removed_at = s.text(10);
    l.removal_note = s.text(11);
    out.push_back(std::move(l));
  }
  return out;
}

std::string Store::integrity_check() {
  Statement s(db_, "PRAGMA integrity_check");
  return s.step() ? s.text(0) : std::string();
}

}  // namespace provisio::submissions
