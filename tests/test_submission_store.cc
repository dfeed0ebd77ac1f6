#define BOOST_TEST_MODULE submission_store
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "store.h"
#include "test_support.h"

using namespace provisio::submissions;
using provisio::testing::TempDir;

namespace {

Submission make(const std::string& text, const std::string& id = "") {
  Submission s;
  s.id = id;
  s.sha256 = "hash-of-" + text;
  s.file_name = "f.txt";
  s.format = "txt";
  s.charset = "UTF-8";
  s.lang = "en";
  s.text = text;
  s.original = "orig:" + text;
  s.added_by = "tester";
  return s;
}

void sql(const std::string& path, const std::string& statements) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &err);
  std::string message = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

std::string open_error(const std::string& path) {
  try {
    Store s(path);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(opened)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(new_store_is_at_the_current_version_in_wal_mode) {
  TempDir dir;
  Store store(dir / "sub/store.db");
  BOOST_TEST(store.schema_version() == Store::kSchemaVersion);
  BOOST_TEST(store.store_id().size() == 32u);
  BOOST_TEST(store.revision() == 0);
  BOOST_TEST(std::filesystem::exists(dir / "sub/store.db-wal"));
}

BOOST_AUTO_TEST_CASE(submissions_get_ids_and_keep_original_bytes) {
  TempDir dir;
  Store store(dir / "s.db");
  auto ids = store.add_submissions({make("one"), make("two"), make("three", "hkta-2019")});
  BOOST_TEST(ids == (std::vector<std::string>{"sub-0001", "sub-0002", "hkta-2019"}));
  BOOST_TEST(store.add_submissions({make("four")}) == std::vector<std::string>{"sub-0003"});
  BOOST_TEST(store.revision() == 2);
  auto s = store.submission("sub-0002", true);
  BOOST_REQUIRE(s);
  BOOST_TEST(s->text == "two");
  BOOST_TEST(s->original == "orig:two");
  BOOST_TEST(s->added_by == "tester");
  BOOST_TEST(s->added_at.size() == 20u);
  BOOST_TEST(store.find_by_hash("hash-of-three").value_or("") == "hkta-2019");
  BOOST_TEST(store.submissions().size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_duplicate_in_a_batch_writes_nothing) {
  TempDir dir;
  Store store(dir / "s.db");
  store.add_submissions({make("one")});
  BOOST_CHECK_EXCEPTION(store.add_submissions({make("new"), make("one")}), StoreError, [](const StoreError& e) {
    return std::string(e.what()) == "f.txt: already filed as sub-0001";
  });
  BOOST_CHECK_EXCEPTION(store.add_submissions({make("other", "sub-0001")}), StoreError, [](const StoreError& e) {
    return std::string(e.what()) == "a submission with id 'sub-0001' already exists";
  });
  BOOST_TEST(store.submissions().size() == 1u);
  BOOST_TEST(store.revision() == 1);
}

BOOST_AUTO_TEST_CASE(links_keep_who_when_how_and_their_history) {
  TempDir dir;
  Store store(dir / "s.db");
  store.add_submissions({make("one")});
  BOOST_TEST(store.add_links("sub-0001", {{"q1", "question", "suggested", 2.5, ""}, {"p/1", "provision", "manual", {}, "asks for it"}}, "amy") == 2u);
  BOOST_TEST(store.add_links("sub-0001", {{"q1", "question", "manual", {}, ""}}, "bob") == 0u);  // already active
  BOOST_TEST(store.remove_link("sub-0001", "q1", "bob", "wrong question"));
  BOOST_TEST(!store.remove_link("sub-0001", "q1", "bob"));
  BOOST_TEST(store.add_links("sub-0001", {{"q1", "question", "manual", {}, "after all"}}, "cat") == 1u);

  auto active = store.links({"sub-0001", "", "", false});
  BOOST_TEST(active.size() == 2u);
  auto all = store.links({"sub-0001", "", "", true});
  BOOST_REQUIRE(all.size() == 3u);
  BOOST_TEST(all[0].target == "q1");
  BOOST_TEST(all[0].how == "suggested");
  BOOST_TEST(all[0].score.value_or(0) == 2.5);
  BOOST_TEST(all[0].created_by == "amy");
  BOOST_TEST(!all[0].active());
  BOOST_TEST(all[0].removed_by == "bob");
  BOOST_TEST(all[0].removal_note == "wrong question");
  BOOST_TEST(all[1].note == "asks for it");
  BOOST_TEST(!all[1].score.has_value());
  BOOST_TEST(all[2].created_by == "cat");
  BOOST_TEST(all[2].active());
  BOOST_TEST(store.links({"", "q1", "question", false}).size() == 1u);

  BOOST_CHECK_EXCEPTION(store.add_links("sub-9999", {{"q1", "question", "manual", {}, ""}}, "amy"), StoreError,
                        [](const StoreError& e) { return std::string(e.what()) == "unknown submission 'sub-9999'"; });
}

BOOST_AUTO_TEST_CASE(a_version_1_store_is_migrated_with_its_records) {
  TempDir dir;
  std::string path = dir / "old.db";
  // Exactly what schema version 1 wrote.
  sql(path, R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE submissions(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL UNIQUE,
      file_name TEXT NOT NULL, format TEXT NOT NULL, sender TEXT, received TEXT, lang TEXT NOT NULL,
      text TEXT NOT NULL, original BLOB NOT NULL, added_at TEXT NOT NULL, added_by TEXT NOT NULL);
    CREATE TABLE links(row INTEGER PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id),
      target TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('provision', 'question')),
      how TEXT NOT NULL CHECK (how IN ('suggested', 'manual')), created_by TEXT NOT NULL,
      created_at TEXT NOT NULL, note TEXT, removed_by TEXT, removed_at TEXT);
    CREATE UNIQUE INDEX links_active ON links(submission_id, target) WHERE removed_at IS NULL;
    CREATE INDEX links_target ON links(target);
    INSERT INTO meta VALUES ('store_id', '0123456789abcdef0123456789abcdef');
    INSERT INTO submissions(id, sha256, file_name, format, sender, received, lang, text, original, added_at, added_by)
      VALUES ('sub-0001', 'h1', 'a.txt', 'txt', 'HKTA', '2019-05-20', 'en', 'CCC views', x'41', '2019-05-21T01:00:00Z', 'amy');
    INSERT INTO links(submission_id, target, kind, how, created_by, created_at)
      VALUES ('sub-0001', 'hkctc-views-2019/q1', 'question', 'manual', 'amy', '2019-05-21T01:00:00Z');
    PRAGMA user_version = 1;
  )sql");
  Store store(path);
  BOOST_TEST(store.schema_version() == Store::kSchemaVersion);
  BOOST_TEST(store.store_id() == "0123456789abcdef0123456789abcdef");
  BOOST_TEST(store.revision() == 0);
  auto s = store.submission("sub-0001", true);
  BOOST_REQUIRE(s);
  BOOST_TEST(s->sender == "HKTA");
  BOOST_TEST(s->original == "A");
  BOOST_TEST(s->subject == "");
  BOOST_TEST(s->ocr_pages == 0);  // filed before OCR existed: its text was in the file
  auto links = store.links();
  BOOST_REQUIRE(links.size() == 1u);
  BOOST_TEST(links[0].target == "hkctc-views-2019/q1");
  BOOST_TEST(!links[0].score.has_value());
  // The new columns work.
  BOOST_TEST(store.add_submissions({make("two")}) == std::vector<std::string>{"sub-0002"});
  BOOST_TEST(store.revision() == 1);
}

BOOST_AUTO_TEST_CASE(ocr_pages_and_confidence_are_kept) {
  TempDir dir;
  Store store(dir / "s.db");
  Submission scan = make("scanned letter");
  scan.format = "png";
  scan.ocr_pages = 2;
  scan.ocr_confidence = 87;
  store.add_submissions({make("typed letter"), scan});
  auto typed = store.submission("sub-0001");
  BOOST_REQUIRE(typed);
  BOOST_TEST(typed->ocr_pages == 0);
  auto read = store.submission("sub-0002");
  BOOST_REQUIRE(read);
  BOOST_TEST(read->ocr_pages == 2);
  BOOST_TEST(read->ocr_confidence == 87);
  BOOST_TEST(read->text == "scanned letter");
  auto all = store.submissions(true);
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[1].ocr_confidence == 87);
  BOOST_TEST(all[1].text == "scanned letter");
}

