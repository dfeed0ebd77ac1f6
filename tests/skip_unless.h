// Preconditions that skip a test, reported by Boost.Test as skipped rather than passed, when what
// it needs is not on this machine (../shared beside the project, an optional program).
//
//   BOOST_AUTO_TEST_CASE(uses_the_shared_corpus, *provisio::testing::skip_unless_exists(path)) { … }
#pragma once

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace provisio::testing {

// Skips unless `path` exists.
inline boost::unit_test::precondition skip_unless_exists(std::string path) {
  return boost::unit_test::precondition([path](boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result ok(std::filesystem::exists(path));
    if (!ok) ok.message() << "skipped: " << path << " is absent";
    return ok;
  });
}

// Skips unless `program` is on the PATH; `package` names the Debian package that has it.
inline boost::unit_test::precondition skip_unless_program(std::string program, std::string package) {
  return boost::unit_test::precondition([program, package](boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result ok(
        std::system(("command -v '" + program + "' >/dev/null 2>&1").c_str()) == 0);
    if (!ok) ok.message() << "skipped: " << program << " (Debian package " << package << ") is not installed";
    return ok;
  });
}

}  // namespace provisio::testing
