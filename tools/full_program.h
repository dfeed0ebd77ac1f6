// Why `provisio` is two programs. Before main() runs, the dynamic loader maps and relocates every
// shared library a program needs, and the libraries behind PDF and OCR (poppler, Tesseract), mail
// (GMime, GLib), Word and HTML (libzip, gumbo), the web server (cpp-httplib, OpenSSL, ctemplate,
// libsodium), SQLite and spreadsheets (libxlsxwriter) are about 80 of the 96 the whole CLI needs:
// loading them was most of a `provisio search` (README, "Performance").
//
// So the installed `provisio` (provisio.cc) holds only the commands on the index — index, search,
// show, diff, history, list, stats, analyze, segment — and links only Xapian, ICU, OpenCC and
// pugixml. Everything else (import, submission, link, report, serve, user, `search --type
// submission`, the top-level --help and --version, a mistyped command) runs in provisio-full
// (provisio_full.cc: every command, the same code), which the front program execs in its place
// with the command line unchanged: same output, same exit status.
//
// Not thread-safe: call from main() only.
#pragma once

namespace provisio::cli {

// Keeps `argv` (which must outlive the process: main's own) for run_full_program().
void remember_command_line(int argc, char** argv);

// Replaces this process by provisio-full with the remembered command line. provisio-full is looked
// for beside this program (the build tree), then where `make install` puts it
// (libexec/provisio/ beside bin/). Returns only when that fails: 1, after one line on stderr.
int run_full_program();

}  // namespace provisio::cli
