// Builds the command tree, runs the chosen command, turns any error into one stderr line.
#include "cli/app.hpp"

#include <fmt/format.h>

#include <iostream>
#include <set>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "migrate/config/secrets.hpp"

namespace migrate::cli {

void on_run(CLI::App* sub, Action& chosen, Action action) {
  sub->callback([&chosen, action = std::move(action)] { chosen = action; });
}

namespace {

// CLI11 says "A subcommand is required" for a mistyped command; say what was typed.
std::string unknown_command(CLI::App& app, int argc, char** argv) {
  static const std::set<std::string> with_value = {"-c", "--config", "-n", "--name", "--url", "-x", "--format"};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (with_value.count(arg)) { ++i; continue; }
    if (arg.rfind("-", 0) == 0) continue;
    try {
      app.get_subcommand(arg);
      return "";
    } catch (const CLI::OptionNotFound&) {
      return arg;
    }
  }
  return "";
}

int report(Context& ctx, ErrorKind kind, const std::string& message, const std::string& detail = "") {
  std::string line = config::redact(message);
  std::cerr << "FAILED: " << line << '\n';
  if (ctx.options().raiseerr && !detail.empty()) std::cerr << config::redact(detail) << '\n';
  if (ctx.json()) {
    std::cout << nlohmann::json{{"error", {{"kind", kind_name(kind)}, {"code", exit_code(kind)}, {"message", line}}}}.dump(2)
              << '\n';
  }
  return exit_code(kind);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"migrate: Alembic-style schema migrations for PostgreSQL", "migrate"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "migrate 0.1.0");
  GlobalOptions options;
  app.add_option("-c,--config", options.config_file, "config file (default ./migrate.ini, else ./alembic.ini)")
      ->each([&options](const std::string&) { options.config_given = true; });
  app.add_option("-n,--name", options.name, "section of the config file to use (default migrate, or alembic)");
  app.add_option("--url", options.url, "database URL; overrides DATABASE_URL and the config file");
  app.add_option("-x", options.x, "key=value passed to revisions (Ops::x_arguments)")->allow_extra_args(false);
  app.add_flag("--raiseerr", options.raiseerr, "show the full detail of errors");
  app.add_flag("-q,--quiet", options.quiet, "no progress output on stderr");
  app.add_option("--format", options.format, "output format")->check(CLI::IsMember({"text", "json"}));

  Action chosen;
  add_migrate_commands(app, chosen);
  add_inspect_commands(app, chosen);
  add_revision_commands(app, chosen);
  add_project_commands(app, chosen);
  add_check_command(app, chosen);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    if (auto typed = unknown_command(app, argc, argv); !typed.empty()) {
      std::cerr << "FAILED: unknown command '" << config::redact(typed) << "' (see migrate --help)\n";
      return exit_code(ErrorKind::Usage);
    }
    std::cerr << "FAILED: " << config::redact(e.what()) << " (see migrate --help)\n";
    return exit_code(ErrorKind::Usage);
  }

  Context ctx(options);
  try {
    int code = chosen(ctx);
    if (ctx.json() && !ctx.document().empty()) std::cout << ctx.document().dump(2) << '\n';
    return code;
  } catch (const Error& e) {
    return report(ctx, e.kind(), e.what(), e.detail());
  } catch (const std::exception& e) {
    return report(ctx, ErrorKind::Internal, e.what());
  }
}

}  // namespace migrate::cli