BOOST_AUTO_TEST_CASE(newer_and_foreign_databases_are_refused_untouched) {
  TempDir dir;
  std::string newer = dir / "newer.db";
  sql(newer, "CREATE TABLE meta(key TEXT, value TEXT); PRAGMA user_version = 99;");
  BOOST_TEST(open_error(newer) == "cannot open the submissions store " + newer +
                                      ": it has schema version 99, newer than this provisio (" + std::to_string(Store::kSchemaVersion) + "); use a newer provisio");
  std::string foreign = dir / "foreign.db";
  sql(foreign, "CREATE TABLE customers(name TEXT);");
  BOOST_TEST(open_error(foreign) ==
             "cannot open the submissions store " + foreign + ": it is an SQLite database, but not a Provisio store");
  std::string text = dir / "notes.db";
  provisio::testing::write_file(text, "these are my notes, not a database at all, but long enough to look like a header....");
  BOOST_TEST(open_error(text) == "cannot open the submissions store " + text + ": file is not a database");
}

BOOST_AUTO_TEST_CASE(two_processes_write_the_same_store_at_once) {
  TempDir dir;
  std::string path = dir / "shared.db";
  { Store init(path); }
  constexpr int kEach = 40;
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    try {
      Store store(path);
      for (int i = 0; i < kEach; ++i) {
        store.add_submissions({make("child " + std::to_string(i))});
        store.add_links(store.find_by_hash("hash-of-child " + std::to_string(i)).value(), {{"q1", "question", "manual", {}, ""}}, "child");
      }
      _exit(0);
    } catch (...) {
      _exit(3);
    }
  }
  Store store(path);
  for (int i = 0; i < kEach; ++i) store.add_submissions({make("parent " + std::to_string(i))});
  int status = 0;
  waitpid(child, &status, 0);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);
  auto all = store.submissions();
  BOOST_TEST(all.size() == 2u * kEach);
  std::set<std::string> ids;
  for (const auto& s : all) ids.insert(s.id);
  BOOST_TEST(ids.size() == 2u * kEach);  // no id given twice
  BOOST_TEST(store.links().size() == static_cast<std::size_t>(kEach));
  BOOST_TEST(store.integrity_check() == "ok");
}

