// provisio: the command-line front end. It only parses the command line, dispatches to a
// subcommand and turns failures into one line on stderr and an exit status:
// 0 success (zero results included), 1 bad input or runtime failure, 2 wrong usage.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <algorithm>
#include <iostream>

#include "commands.h"
#include "edit_distance.h"
#include "searcher.h"
#include "store.h"
#include "users.h"

namespace {


// "provisio serach …": name the command that was probably meant (CLI11 would only say that a
// subcommand is required).
bool report_unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  std::string typed = argv[1], best;
  std::size_t best_distance = 3;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == typed) return false;
    if (std::size_t d = provisio::edit_distance(typed, sub->get_name()); d < best_distance) {
      best_distance = d;
      best = sub->get_name();
    }
  }
  std::cerr << "provisio: unknown command '" << typed << "'"
            << (best.empty() ? "" : "; did you mean '" + best + "'?") << "\n"
            << "Run 'provisio --help' for the list of commands.\n";
  return true;
}

// `--color` on the command and on every subcommand, so it may come anywhere before the operands.
void add_colour_option(CLI::App& app, std::string& choice) {
  app.add_option("--color", choice, "Colour: auto (on a terminal, without NO_COLOR), always or never")
      ->check(CLI::IsMember(provisio::cli::kColourChoices));
  for (CLI::App* sub : app.get_subcommands({})) add_colour_option(*sub, choice);
}

// "provisio help search" is "provisio search --help"; "provisio help" alone is "provisio --help".
std::vector<std::string> expand_help(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  if (args.size() > 1 && args[1] == "help") {
    args.erase(args.begin() + 1);
    args.push_back("--help");
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) try {
  provisio::cli::Terminal terminal;
  CLI::App app{"provisio: search the CEPA and Greater Bay Area provisions on testing and certification",
               "provisio"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("provisio 0.1"));
  std::vector<std::pair<CLI::App*, provisio::cli::Run>> commands;
  auto add = [&](auto add_command) {
    auto run = add_command(app, terminal);
    commands.emplace_back(app.get_subcommands({}).back(), run);
  };
  add(provisio::cli::add_index_command);
  add(provisio::cli::add_search_command);
  add(provisio::cli::add_show_command);
  add(provisio::cli::add_diff_command);
  add(provisio::cli::add_history_command);
  add(provisio::cli::add_list_command);
  add(provisio::cli::add_stats_command);
  add(provisio::cli::add_import_command);
  add(provisio::cli::add_submission_command);
  add(provisio::cli::add_link_command);
  add(provisio::cli::add_report_command);
  add(provisio::cli::add_analyze_command);
  add(provisio::cli::add_segment_command);
  add(provisio::cli::add_serve_command);
  add(provisio::cli::add_user_command);
  app.add_subcommand("help", "Show a command's help: provisio help COMMAND is provisio COMMAND --help");
  std::string colour = "auto";
  add_colour_option(app, colour);
  std::vector<std::string> args = expand_help(argc, argv);
  std::vector<char*> arg_pointers;
  for (auto& a : args) arg_pointers.push_back(a.data());
  argc = static_cast<int>(arg_pointers.size());
  argv = arg_pointers.data();
  if (report_unknown_command(app, argc, argv)) return 2;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // An option the command does not know is the real mistake; CLI11 would report a missing
    // subcommand or argument first ("provisio -V", "provisio search --version").
    std::string unknown;
    for (const auto& arg : dynamic_cast<const CLI::RequiredError*>(&e) ? app.remaining(true) : std::vector<std::string>{})
      if (arg.size() > 1 && arg != "--" && arg[0] == '-' && arg.find_first_not_of("0123456789.", 1) != std::string::npos) {
        unknown = arg;
        break;
      }
    if (!unknown.empty())
      std::cerr << "provisio: unknown option '" << unknown.substr(0, unknown.find('=')) << "'\n";
    else
      std::cerr << "provisio: " << e.what() << "\n";
    std::cerr << "Run 'provisio --help' (or 'provisio COMMAND --help') for usage.\n";
    return 2;
  }
  terminal.set_colour_choice(colour);
  for (auto& [sub, run] : commands)
    if (sub->parsed()) return run();
  return 2;
} catch (const provisio::SearchError& e) {
  std::cerr << "provisio: " << e.what() << "\n";
  return 1;
} catch (const provisio::submissions::StoreError& e) {
  std::cerr << "provisio: " << e.what() << "\n";
  return 1;
} catch (const provisio::web::UserError& e) {
  std::cerr << "provisio: " << e.what() << "\n";
  return 1;
} catch (const Xapian::Error& e) {
  std::cerr << "provisio: index error: " << e.get_description() << "\n";
  return 1;
} catch (const std::exception& e) {
  std::cerr << "provisio: " << e.what() << "\n";
  return 1;
}
