#include "cli_main.h"

#include <xapian.h>

#include <algorithm>
#include <iostream>

#include "edit_distance.h"

namespace provisio::cli {

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

int parse_and_run(int argc, char** argv, const std::vector<AddCommand>& commands, const std::function<int()>& others) {
  Terminal terminal;
  CLI::App app{"provisio: search the CEPA and Greater Bay Area provisions on testing and certification",
               "provisio"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("provisio 0.1"));
  std::vector<std::pair<CLI::App*, Run>> runs;
  for (AddCommand add : commands) {
    Run run = add(app, terminal);
    runs.emplace_back(app.get_subcommands({}).back(), run);
  }
  std::vector<std::string> args = expand_help(argc, argv);
  if (others) {
    bool ours = args.size() > 1 && std::any_of(runs.begin(), runs.end(), [&](const auto& r) {
                  return r.first->get_name() == args[1];
                });
    if (!ours) return others();
  }
  app.add_subcommand("help", "Show a command's help: provisio help COMMAND is provisio COMMAND --help");
  std::string colour = "auto";
  add_colour_option(app, colour);
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
  for (auto& [sub, run] : runs)
    if (sub->parsed()) return run();
  return 2;
}

}  // namespace

int run_command_line(int argc, char** argv, const std::vector<AddCommand>& commands,
                     const std::function<int()>& others) try {
  return parse_and_run(argc, argv, commands, others);
} catch (const Xapian::Error& e) {
  std::cerr << "provisio: index error: " << e.get_description() << "\n";
  return 1;
} catch (const std::exception& e) {  // SearchError, StoreError, UserError…: their messages are for the user
  std::cerr << "provisio: " << e.what() << "\n";
  return 1;
}

}  // namespace provisio::cli