BOOST_AUTO_TEST_CASE(a_writer_killed_mid_transaction_loses_nothing_committed) {
  TempDir dir;
  std::string path = dir / "crash.db";
  {
    Store store(path);
    store.add_submissions({make("committed 1"), make("committed 2")});
    store.add_links("sub-0001", {{"q1", "question", "manual", {}, "kept"}}, "amy");
  }
  int ready[2];
  BOOST_REQUIRE(pipe(ready) == 0);
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    close(ready[0]);
    Store store(path);
    std::vector<Submission> batch;
    for (int i = 0; i < 500; ++i) batch.push_back(make("uncommitted " + std::to_string(i)));
    store.add_submissions(batch, [&](std::size_t i) {
      if (i == 250) {
        // Half the batch is written inside the open transaction: tell the parent, then wait to die.
        char c = 'x';
        if (write(ready[1], &c, 1) != 1) _exit(4);
        pause();
      }
    });
    _exit(5);  // never reached
  }
  close(ready[1]);
  char c = 0;
  BOOST_REQUIRE(read(ready[0], &c, 1) == 1);
  close(ready[0]);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  BOOST_TEST(WIFSIGNALED(status));

  Store store(path);
  BOOST_TEST(store.integrity_check() == "ok");
  auto all = store.submissions(true);
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].text == "committed 1");
  BOOST_TEST(all[1].text == "committed 2");
  BOOST_TEST(store.links().size() == 1u);
  BOOST_TEST(store.links()[0].note == "kept");
  BOOST_TEST(store.revision() == 1);
  // The store takes writes again: the dead writer's lock is gone.
  BOOST_TEST(store.add_submissions({make("after")}) == std::vector<std::string>{"sub-0003"});
}

BOOST_AUTO_TEST_CASE(a_removed_submission_is_kept_and_its_links_end_with_a_note) {
  TempDir dir;
  Store store(dir / "s.db");
  store.add_submissions({make("one"), make("two")});
  store.add_links("sub-0001", {{"q1", "question", "manual", {}, ""}, {"p1", "provision", "manual", {}, ""}}, "amy");
  auto revision = store.revision();
  BOOST_TEST(store.remove_submission("sub-0001", "bob", "sent twice"));
  BOOST_TEST(store.revision() == revision + 1);
  BOOST_TEST(!store.remove_submission("sub-0001", "bob"));  // already removed
  // Still there, with its file, but out of the default list.
  auto s = store.submission("sub-0001", true);
  BOOST_REQUIRE(s);
  BOOST_TEST(s->original == "orig:one");
  BOOST_TEST(s->removed_by == "bob");
  BOOST_TEST(s->removal_note == "sent twice");
  BOOST_TEST(s->removed());
  BOOST_TEST(store.submissions().size() == 1u);
  BOOST_TEST(store.submissions(false, true).size() == 2u);
  BOOST_TEST(store.links().empty());
  auto history = store.links({"sub-0001", "", "", true});
  BOOST_REQUIRE(history.size() == 2u);
  for (const auto& l : history) {
    BOOST_TEST(l.removed_by == "bob");
    BOOST_TEST(l.removal_note == "submission removed: sent twice");
  }
  BOOST_CHECK_EXCEPTION(store.add_links("sub-0001", {{"q1", "question", "manual", {}, ""}}, "amy"), StoreError,
                        [](const StoreError& e) { return std::string(e.what()).find("was removed") != std::string::npos; });
  BOOST_CHECK_THROW(store.remove_submission("sub-0099", "bob"), StoreError);
}

