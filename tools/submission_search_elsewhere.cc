// `search --type submission` in the front program (full_program.h): the submissions store and
// index need SQLite, which only provisio-full links, so this stands in for
// cmd_search_submissions.cc there and hands the whole command line over to provisio-full.
#include "full_program.h"
#include "submission_support.h"

namespace provisio::cli {

int run_submission_search(const std::string&, const std::string&, std::size_t, std::size_t, bool, const Terminal&) {
  return run_full_program();
}

}  // namespace provisio::cli
