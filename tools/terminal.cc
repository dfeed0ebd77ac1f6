#include "terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace provisio::cli {

Terminal::Terminal() {
  const char* no_color = std::getenv("NO_COLOR");
  bool colour_allowed = !(no_color && *no_color);
  const char* term = std::getenv("TERM");
  bool dumb = term && std::string_view(term) == "dumb";
  colour_out_ = colour_allowed && !dumb && isatty(STDOUT_FILENO);
  progress_ = isatty(STDERR_FILENO) && !dumb;
}

void Terminal::set_colour_choice(const std::string& choice) {
  if (choice == "always") colour_out_ = true;
  if (choice == "never") colour_out_ = false;
}

void Terminal::show_progress(const std::string& line) const {
  if (!progress_) return;
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  progress_shown_ = true;
}

void Terminal::end_progress() const {
  if (!progress_shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  progress_shown_ = false;
}

std::size_t terminal_columns() {
  if (!isatty(STDOUT_FILENO)) return 0;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

}  // namespace provisio::cli