BOOST_AUTO_TEST_CASE(edits_change_the_fields_given_and_are_recorded) {
  TempDir dir;
  Store store(dir / "s.db");
  Submission first = make("one");
  first.sender = "HKTA";
  store.add_submissions({first});
  SubmissionChanges changes;
  changes.sender = "HK Testing Association";
  changes.received = "2019-05-20";
  BOOST_TEST(store.edit_submission("sub-0001", changes, "amy", "from the letterhead") == 2u);
  auto s = store.submission("sub-0001");
  BOOST_TEST(s->sender == "HK Testing Association");
  BOOST_TEST(s->received == "2019-05-20");
  BOOST_TEST(s->subject == "");
  // Unchanged values are not changes; "" clears.
  changes = {};
  changes.sender = "HK Testing Association";
  changes.received = "";
  BOOST_TEST(store.edit_submission("sub-0001", changes, "bob") == 1u);
  BOOST_TEST(store.submission("sub-0001")->received == "");
  auto edits = store.edits("sub-0001");
  BOOST_REQUIRE(edits.size() == 3u);
  BOOST_TEST(edits[0].field == "sender");
  BOOST_TEST(edits[0].old_value == "HKTA");
  BOOST_TEST(edits[0].new_value == "HK Testing Association");
  BOOST_TEST(edits[0].edited_by == "amy");
  BOOST_TEST(edits[0].note == "from the letterhead");
  BOOST_TEST(edits[2].field == "received");
  BOOST_TEST(edits[2].old_value == "2019-05-20");
  BOOST_TEST(edits[2].new_value == "");
  store.remove_submission("sub-0001", "amy");
  BOOST_CHECK_THROW(store.edit_submission("sub-0001", changes, "amy"), StoreError);
}

BOOST_AUTO_TEST_CASE(suggested_links_never_bring_back_a_removed_one) {
  TempDir dir;
  Store store(dir / "s.db");
  store.add_submissions({make("one")});
  store.add_links("sub-0001", {{"q1", "question", "suggested", 9.0, ""}}, "amy");
  BOOST_TEST(store.remove_link("sub-0001", "q1", "bob", "not about the GBA"));
  BOOST_TEST(store.removed_targets("sub-0001") == std::vector<std::string>{"q1"});
  BOOST_TEST(store.add_links("sub-0001", {{"q1", "question", "suggested", 9.0, ""}}, "amy") == 0u);
  BOOST_TEST(store.links().empty());
  // A person may link it again by hand.
  BOOST_TEST(store.add_links("sub-0001", {{"q1", "question", "manual", {}, ""}}, "bob") == 1u);
  BOOST_TEST(store.removed_targets("sub-0001").empty());
}

BOOST_AUTO_TEST_CASE(filters_select_by_language_date_and_links) {
  TempDir dir;
  Store store(dir / "s.db");
  Submission a = make("a"), b = make("b"), c = make("c");
  a.received = "2019-05-01";
  b.received = "2019-06-01";
  b.lang = "zh-Hant";
  store.add_submissions({a, b, c});
  store.add_links("sub-0001", {{"q1", "question", "manual", {}, ""}}, "amy");
  auto ids = [&](const SubmissionFilter& f) {
    std::vector<std::string> out;
    for (const auto& s : store.submissions(f)) out.push_back(s.id);
    return out;
  };
  SubmissionFilter f;
  f.unlinked = true;
  BOOST_TEST(ids(f) == (std::vector<std::string>{"sub-0002", "sub-0003"}));
  f = {};
  f.lang = "zh-Hant";
  BOOST_TEST(ids(f) == std::vector<std::string>{"sub-0002"});
  f = {};
  f.since = "2019-05-15";
  BOOST_TEST(ids(f) == std::vector<std::string>{"sub-0002"});  // sub-0003's date is unknown: left out
  f = {};
  f.until = "2019-06-01";
  BOOST_TEST(ids(f) == (std::vector<std::string>{"sub-0001", "sub-0002"}));
}

BOOST_AUTO_TEST_CASE(read_only_opening_never_creates_a_store) {
  TempDir dir;
  std::string typo = dir / "typo.db";
  try {
    Store s(typo, Access::kReadOnly);
    BOOST_FAIL("opened a store that does not exist");
  } catch (const StoreError& e) {
    BOOST_TEST(std::string(e.what()).find("no submissions store at " + typo) == 0u, e.what());
  }
  BOOST_TEST(!std::filesystem::exists(typo));
  {
    Store writer(dir / "s.db");
    writer.add_submissions({make("one")});
  }
  Store reader(dir / "s.db", Access::kReadOnly);
  BOOST_TEST(reader.submissions().size() == 1u);
  BOOST_CHECK_THROW(reader.add_submissions({make("two")}), StoreError);
}
