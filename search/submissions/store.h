// The submissions store: the sector's submissions and the links staff make from them to provisions
// and consultation questions. These are primary records (nothing else can rebuild them), so they
// live in SQLite, apart from the Xapian index, which is derived data and may be deleted at will.
//
// Guarantees:
// - WAL mode, and every write is one IMMEDIATE transaction: a process killed at any moment leaves
//   either the old or the new state. Two processes may open the same store; a writer waits (up to
//   `busy_timeout_ms`) for the other to finish.
// - The schema is versioned (PRAGMA user_version) and migrated forward by the program when opened,
//   each step in its own transaction. A store written by a newer Provisio is refused, not touched.
// - Links are never deleted: removing one stamps it with who removed it and when, so its history
//   stays. At most one *active* link exists per (submission, target).
//
// The on-disk layout is described in docs/submissions-store.md.
//
// Not thread-safe: use one Store per thread (SQLite handles cross-process locking).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace provisio::submissions {

// Expected failures (unknown ids, a store from a newer version, an unreadable file) with a message
// fit for the user.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A submission as filed. `original` holds the file's bytes exactly as received.
struct Submission {
  std::string id;         // e.g. "sub-0001", or the --id the user chose
  std::string sha256;     // of `original`: recognises the same file filed twice
  std::string file_name;  // the name it was filed from (no folder)
  std::string format;     // "txt", "eml", "html", "docx", "pdf", "png", "jpeg", "tiff"
  std::string charset;    // the character set it was decoded from ("UTF-8", "Big5", …)
  std::string sender;     // "" when unknown
  std::string received;   // YYYY-MM-DD, "" when unknown
  std::string subject;    // email subject, "" otherwise
  std::string lang;       // "en", "zh-Hant", "zh-Hans"
  std::string text;       // the extracted text, UTF-8
  std::string original;   // the bytes as received (filled only when asked for)
  std::string added_at;   // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string added_by;
  int ocr_pages = 0;       // pages or images whose text is OCR output; 0 when none is
  int ocr_confidence = 0;  // Tesseract's mean confidence over them, 0..100 (meaningless when ocr_pages is 0)
};

// One link from a submission to a provision or consultation question.
struct Link {
  std::int64_t row = 0;
  std::string submission;
  std::string target;         // provision id
  std::string kind;           // "provision" or "question"
  std::string how;            // "suggested" (suggested and accepted) or "manual" (added by hand)
  std::optional<double> score;  // the suggestion's score, for "suggested" links
  std::string created_by;
  std::string created_at;     // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string note;
  std::string removed_by;     // "" while the link is active
  std::string removed_at;
  std::string removal_note;
  bool active() const { return removed_at.empty(); }
};

struct LinkRequest {
  std::string target;
  std::string kind;  // "provision" or "question"
  std::string how;   // "suggested" or "manual"
  std::optional<double> score;
  std::string note;
};

struct LinkFilter {
  std::string submission;  // "" = any
  std::string target;      // "" = any
  std::string kind;        // "" = any
  bool include_removed = false;
};

class Store {
 public:
  // The schema version this build writes. Older stores are migrated to it when opened.
  static constexpr int kSchemaVersion = 3;

  // Opens (creating it and its folder if needed) the store at `path` and migrates it.
  // Throws StoreError if it cannot be opened, is not a Provisio store, or is newer than this build.
  explicit Store(const std::string& path, int busy_timeout_ms = 10000);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version();
  // A random id given to the store when it was created, and a counter bumped by every change to
  // the submissions: together they tell a derived index whether it is stale.
  std::string store_id();
  std::int64_t revision();

  // --- submissions ---
  // The id of the submission with this content hash, if one was filed.
  std::optional<std::string> find_by_hash(const std::string& sha256);
  bool has_submission(const std::string& id);
  // Files `batch` in one transaction and returns the ids given (an empty `id` gets the next free
  // "sub-NNNN"). `after_each(i)` runs inside the transaction after row i was written (for progress
  // and for the crash tests). Throws StoreError, writing nothing, if an id or hash already exists.
  std::vector<std::string> add_submissions(std::vector<Submission> batch,
                                           const std::function<void(std::size_t)>& after_each = {});
  // The submission, with `original` filled when `with_original`.
  std::optional<Submission> submission(const std::string& id, bool with_original = false);
  // Every submission in filing order, without `original` (and without `text` unless `with_text`).
  std::vector<Submission> submissions(bool with_text = false);

  // --- links ---
  // Adds the links that are not active yet, in one transaction, and returns how many were added.
  // REQUIRES: the submission exists (else StoreError, nothing written).
  std::size_t add_links(const std::string& submission, const std::vector<LinkRequest>& links,
                        const std::string& by);
  // Marks the active link as removed (it stays in the history). Returns false if there was none.
  bool remove_link(const std::string& submission, const std::string& target, const std::string& by,
                   const std::string& note = "");
  std::vector<Link> links(const LinkFilter& filter = {});

  // SQLite's own consistency check ("ok" when sound).
  std::string integrity_check();

 private:
  void exec(const char* sql);
  void migrate();
  std::string next_id();
  std::string path_;
  sqlite3* db_ = nullptr;
};

// The current UTC time as YYYY-MM-DDTHH:MM:SSZ.
std::string utc_now();

}  // namespace provisio::submissions
