#include "process_runner.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace provisio::bench {

namespace {

std::string slurp_and_remove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::remove(path.c_str());
  return s.str();
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv) {
  if (argv.empty()) throw std::runtime_error("run_process: no program");
  char out_path[] = "/tmp/provisio-bench-out-XXXXXX";
  char err_path[] = "/tmp/provisio-bench-err-XXXXXX";
  int out_fd = ::mkstemp(out_path), err_fd = ::mkstemp(err_path);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("run_process: cannot create temporary files");
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  auto started = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("run_process: fork failed");
  if (pid == 0) {
    int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execvp(args[0], args.data());
    std::fprintf(stderr, "cannot run %s\n", args[0]);
    std::_Exit(127);
  }
  ::close(out_fd);
  ::close(err_fd);
  int raw = 0;
  struct rusage usage {};
  if (::wait4(pid, &raw, 0, &usage) < 0) throw std::runtime_error("run_process: wait4 failed");
  ProcessResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  r.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
  r.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
  r.out = slurp_and_remove(out_path);
  r.err = slurp_and_remove(err_path);
  if (r.status == 127 && r.err.rfind("cannot run", 0) == 0)
    throw std::runtime_error("cannot run " + argv[0]);
  return r;
}

}  // namespace provisio::bench
