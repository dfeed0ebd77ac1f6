// provisio-full: every command of `provisio`, in the order `provisio --help` lists them. The
// front program (provisio.cc) runs the commands on the index itself and execs this one for the
// rest (full_program.h); started directly, it behaves exactly as `provisio`.
#include "cli_main.h"

int main(int argc, char** argv) {
  using namespace provisio::cli;
  return run_command_line(argc, argv,
                          {add_index_command, add_search_command, add_show_command, add_diff_command,
                           add_history_command, add_list_command, add_stats_command, add_import_command,
                           add_submission_command, add_link_command, add_report_command, add_analyze_command,
                           add_segment_command, add_serve_command, add_user_command});
}
