// A disk that fills up while Provisio writes (issue 18): `index` and `submission add` on a small
// tmpfs, filled to a few hundred kilobytes. Each must fail with one clear line, leave the index or
// the store answering exactly as before, and never report failure for what it committed.
//
// Mounting needs root (CAP_SYS_ADMIN): elsewhere these tests are skipped, with a note saying so.
#define BOOST_TEST_MODULE full_disk
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_support.h"

using provisio::testing::CommandResult;
using provisio::testing::read_file;
using provisio::testing::run_provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

// A tmpfs of `kb` kilobytes mounted on `dir` for the object's life.
class SmallDisk {
 public:
  SmallDisk(const std::string& dir, std::size_t kb) : dir_(dir) {
    std::filesystem::create_directories(dir);
    mounted_ = ::geteuid() == 0 &&
               std::system(("mount -t tmpfs -o size=" + std::to_string(kb) + "k tmpfs '" + dir + "' 2>/dev/null").c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) std::system(("umount '" + dir_ + "'").c_str());
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  bool mounted() const { return mounted_; }
  std::string operator/(const std::string& name) const { return dir_ + "/" + name; }

  // Takes all but about `kb` kilobytes of the free space with a filler file.
  void fill_leaving(std::size_t kb) {
    empty();
    struct statvfs vfs {};
    BOOST_REQUIRE_EQUAL(::statvfs(dir_.c_str(), &vfs), 0);
    auto free_bytes = static_cast<long long>(vfs.f_bavail) * static_cast<long long>(vfs.f_frsize);
    long long take = free_bytes - static_cast<long long>(kb) * 1024;
    if (take <= 0) return;
    int fd = ::open((dir_ + "/filler").c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    BOOST_REQUIRE(fd >= 0);
    BOOST_REQUIRE_EQUAL(::posix_fallocate(fd, 0, take), 0);
    ::close(fd);
  }
  void empty() { std::filesystem::remove(dir_ + "/filler"); }

 private:
  std::string dir_;
  bool mounted_ = false;
};

// Skips (with the reason) unless a tmpfs can be mounted here.
boost::unit_test::precondition can_mount() {
  return boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
    TempDir dir;
    SmallDisk disk(dir / "disk", 64);
    boost::test_tools::assertion_result ok(disk.mounted());
    if (!ok) ok.message() << "skipped: mounting a small tmpfs needs root";
    return ok;
  });
}

// The number of lines of `s`.
std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// What the index at `db` answers: a search in each language and the list of instruments.
std::string index_answers(const std::string& db) {
  std::string out;
  for (const char* args : {"search --json --limit 20 standards", "search --json --limit 20 檢測", "list --json"}) {
    CommandResult r = run_provisio(std::string(args) + " --db '" + db + "'");
    out += std::to_string(r.status) + "\n" + r.out + r.err;
  }
  return out;
}

// What the store at `store` answers: its list and a search of the submissions.
std::string store_answers(const std::string& store) {
  CommandResult list = run_provisio("submission list --json --store '" + store + "'");
  CommandResult search = run_provisio("search --type submission --json --store '" + store + "' testing");
  return std::to_string(list.status) + "\n" + list.out + list.err + std::to_string(search.status) + "\n" +
         search.out + search.err;
}

}  // namespace

BOOST_AUTO_TEST_CASE(index_on_a_full_disk_fails_clearly_and_changes_nothing, *can_mount()) {
  TempDir dir;
  SmallDisk disk(dir / "disk", 4096);
  BOOST_REQUIRE(disk.mounted());
  write_file(dir / "corpus/tig.xml", provisio::testing::sample_instrument());
  std::string db = disk / "index";
  CommandResult r = run_provisio("index --db '" + db + "' '" + dir / "corpus" + "'");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string before = index_answers(db);
  BOOST_TEST(before.find("tig/art58/1") != std::string::npos);

  // The bundled corpus needs far more than what is left.
  disk.fill_leaving(150);
  r = run_provisio("index --db '" + db + "' '" + PROVISIO_SOURCE_CORPUS + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("provisio: cannot write the index at " + db + ": No space left on device") == 0, r.err);
  BOOST_TEST(r.err.find("; the index was not changed\n") != std::string::npos, r.err);
  BOOST_TEST(lines(r.err) == 1u, r.err);
  BOOST_TEST(index_answers(db) == before);

  // A first build on the full disk leaves nothing behind.
  r = run_provisio("index --db '" + disk / "fresh" + "' '" + PROVISIO_SOURCE_CORPUS + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("No space left on device") != std::string::npos, r.err);
  for (const auto& entry : std::filesystem::directory_iterator(disk / ""))
    BOOST_TEST((entry.path().filename() == "index" || entry.path().filename() == "filler"), entry.path());

  // With room again, the same index takes the corpus.
  disk.empty();
  r = run_provisio("index --db '" + db + "' '" + PROVISIO_SOURCE_CORPUS + "'");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(index_answers(db) != before);
}

