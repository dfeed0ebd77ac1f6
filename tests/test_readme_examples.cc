// The README's examples, run: every `$ …provisio…` line of every ```console block is run in a
// sandbox (its own HOME, the bundled corpus, PROVISIO_TODAY fixed) in the order the README gives
// them, and what it prints (stdout and stderr, as a terminal shows them) must be the lines that
// follow it in the README. A line that is exactly "[…]" stands for any number of lines (the README
// shortens long output with it); "[…]" inside a line stands for any text (timings). The sandbox's
// home folder is shown as /home/me and its working folder as the current one.
// Lines starting with `$ make` or naming no provisio command are shown but not run.
//
// To bring the README up to date after a deliberate change of output:
//   PROVISIO_README_UPDATE=1 build/tests/test_readme_examples
// rewrites the outputs in README.md in place (keeping each "[…]" shortening); read the diff.
#define BOOST_TEST_MODULE readme_examples
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using provisio::testing::read_file;
using provisio::testing::TempDir;

namespace {

const std::string kReadme = std::string(PROVISIO_SOURCE_DIR) + "/README.md";
constexpr const char* kEllipsis = "[…]";
constexpr const char* kToday = "2026-12-01";

struct Example {
  std::size_t line = 0;                 // 1-based line of the command in README.md
  std::size_t output_begin = 0;         // 0-based index of its first output line in the file
  std::size_t output_end = 0;           // one past its last output line
  std::string command;                  // with its continuation lines
  std::vector<std::string> expected;    // output lines as written
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool runs(const std::string& command) {
  return command.rfind("make ", 0) != 0 && command.find("provisio ") != std::string::npos;
}

std::vector<Example> examples_in(const std::vector<std::string>& lines) {
  std::vector<Example> out;
  bool in_console = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("```", 0) == 0) {
      in_console = !in_console && line == "```console";
      continue;
    }
    if (!in_console || line.rfind("$ ", 0) != 0) continue;
    Example e;
    e.line = i + 1;
    e.command = line.substr(2);
    // A line ending in a backslash goes on on the next (the shell reads the pair as one line).
    while (!e.command.empty() && e.command.back() == '\\' && i + 1 < lines.size()) e.command += "\n" + lines[++i];
    e.output_begin = i + 1;
    std::size_t j = i + 1;
    while (j < lines.size() && lines[j].rfind("$ ", 0) != 0 && lines[j].rfind("```", 0) != 0) e.expected.push_back(lines[j++]);
    e.output_end = j;
    out.push_back(e);
  }
  return out;
}

// Whether `actual` matches `expected`, where "[…]" matches any text.
bool line_matches(std::string_view expected, std::string_view actual) {
  std::string_view marker = kEllipsis;
  std::size_t star = expected.find(marker);
  if (star == std::string_view::npos) return expected == actual;
  if (actual.substr(0, star) != expected.substr(0, star)) return false;
  std::string_view rest = expected.substr(star + marker.size());
  for (std::size_t skip = star; skip <= actual.size(); ++skip)
    if (line_matches(rest, actual.substr(skip))) return true;
  return false;
}

// Whether `actual` matches `expected`, where a "[…]" line matches any number of lines.
bool matches(const std::vector<std::string>& expected, std::size_t e, const std::vector<std::string>& actual,
             std::size_t a) {
  if (e == expected.size()) return a == actual.size();
  if (expected[e] == kEllipsis) {
    for (std::size_t skip = a; skip <= actual.size(); ++skip)
      if (matches(expected, e + 1, actual, skip)) return true;
    return false;
  }
  return a < actual.size() && line_matches(expected[e], actual[a]) && matches(expected, e + 1, actual, a + 1);
}

// `actual` shortened the way `expected` was: the lines before its first "[…]", then "[…]", then as
// many of the last lines as followed its last "[…]". Lines of `expected` that still match the line
// in their place (timings written as "[…]") are kept as written.
std::vector<std::string> shortened_like(const std::vector<std::string>& expected, std::vector<std::string> actual) {
  for (std::size_t i = 0; i < expected.size() && i < actual.size() && expected[i] != kEllipsis; ++i)
    if (line_matches(expected[i], actual[i])) actual[i] = expected[i];
  std::size_t first = 0;
  while (first < expected.size() && expected[first] != kEllipsis) ++first;
  if (first == expected.size()) return actual;
  std::size_t tail = 0;
  while (tail < expected.size() && expected[expected.size() - 1 - tail] != kEllipsis) ++tail;
  if (first + tail >= actual.size()) return actual;
  std::vector<std::string> out(actual.begin(), actual.begin() + static_cast<long>(first));
  out.push_back(kEllipsis);
  out.insert(out.end(), actual.end() - static_cast<long>(tail), actual.end());
  return out;
}

