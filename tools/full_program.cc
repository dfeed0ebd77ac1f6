#include "full_program.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

namespace provisio::cli {

namespace {

char** remembered = nullptr;

}  // namespace

void remember_command_line(int, char** argv) { remembered = argv; }

int run_full_program() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    std::cerr << "provisio: cannot find this program's own path (/proc/self/exe): " << ec.message() << "\n";
    return 1;
  }
  std::string tried;
  for (const fs::path& candidate : {self.parent_path() / "provisio-full",
                                    self.parent_path() / PROVISIO_FULL_FROM_BINDIR}) {
    if (::access(candidate.c_str(), X_OK) != 0) {
      tried += (tried.empty() ? "" : ", ") + candidate.lexically_normal().string();
      continue;
    }
    char* fallback[] = {const_cast<char*>("provisio"), nullptr};
    char** argv = remembered ? remembered : fallback;
    ::execv(candidate.c_str(), argv);
    std::cerr << "provisio: cannot run " << candidate.string() << ": " << std::strerror(errno) << "\n";
    return 1;
  }
  std::cerr << "provisio: this command needs provisio-full, which is not installed (looked for " << tried << ")\n";
  return 1;
}

}  // namespace provisio::cli
