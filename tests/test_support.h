// Small worlds for tests: temporary folders, corpus files written from literals, and running the
// provisio binary with its output and exit status captured.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace provisio::testing {

// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("provisio-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line with stdin closed, capturing its output and exit status.
inline CommandResult run_program(const std::string& command_line) {
  TempDir scratch;
  std::string out = scratch / "out", err = scratch / "err";
  std::string cmd = command_line + " >'" + out + "' 2>'" + err + "' </dev/null";
  int raw = std::system(cmd.c_str());
  CommandResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

// Runs provisio with `args` (a shell command line, after the binary path), `env` (assignments such
// as "HOME=/tmp/x") before it, with stdin closed.
inline CommandResult run_provisio(const std::string& args, const std::string& env = "") {
  return run_program(env + (env.empty() ? "" : " ") + "'" + PROVISIO_BINARY + "' " + args);
}

// A small valid instrument file: two provisions of the Trade in Goods agreement, one with two
// versions, in English and Traditional Chinese.
inline std::string sample_instrument() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<instrument id="tig" kind="agreement" signed="2018-12-14" effective="2019-01-01">
  <title lang="en">Agreement on Trade in Goods</title>
  <title lang="zh-Hant">貨物貿易協議</title>
  <division type="article" number="58">
    <heading lang="en">Conformity assessment</heading>
    <provision id="tig/art58/1">
      <citation lang="en">Article 58(1)</citation>
      <topics>standards</topics>
      <version from="2019-01-01" to="2020-06-01">
        <heading lang="en">Standards cooperation</heading>
        <text lang="en">The parties exchange information on standards.</text>
      </version>
      <version from="2020-06-01" by="amendment">
        <heading lang="en">Standards cooperation</heading>
        <text lang="en">The parties exchange information on standards and align technical regulations.</text>
      </version>
    </provision>
    <provision id="tig/art58/2">
      <citation lang="en">Article 58(2)</citation>
      <citation lang="zh-Hant">第五十八條第二款</citation>
      <topics>mutual-recognition ccc</topics>
      <ref to="tig/art58/1"/>
      <version from="2019-01-01">
        <heading lang="en">Mutual recognition of test results</heading>
        <heading lang="zh-Hant">相互承認檢測結果</heading>
        <text lang="en">Accredited Hong Kong laboratories may carry out CCC testing, and each side accepts the other's conformity assessment results.</text>
        <text lang="zh-Hant">經認可的香港實驗所可進行強制性產品認證檢測，雙方接受對方的合格評定結果。</text>
      </version>
    </provision>
  </division>
</instrument>
)";
}

// An instrument file with `provisions` one-version English provisions; `wording` goes into every text.
inline std::string many_provisions(const std::string& id, int provisions, const std::string& wording) {
  std::string xml = "<instrument id=\"" + id + "\" kind=\"agreement\" signed=\"2018-12-14\">\n"
                    "<title lang=\"en\">Instrument " + id + "</title>\n"
                    "<title lang=\"zh-Hant\">文書 " + id + "</title>\n"
                    "<division type=\"article\" number=\"1\">\n";
  for (int i = 0; i < provisions; ++i)
    xml += "<provision id=\"" + id + "/p" + std::to_string(i) + "\"><citation lang=\"en\">Item " +
           std::to_string(i) + "</citation><topics>standards</topics><version from=\"2019-01-01\"><heading lang=\"en\">Item " +
           std::to_string(i) + "</heading><text lang=\"en\">" + wording + " number " + std::to_string(i) +
           "</text></version></provision>\n";
  return xml + "</division>\n</instrument>\n";
}

}  // namespace provisio::testing
