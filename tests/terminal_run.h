// Running a command with a pseudo-terminal as its standard streams, so tests can check what
// Provisio does on a real terminal (colour, progress lines) and not only when output is a file.
#pragma once

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

namespace provisio::testing {

// Runs `command_line` through /bin/sh with stdin, stdout and stderr on one new pseudo-terminal,
// and returns everything it wrote there (both streams, in order). The terminal is 120 columns.
inline std::string run_on_terminal(const std::string& command_line) {
  winsize size{};
  size.ws_row = 40;
  size.ws_col = 120;
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) return "forkpty failed";
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", command_line.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  // read() fails with EIO once the child has exited and the terminal has no writer left.
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  return out;
}

}  // namespace provisio::testing
