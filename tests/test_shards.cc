// Sharded indexes, local and remote (docs/scaling.md): `provisio index --shards N` writes a stub
// and its shards; every command that reads the index gives the same answers through the stub of
// local shards, through a stub of shards served by xapian-tcpsrv on loopback, and through a single
// index of the same corpus. Servers are started by the test in their own process group, die with
// it (PR_SET_PDEATHSIG) and are killed and reaped at scope exit on every other path.
#define BOOST_TEST_MODULE shards
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <thread>

#include "shard_layout.h"
#include "skip_unless.h"
#include "test_support.h"

using namespace provisio;
using namespace provisio::testing;

namespace {

const std::string kSamples = std::string(PROVISIO_SOURCE_DIR) + "/tests/linking/samples/";

// A port nothing listens on now (the kernel's choice for port 0).
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// One xapian-tcpsrv serving one database on 127.0.0.1.
class Server {
 public:
  explicit Server(const std::string& database) : port_(free_port()) {
    std::fflush(nullptr);  // nothing buffered is written twice
    pid_ = ::fork();
    if (pid_ == 0) {
      // Its own process group: xapian-tcpsrv signals its whole group when it is stopped, which
      // must not reach the test. It dies with the test, whatever ends the test.
      ::setpgid(0, 0);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      int null = ::open("/dev/null", O_WRONLY);  // (its "connection closed" notes; never stdio here)
      ::dup2(null, 1);
      ::dup2(null, 2);
      std::string port = std::to_string(port_);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--port", port.c_str(), "--interface", "127.0.0.1", "--quiet",
               database.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    BOOST_REQUIRE(pid_ > 0);
    for (int i = 0; i < 200 && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    BOOST_REQUIRE_MESSAGE(accepts(port_), "xapian-tcpsrv does not listen on port " << port_);
  }
  ~Server() { stop(); }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const { return port_; }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);  // the server and the children it forked per connection
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  void pause() { ::kill(-pid_, SIGSTOP); }
  void resume() { ::kill(-pid_, SIGCONT); }

 private:
  int port_;
  pid_t pid_ = -1;
};

// The bundled corpus as a single index and as three local shards, the shards served by three
// xapian-tcpsrv, and stubs naming them: `remote` keeps the head local (spelling, metadata),
// `all_remote` lists the remote shards alone.
struct World {
  TempDir dir;
  std::string single = dir / "single";
  std::string sharded = dir / "sharded";
  std::string remote = dir / "remote";
  std::string all_remote = dir / "all-remote";
  std::string store = dir / "submissions.db";
  std::vector<std::unique_ptr<Server>> servers;

