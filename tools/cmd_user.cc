// provisio user add | token: the people who may use `provisio serve`.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "submission_support.h"
#include "users.h"

namespace provisio::cli {

namespace {

// One line from stdin; without echo when stdin is a terminal (after a prompt on stderr).
std::string read_password(const std::string& prompt) {
  bool tty = ::isatty(STDIN_FILENO);
  termios before{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &before);
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &before);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

Run add_user_command(CLI::App& root, const Terminal&) {
  auto* cmd = root.add_subcommand("user", "Add users of 'provisio serve' and renew their API tokens");
  cmd->require_subcommand(1);
  struct Args {
    std::string db, store, name;
  };
  auto args = std::make_shared<Args>();
  auto* add = cmd->add_subcommand("add", "Add a user: asks for the password, prints the API token");
  add_location_options(add, args->db, args->store);
  add->add_option("name", args->name, "User name (letters, digits, '.', '_', '-', '@')")->required();
  add->footer(
      "The password is read from stdin (without echo on a terminal), at least 8 characters, and kept\n"
      "only as an Argon2id hash. The API token is printed once on stdout: keep it.\n\n"
      "Examples:\n  provisio user add alice\n  printf '%s\\n' \"$PASSWORD\" | provisio user add alice");
  auto* token = cmd->add_subcommand("token", "Give a user a new API token (the old one stops working)");
  add_location_options(token, args->db, args->store);
  token->add_option("name", args->name, "User name")->required();
  return [=] {
    web::UserStore users(web::users_path(store_path(args->store)));
    try {
      if (add->parsed()) {
        std::string password = read_password("Password for " + args->name + ": ");
        std::cout << users.add(args->name, password) << "\n";
        std::cerr << "provisio: added user " << args->name << "; the line above is their API token\n";
      } else {
        std::cout << users.new_token(args->name) << "\n";
      }
    } catch (const web::UserError& e) {
      std::cerr << "provisio: " << e.what() << "\n";
      return 1;
    }
    return 0;
  };
}

}  // namespace provisio::cli
