// Builds the command tree, runs the chosen command, turns any error into one stderr line.
#include "cli/app.hpp"

#include <fmt/format.h>

#include <iostream>
#include <set>

#include <migrate/compiled_checksums.hpp>
#include <migrate/embedded_sql.hpp>
#include <migrate/error.hpp>
#include <migrate/revision.hpp>
#include <migrate/version.hpp>

#include "cli/carried_text.hpp"
#include "cli/colour.hpp"
#include "cli/commands.hpp"
#include "migrate/config/secrets.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/db/interrupt.hpp"

namespace migrate::cli {

void on_run(CLI::App* sub, Action& chosen, Action action) {
  sub->callback([&chosen, action = std::move(action)] { chosen = action; });
}

namespace {

// CLI11 says "A subcommand is required" for a mistyped command; say what was typed.
std::string unknown_command(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    // An option that takes a value (as CLI11 knows it) skips that value: `--url U`.
    if (const CLI::Option* option = app.get_option_no_throw(arg); option && option->get_items_expected_min() > 0) {
      ++i;
      continue;
    }
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

// An error is one line whatever it quotes: a value typed or read (a 100 KB target, a
// revision id with a newline in it) keeps its head and tail, control characters become '?'.
std::string one_line(const std::string& message) {
  constexpr std::size_t keep = 400;
  std::string text = message;
  if (text.size() > 2 * keep + 64)
    text = fmt::format("{}... [{} bytes] ...{}", text.substr(0, keep), text.size() - 2 * keep,
                       text.substr(text.size() - keep));
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return text;
}

// Text that is not UTF-8 (a revision's message, a typed target) must not stop the JSON
// document: nlohmann::json throws on it unless told to replace the bytes.
std::string json_text(const nlohmann::json& document) {
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The one stderr line of a failure, and with --format json its document on stdout.
int fail(ErrorKind kind, const std::string& line, bool json) {
  std::cerr << colour::err(colour::Style::Red, "FAILED:") << ' ' << line << '\n';
  if (json)
    std::cout << json_text(nlohmann::json{{"error", {{"kind", kind_name(kind)}, {"code", exit_code(kind)}, {"message", line}}}})
              << '\n';
  return exit_code(kind);
}

int report(Context& ctx, ErrorKind kind, const std::string& message, const std::string& detail = "") {
  // Redacted before it is shortened, so no cut can split a password out of its pattern.
  std::string line = one_line(config::redact(message));
  int code = fail(kind, line, ctx.json());
  if (ctx.options().raiseerr && !detail.empty()) std::cerr << config::redact(detail) << '\n';
  return code;
}

// What a line CLI11 could not parse says for `option` (--format json, --color=always): a
// usage error still answers in the format and colour asked for. Empty: not given.
std::string typed_value(int argc, char** argv, const std::string& option) {
  std::string value;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == option && i + 1 < argc) value = argv[++i];
    else if (arg.rfind(option + "=", 0) == 0) value = arg.substr(option.size() + 1);
  }
  return value;
}

// Whether any of `flags` was typed (read before or beside CLI11: --version stops its parse).
bool typed_flag(int argc, char** argv, std::initializer_list<std::string_view> flags) {
  for (int i = 1; i < argc; ++i)
    for (auto flag : flags)
      if (argv[i] == flag) return true;
  return false;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"migrate: Alembic-style schema migrations for PostgreSQL", "migrate"};
  app.require_subcommand(1);
  // Global options may follow the command too (`migrate current --url ...`): a command
  // hands what it does not know to the top. Commands inherit this when they are added.
  app.fallthrough();
  app.set_version_flag("--version", std::string("migrate ") + tool_version(),
                       "show the version and exit; with -v, what the binary carries (revisions, heads, build id)");
  GlobalOptions options;
  app.add_option("-c,--config", options.config_file,
                 "config file (default: migrate.ini, else alembic.ini, in this folder or the nearest above it)");
  app.add_option("-n,--name", options.name, "section of the config file to use (default migrate, or alembic)");
  app.add_option("--url", options.url, "database URL; overrides DATABASE_URL and the config file");
  app.add_option("-x", options.x, "key=value passed to revisions (Ops::x_arguments)")->allow_extra_args(false);
  app.add_flag("--raiseerr", options.raiseerr, "show the full detail of errors");
  app.add_flag("-q,--quiet", options.quiet, "no progress output on stderr");
  app.add_option("--statement-lock-timeout", options.statement_lock_timeout,
                 "lock_timeout of each statement, e.g. 2s (0: wait for ever); overrides statement_lock_timeout");
  app.add_option("--statement-timeout", options.statement_timeout,
                 "statement_timeout of each statement, e.g. 10min (0: none); overrides statement_timeout");
  app.add_option("--lock-retries", options.lock_retries,
                 "how often a step that met the lock timeout is retried; overrides lock_retries");
  app.add_option("--format", options.format, "output format")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--log-level", options.log_level, "log level on stderr; overrides the config's log_level")
      ->check(CLI::IsMember({"debug", "info", "warning", "error"}));
  app.add_option("--color", options.color, "colour: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  Action chosen;
  add_migrate_commands(app, chosen);
  add_inspect_commands(app, chosen);
  add_pending_command(app, chosen);
  add_revision_commands(app, chosen);
  add_project_commands(app, chosen);
  add_check_command(app, chosen);
  add_history_commands(app, chosen);
  add_import_commands(app, chosen);
  add_graph_command(app, chosen);
  add_completion_commands(app, chosen);  // last: its script lists every command above

  colour::setup("auto");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --version -v (or --verbose): what the binary carries, not only its version.
    if (e.get_name() == "CallForVersion" && typed_flag(argc, argv, {"-v", "--verbose"})) {
      auto carried = script::carried(compiled_revisions(), compiled_checksums(), embedded_sql());
      if (typed_value(argc, argv, "--format") == "json") std::cout << json_text(carried_json(carried)) << '\n';
      else std::cout << carried_text(carried);
      return 0;
    }
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    const bool json = typed_value(argc, argv, "--format") == "json";
    if (auto color = typed_value(argc, argv, "--color"); !color.empty()) colour::setup(color);
    if (auto typed = unknown_command(app, argc, argv); !typed.empty())
      return fail(ErrorKind::Usage, "unknown command '" + one_line(config::redact(typed)) + "' (see migrate --help)", json);
    return fail(ErrorKind::Usage, one_line(config::redact(e.what())) + " (see migrate --help)", json);
  }
  colour::setup(options.color);

  db::handle_interrupts();
  // Who holds a lock or runs a statement, as pg_stat_activity shows it to the next run.
  std::string command = app.get_subcommands().empty() ? "" : app.get_subcommands().front()->get_name();
  db::set_application_name(fmt::format("migrate {} {}", tool_version(), command));
  Context ctx(options);
  try {
    int code = chosen(ctx);
    ctx.warn_unported();
    // Every command answers with one document, if only to say which it was.
    if (ctx.json()) {
      if (!ctx.document().contains("command")) ctx.document()["command"] = command;
      std::cout << json_text(ctx.document()) << '\n';
    }
    return code;
  } catch (const InterruptedError& e) {
    report(ctx, e.kind(), e.what(), e.detail());
    return e.exit_code();
  } catch (const Error& e) {
    return report(ctx, e.kind(), e.what(), e.detail());
  } catch (const std::exception& e) {
    return report(ctx, ErrorKind::Internal, e.what());
  }
}

}  // namespace migrate::cli