// `text` with every `from` replaced by `to`.
std::string shown_as(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) text.replace(at, from.size(), to);
  return text;
}

struct Sandbox {
  TempDir dir;
  std::string env;
  Sandbox() {
    std::string source = PROVISIO_SOURCE_DIR;
    fs::create_directories(dir / "home");
    fs::create_directory_symlink(source + "/corpus", dir / "corpus");
    fs::create_directory_symlink(source + "/tests", dir / "tests");
    for (const char* f : {"agreement-en.txt", "agreement-zh-Hant.txt"})
      fs::copy_file(source + "/tests/fixtures/import/" + f, dir / f);
    // The files of the "could not be read" example.
    provisio::testing::write_file(dir / "notes.pdf", "%PDF-1.4\n");
    provisio::testing::write_file(dir / "broken.docx", "not a zip archive");
    std::string tools = fs::path(PROVISIO_BINARY).parent_path().string();
    env = "cd '" + dir / "" + "' && export PATH='" + tools + "':\"$PATH\" HOME='" + (dir / "home") +
          "' XDG_DATA_HOME= PROVISIO_HOME= PROVISIO_DB= PROVISIO_STORE= "
          "PROVISIO_CORPUS= NO_COLOR=1 COLUMNS=100 USER=officer PROVISIO_TODAY=" + kToday + " && ";
  }
  std::vector<std::string> run(const std::string& command) {
    fs::path script = dir / "example.sh";
    provisio::testing::write_file(script.string(), "exec 2>&1\n" + env + command + "\n");
    auto r = provisio::testing::run_program("sh '" + script.string() + "'");
    return split_lines(shown_as(shown_as(r.out, dir / "home", "/home/me"), dir / "", ""));
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(ellipsis_matches_any_number_of_lines) {
  BOOST_TEST(matches({"a", kEllipsis, "z"}, 0, {"a", "z"}, 0));
  BOOST_TEST(line_matches("done in […] s", "done in 0.08 s"));
  BOOST_TEST(!line_matches("done in […] s", "done in 0.08 ms"));
  BOOST_TEST(matches({"a", kEllipsis, "z"}, 0, {"a", "b", "c", "z"}, 0));
  BOOST_TEST(!matches({"a", kEllipsis, "z"}, 0, {"a", "b"}, 0));
  BOOST_TEST(!matches({"a", "b"}, 0, {"a", "b", "c"}, 0));
  BOOST_TEST((shortened_like({"a", kEllipsis}, {"1", "2", "3"}) == std::vector<std::string>{"1", kEllipsis}));
  BOOST_TEST((shortened_like({"at […]", "b"}, {"at 10:00", "c"}) == std::vector<std::string>{"at […]", "c"}));
}

BOOST_AUTO_TEST_CASE(readme_examples_print_what_the_readme_says) {
  std::vector<std::string> lines = split_lines(read_file(kReadme));
  std::vector<Example> examples = examples_in(lines);
  BOOST_TEST_REQUIRE(examples.size() >= 20u);
  bool update = std::getenv("PROVISIO_README_UPDATE") != nullptr;
  Sandbox sandbox;
  std::size_t ran = 0;
  // Outputs replaced from the last example up, so earlier line numbers stay valid.
  std::vector<std::pair<const Example*, std::vector<std::string>>> updates;
  for (const Example& e : examples) {
    if (!runs(e.command)) continue;
    ++ran;
    std::vector<std::string> actual = sandbox.run(e.command);
    if (matches(e.expected, 0, actual, 0)) continue;
    if (update) {
      updates.emplace_back(&e, shortened_like(e.expected, actual));
      continue;
    }
    std::string got;
    for (const auto& l : actual) got += l + "\n";
    BOOST_ERROR("README.md:" << e.line << ": `" << e.command << "` printed:\n" << got);
  }
  BOOST_TEST(ran >= 20u);
  if (update && !updates.empty()) {
    for (auto it = updates.rbegin(); it != updates.rend(); ++it) {
      const Example& e = *it->first;
      lines.erase(lines.begin() + static_cast<long>(e.output_begin), lines.begin() + static_cast<long>(e.output_end));
      lines.insert(lines.begin() + static_cast<long>(e.output_begin), it->second.begin(), it->second.end());
    }
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    provisio::testing::write_file(kReadme, text);
    BOOST_TEST_MESSAGE("README.md: " << updates.size() << " example outputs rewritten");
  }
}
