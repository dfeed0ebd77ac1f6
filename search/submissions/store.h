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
  // Set by remove_submission(): the submission stays in the store (and its file with it), but is
  // left out of lists, reports and searches. "" while it is filed.
  std::string removed_by, removed_at, removal_note;
  bool removed() const { return !removed_at.empty(); }
};

// A change made to a submission's sender, date or subject after filing (edit_submission()).
struct SubmissionEdit {
  std::string submission;
  std::string field;      // "sender", "received" or "subject"
  std::string old_value;  // "" for unknown
  std::string new_value;  // "" for unknown
  std::string edited_by;
  std::string edited_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string note;
};

// What edit_submission() changes: each field given is set ("" = unknown); the others are kept.
struct SubmissionChanges {
  std::optional<std::string> sender, received, subject;
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

// Which submissions submissions() returns; every condition given must hold.
struct SubmissionFilter {
  std::string lang;          // "" = any; else "en", "zh-Hant" or "zh-Hans"
  std::string since, until;  // YYYY-MM-DD, inclusive, on `received`; a submission of unknown date
                             // is left out when either is given
  bool unlinked = false;     // only those without an active link
  bool include_removed = false;
};

struct LinkFilter {
  std::string submission;  // "" = any
  std::string target;      // "" = any
  std::string kind;        // "" = any
  bool include_removed = false;
};

// How a store is opened. Commands that only read open it kReadOnly: a mistyped --store is then an
// error naming the path instead of a new empty store, and a store the user may not write to (a
// read-only file or folder) can still be read.
enum class Access { kReadWrite, kReadOnly };

class Store {
 public:
  // The schema version this build writes. Older stores are migrated to it when opened.
  static constexpr int kSchemaVersion = 4;

  // Opens (creating it and its folder if needed) the store at `path` and migrates it.
  // Throws StoreError if it cannot be opened, is not a Provisio store, or is newer than this build.
  explicit Store(const std::string& path, int busy_timeout_ms = 10000);
  // kReadOnly: opens an existing store without writing to it (throws StoreError naming the path
  // when there is no file there); a store of an older schema is first migrated by a short
  // read-write connection, as every open does. kReadWrite is the constructor above.
  Store(const std::string& path, Access access, int busy_timeout_ms = 10000);
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
  // Every submission in filing order, without `original` (and without `text` unless `with_text`);
  // removed ones only when `include_removed`.
  std::vector<Submission> submissions(bool with_text = false, bool include_removed = false);
  // Those that pass `filter`, in filing order.
  std::vector<Submission> submissions(const SubmissionFilter& filter, bool with_text = false);
  // Removes a submission from use: it stays in the store with its file, stamped with who removed it,
  // when and why, and each of its active links is ended with a removal note saying so, in one
  // transaction. Returns false if it was already removed. Throws StoreError for an unknown id.
  bool remove_submission(const std::string& id, const std::string& by, const std::string& note = "");
  // Sets the fields given in `changes` and records each change (old and new value, who, when,
  // `note`) in the submission's edit history, in one transaction. Returns how many fields changed
  // (a field set to its current value is not a change). Throws StoreError for an unknown or
  // removed submission. REQUIRES: received, when given and not "", is a valid YYYY-MM-DD.
  std::size_t edit_submission(const std::string& id, const SubmissionChanges& changes, const std::string& by,
                              const std::string& note = "");
  // The edit history of a submission, oldest first.
  std::vector<SubmissionEdit> edits(const std::string& id);

  // --- links ---
  // Adds the links that are not active yet, in one transaction, and returns how many were added.
  // A "suggested" link is never made to a target a person removed from this submission before:
  // people decide, and accepting suggestions again must not undo their removal (see
  // removed_targets()); a "manual" link is, since a person asks for it.
  // REQUIRES: the submission exists and is not removed (else StoreError, nothing written).
  std::size_t add_links(const std::string& submission, const std::vector<LinkRequest>& links,
                        const std::string& by);
  // Marks the active link as removed (it stays in the history). Returns false if there was none.
  bool remove_link(const std::string& submission, const std::string& target, const std::string& by,
                   const std::string& note = "");
  std::vector<Link> links(const LinkFilter& filter = {});
  // The targets whose link from `submission` was removed and that are not linked again now.
  std::vector<std::string> removed_targets(const std::string& submission);

  // SQLite's own consistency check ("ok" when sound).
  std::string integrity_check();

 private:
  void open_uri(const std::string& uri, int flags, int busy_timeout_ms);
  void exec(const char* sql);
  void migrate();
  std::string next_id();
  std::string path_;
  sqlite3* db_ = nullptr;
};

// The current UTC time as YYYY-MM-DDTHH:MM:SSZ.
std::string utc_now();

}  // namespace provisio::submissions