  World() {
    BOOST_REQUIRE_EQUAL(run_provisio("index --db '" + single + "' '" + PROVISIO_SOURCE_CORPUS + "'").status, 0);
    CommandResult r = run_provisio("index --shards 3 --db '" + sharded + "' '" + PROVISIO_SOURCE_CORPUS + "'");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    ShardLayout layout = *read_shard_layout(sharded);
    std::string remote_lines;
    for (const auto& shard : layout.shards) {
      servers.push_back(std::make_unique<Server>(shard));
      remote_lines += "remote 127.0.0.1:" + std::to_string(servers.back()->port()) + "\n";
    }
    write_file(remote, "auto " + layout.head + "\n" + remote_lines);
    write_file(all_remote, remote_lines);
    r = run_provisio("submission add --store '" + store + "' --id sub-ccc '" + kSamples + "01-ccc-all-products.txt'");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  }
};

// `json` with every floating-point number rounded to 9 significant digits: the same document's
// BM25 weight, summed over shards' statistics, may differ from the single index's in the last bits.
nlohmann::json rounded(nlohmann::json json) {
  if (json.is_number_float()) {
    double v = json.get<double>();
    if (v == 0) return json;
    double scale = std::pow(10.0, 8 - static_cast<int>(std::floor(std::log10(std::fabs(v)))));
    return std::round(v * scale) / scale;
  }
  if (json.is_array() || json.is_object())  // (a scalar iterates over itself)
    for (auto& item : json) item = rounded(item);
  return json;
}

// A search's JSON without the scores of its superseded hits. Those are found by a second, small
// search (three hits) in which Xapian 1.4's matcher, once the three are found, may stop adding the
// weight of an OR branch it no longer needs; whether it does depends on document ids, which differ
// between a single index and shards. Which hits and in what order are still compared.
nlohmann::json without_superseded_scores(nlohmann::json json) {
  if (json.contains("results"))
    for (auto& hit : json["results"])
      if (hit.value("superseded", false)) hit.erase("score");
  return json;
}

// `provisio ARGS --db DB` as JSON (rounded), requiring success.
nlohmann::json answer(const std::string& args, const std::string& db, const std::string& extra = "") {
  CommandResult r = run_provisio(args + " --db '" + db + "' " + extra);
  BOOST_REQUIRE_MESSAGE(r.status == 0, "provisio " << args << " --db " << db << ": " << r.err);
  auto json = nlohmann::json::parse(r.out, nullptr, false);
  BOOST_REQUIRE_MESSAGE(!json.is_discarded(), "not JSON: " << r.out);
  return without_superseded_scores(rounded(json));
}

std::vector<std::string> ids(const nlohmann::json& search) {
  std::vector<std::string> out;
  for (const auto& hit : search.at("results")) out.push_back(hit.at("id").get<std::string>() + " " + hit.value("effective_from", ""));
  return out;
}

// The searches compared: filters, facets, point in time, every version, exclusion across languages,
// Chinese, a query with no complete match.
const std::vector<std::string> kSearches = {
    "search --json --as-of 2026-12-01 --facets 'CCC testing'",
    "search --json --as-of 2026-12-01 --facets 檢測",
    "search --json --as-of 2019-06-01 --facets 'CCC testing'",
    "search --json --as-of 2026-12-01 --all-versions --facets CCC",
    "search --json --as-of 2026-12-01 'certification NOT factory'",
    "search --json --as-of 2026-12-01 --instrument cepa-tis --topic ccc testing",
    "search --json --as-of 2026-12-01 --limit 3 --offset 2 laboratory accreditation",
    "search --json --as-of 2026-12-01 --parallel 认可实验所",
};

}  // namespace

BOOST_AUTO_TEST_CASE(shard_of_is_stable_and_spreads_provisions) {
  // The placement is part of the on-disk layout: a change would strand documents in old shards.
  BOOST_TEST(shard_of("cepa-tis/a1/t2/1fe/1", 3) == shard_of("cepa-tis/a1/t2/1fe/1", 3));
  BOOST_TEST(shard_of("anything", 1) == 0u);
  std::vector<int> per_shard(3);
  for (int i = 0; i < 300; ++i) ++per_shard[shard_of("p/" + std::to_string(i), 3)];
  for (int n : per_shard) BOOST_TEST(n > 60);
}

BOOST_AUTO_TEST_CASE(index_shards_writes_a_stub_and_stays_incremental) {
  TempDir dir;
  std::string db = dir / "index";
  std::string corpus = dir / "corpus/tig.xml";
  write_file(corpus, sample_instrument());
  CommandResult r = run_provisio("index --json --shards 2 --db '" + db + "' '" + corpus + "'");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out).at("added") == 4);
  BOOST_TEST(read_file(db) == "auto index.shards/head\nauto index.shards/0\nauto index.shards/1\n");
  // Unchanged: nothing written; the stub alone says how many shards (no --shards needed).
  r = run_provisio("index --json --db '" + db + "' '" + corpus + "'");
  BOOST_TEST(nlohmann::json::parse(r.out).at("changed") == false);
  // One provision edited: one document replaced, in the shard it was in.
  std::string edited = sample_instrument();
  edited.replace(edited.find("align technical regulations"), 27, "align technical rules");
  write_file(corpus, edited);
  r = run_provisio("index --json --db '" + db + "' '" + corpus + "'");
  auto report = nlohmann::json::parse(r.out);
  BOOST_TEST(report.at("replaced") == 1);
  BOOST_TEST(report.at("added") == 0);
  r = run_provisio("search --json --db '" + db + "' 'technical rules'");
  BOOST_REQUIRE_EQUAL(r.status, 0);
  BOOST_TEST(nlohmann::json::parse(r.out).at("results").at(0).at("id") == "tig/art58/1");
  // Another shard count would move documents: refused, nothing changed.
  r = run_provisio("index --shards 3 --db '" + db + "' '" + corpus + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("has 2 shards") != std::string::npos, r.err);
  // A single index is not sharded in place.
  std::string single = dir / "single";
  BOOST_REQUIRE_EQUAL(run_provisio("index --db '" + single + "' '" + corpus + "'").status, 0);
  r = run_provisio("index --shards 2 --db '" + single + "' '" + corpus + "'");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("single (unsharded) index") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(stub_of_remote_shards_answers_as_a_single_index,
                     *skip_unless_program("xapian-tcpsrv", "xapian-tools")) {
  World w;
  for (const auto& search : kSearches) {
    BOOST_TEST_CONTEXT(search) {
      auto single = answer(search, w.single);
      auto local = answer(search, w.sharded);
      auto remote = answer(search, w.remote);
      auto all_remote = answer(search, w.all_remote);
      BOOST_TEST(!single.at("results").empty());
      // Same ids in the same order (ties included: a single index and shards order equal scores
      // alike only by luck of document ids, so everything is compared, not just the order).
      BOOST_TEST(ids(local) == ids(single), boost::test_tools::per_element());
      BOOST_TEST(ids(remote) == ids(single), boost::test_tools::per_element());
      BOOST_TEST(ids(all_remote) == ids(single), boost::test_tools::per_element());
      BOOST_TEST(local == single);
      BOOST_TEST(remote == single);
      BOOST_TEST(all_remote == single);
    }
  }
  // "Did you mean": Xapian's remote backend has no spelling table; the stub's local head has it.
  auto typo_single = answer("search --json certifcation", w.single);
  BOOST_TEST(typo_single.at("suggestion") == "certification");
  BOOST_TEST(answer("search --json certifcation", w.remote) == typo_single);
  // Other commands that read the index.
  for (const std::string& other : {std::string("show --json cepa-tis/a1/t2/1fe/1"),
                                   std::string("history --json cepa-tis/a1/t2/1fe/1"),
                                   std::string("diff --json cepa-tis/a1/t2/1fe/1"),
                                   std::string("list --json --instrument cepa-tis")}) {
    BOOST_TEST_CONTEXT(other) {
      auto single = answer(other, w.single);
      BOOST_TEST(answer(other, w.remote) == single);
      BOOST_TEST(answer(other, w.all_remote) == single);
    }
  }
  std::string store = "--store '" + w.store + "'";
  auto suggest = answer("link suggest sub-ccc --json", w.single, store);
  BOOST_TEST(!suggest.empty());
  BOOST_TEST(answer("link suggest sub-ccc --json", w.remote, store) == suggest);
}

BOOST_AUTO_TEST_CASE(a_shard_that_is_down_is_named_not_waited_for,
                     *skip_unless_program("xapian-tcpsrv", "xapian-tools")) {
  World w;
  std::string down = "127.0.0.1:" + std::to_string(w.servers[1]->port());
  w.servers[1]->stop();
  CommandResult r = run_provisio("search --db '" + w.remote + "' CCC");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.find("a shard of the index at " + w.remote + " cannot be reached: remote:tcp(" + down + ")") !=
                 std::string::npos,
             r.err);
  // A shard that accepts the connection but never answers: Xapian's remote timeout ends the wait
  // (10 s for a stub's entries) with the same message.
  std::string stuck = "127.0.0.1:" + std::to_string(w.servers[2]->port());
  w.servers[2]->pause();
  std::string two = w.dir / "two";
  write_file(two, "remote 127.0.0.1:" + std::to_string(w.servers[0]->port()) + "\nremote " + stuck + "\n");
  r = run_program("timeout 60 '" + std::string(PROVISIO_BINARY) + "' search --db '" + two + "' CCC");
  w.servers[2]->resume();
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("remote:tcp(" + stuck + ")") != std::string::npos, r.err);
}
