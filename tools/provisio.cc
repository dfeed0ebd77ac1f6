// provisio: the command-line front end. It only parses the command line, dispatches to a
// subcommand and turns failures into one line on stderr and an exit status (cli_main.h).
//
// This is the program users start. It holds the commands on the index and links only what they
// need, so that a search starts fast; every other command runs in provisio-full, which it execs
// in its place with the command line unchanged (full_program.h says why and how).
#include "cli_main.h"
#include "full_program.h"

int main(int argc, char** argv) {
  using namespace provisio::cli;
  remember_command_line(argc, argv);
  return run_command_line(argc, argv,
                          {add_index_command, add_search_command, add_show_command, add_diff_command,
                           add_history_command, add_list_command, add_stats_command, add_analyze_command,
                           add_segment_command},
                          run_full_program);
}