BOOST_AUTO_TEST_CASE(submission_add_on_a_full_disk_never_reports_failure_for_what_it_filed, *can_mount()) {
  TempDir dir;
  SmallDisk disk(dir / "disk", 4096);
  BOOST_REQUIRE(disk.mounted());
  std::string store = disk / "s.db";
  write_file(dir / "small.txt", "Views on CCC testing by Hong Kong laboratories.\n");
  CommandResult r = run_provisio("submission add --store '" + store + "' '" + dir / "small.txt" + "'");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string before = store_answers(store);
  BOOST_TEST(before.find("small.txt") != std::string::npos);

  // About 1.2 MB of text: the store keeps it twice (the text and the original file), and the
  // submissions' search index needs room for its terms as well.
  std::string big;
  for (int i = 0; big.size() < 1200000; ++i)
    big += "Paragraph " + std::to_string(i) + ": testing laboratories in Hong Kong ask for recognition of " +
           "their reports under CEPA, item " + std::to_string(i * 7919 % 100003) + ".\n";
  write_file(dir / "big.txt", big);

  // From a disk too full for the store, through one with room for the store but not its search
  // index, to one with room for both: whatever the command says must be what happened.
  bool failed_once = false, filed = false;
  for (std::size_t free_kb = 1000; free_kb <= 4000 && !filed; free_kb += 200) {
    disk.fill_leaving(free_kb);
    r = run_provisio("submission add --store '" + store + "' '" + dir / "big.txt" + "'");
    disk.empty();
    BOOST_TEST_CONTEXT("with " << free_kb << " KB free: " << r.err) {
      if (r.status != 0) {
        failed_once = true;
        BOOST_TEST(r.err.find("disk is full") != std::string::npos);
        BOOST_TEST(r.err.find("nothing was filed in " + store + "\n") != std::string::npos);
        BOOST_TEST(lines(r.err) == 1u);
        BOOST_TEST(store_answers(store) == before);
      } else {
        filed = true;
        BOOST_TEST(r.out.find("filed sub-0002 from big.txt") == 0, r.out);
        std::string after = store_answers(store);
        BOOST_TEST(after.find("big.txt") != std::string::npos);
        BOOST_TEST(after.find("\"sub-0002\"") != std::string::npos);
      }
    }
  }
  BOOST_TEST(failed_once);
  BOOST_TEST(filed);
}

BOOST_AUTO_TEST_CASE(a_read_only_index_is_reported_as_read_only, *can_mount()) {
  // `index` said the index "is being written by another process".
  TempDir dir;
  SmallDisk disk(dir / "disk", 4096);
  BOOST_REQUIRE(disk.mounted());
  write_file(dir / "corpus/tig.xml", provisio::testing::sample_instrument());
  std::string db = disk / "index";
  BOOST_REQUIRE(run_provisio("index --db '" + db + "' '" + dir / "corpus" + "'").status == 0);
  BOOST_REQUIRE_EQUAL(std::system(("mount -o remount,ro '" + disk / "" + "'").c_str()), 0);
  CommandResult r = run_provisio("index --db '" + db + "' '" + PROVISIO_SOURCE_CORPUS + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: cannot write the index at " + db + ": Couldn't open lockfile: Read-only file system\n");
  r = run_provisio("index --db '" + disk / "new" + "' '" + dir / "corpus" + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "provisio: cannot create the index at " + disk / "new" + ": Read-only file system\n");
  // Searching it still works.
  r = run_provisio("search --db '" + db + "' --json standards");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("tig/art58/1") != std::string::npos);
}
