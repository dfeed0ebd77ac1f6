// Runs a program as a child process and measures it: wall time and peak resident memory (from
// wait4's rusage, so the figure is the child's own, not the benchmark's).
#pragma once

#include <string>
#include <vector>

namespace provisio::bench {

struct ProcessResult {
  int status = -1;       // exit status; -1 if it did not exit normally
  double seconds = 0;    // wall time from fork to exit
  double cpu_seconds = 0; // user + system time of the child (all its threads)
  // Peak resident memory (ru_maxrss). Linux counts the child from its fork, before exec, when it
  // is a copy of the caller: the figure is max(caller's size at fork, the program's own peak).
  double peak_rss_mb = 0;
  std::string out;       // standard output
  std::string err;       // standard error
};

// Runs argv[0] (looked up in PATH if it has no '/') with `argv`, standard input from /dev/null,
// and waits for it. Throws std::runtime_error if it cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace provisio::bench
