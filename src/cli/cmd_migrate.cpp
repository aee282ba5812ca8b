// Commands that move the database: upgrade, downgrade, to, stamp, ensure_version —
// online through the runner, or offline (--sql) as SQL text.
#include <fmt/format.h>


#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/step_output.hpp"
#include "migrate/graph/target.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

namespace {

struct MoveOptions {
  std::string target;
  bool sql = false;
  std::string tag;
  bool ignore_changed = false;
};

// The JSON document and the summary line every writing command ends with.
void report(Context& ctx, const char* command, const std::string& summary, const runtime::RunResult& result) {
  ctx.info(summary);
  if (ctx.json()) {
    ctx.document() = to_json(result);
    ctx.document()["command"] = command;
  }
}

int move(Context& ctx, runtime::Goal goal, const MoveOptions& o) {
  const auto& project = ctx.project();
  StepPrinter printer(ctx);
  const char* verb = goal == runtime::Goal::Upgrade ? "upgrade" : goal == runtime::Goal::Downgrade ? "downgrade" : "to";
  auto range = graph::parse_range(o.target);
  if (o.sql) {
    if (goal != runtime::Goal::Upgrade && !range)
      throw UsageError(fmt::format("{} with --sql requires <fromrev>:<torev>", verb));
    // The start of an offline range is where the script assumes the database is.
    std::vector<std::string> start;
    if (range && !range->start.empty()) start = graph::resolve_target(project.map(), range->start);
    print_offline(ctx, verb, {goal, {range ? range->end : o.target}, false, o.tag}, start, printer);
    return 0;
  }
  if (range) throw UsageError(fmt::format("a range ({}) is only allowed with --sql", o.target));
  auto result = runtime::run_online(project, {goal, {o.target}, false, o.tag, o.ignore_changed}, printer);
  bool up = !result.steps.empty() && result.steps.front().step.direction == graph::Direction::Up;
  report(ctx, verb, summary(up ? "Upgraded" : "Downgraded", result), result);
  return 0;
}

int stamp(Context& ctx, const std::vector<std::string>& targets, bool sql, bool purge) {
  StepPrinter printer(ctx);
  runtime::Request request{runtime::Goal::Stamp, targets, purge, {}};
  if (sql) {
    if (purge) throw UsageError("--purge has no meaning with --sql");
    // Offline there is no table to read: the output assumes base, as Alembic's does.
    print_offline(ctx, "stamp", request, {}, printer);
    return 0;
  }
  auto result = runtime::run_online(ctx.project(), request, printer);
  report(ctx, "stamp",
         fmt::format("Stamped {} -> {}", runtime::heads_text(result.before), runtime::heads_text(result.after)), result);
  return 0;
}

int ensure_version(Context& ctx, bool sql) {
  StepPrinter printer(ctx);
  runtime::Request request{runtime::Goal::EnsureVersion, {}, false, {}};
  if (sql) {
    print_offline(ctx, "ensure_version", request, {}, printer);
    return 0;
  }
  auto result = runtime::run_online(ctx.project(), request, printer);
  ctx.info(result.created_version_table ? "Created the version table" : "The version table exists");
  if (ctx.json()) ctx.document() = {{"command", "ensure_version"}, {"created", result.created_version_table}};
  return 0;
}

}  // namespace

void add_migrate_commands(CLI::App& app, Action& chosen) {
  auto up = std::make_shared<MoveOptions>();
  up->target = "head";
  auto* upgrade = app.add_subcommand("upgrade", "Upgrade to a later version (default: head)");
  upgrade->add_option("revision", up->target, "target: head, heads, an id, label@head, +N, or start:end with --sql");
  upgrade->add_flag("--sql", up->sql, "print the SQL instead of running it (offline mode)");
  upgrade->add_option("--tag", up->tag, "an arbitrary string revisions read with op.tag()");
  upgrade->add_flag("--ignore-changed", up->ignore_changed, "run although applied revisions changed (see verify)");
  on_run(upgrade, chosen, [up](Context& ctx) { return move(ctx, runtime::Goal::Upgrade, *up); });

  auto down = std::make_shared<MoveOptions>();
  auto* downgrade = app.add_subcommand("downgrade", "Revert to a previous version");
  downgrade->add_option("revision", down->target, "target: -1, base, an id, label@-1, or start:end with --sql")
      ->required();
  downgrade->add_flag("--sql", down->sql, "print the SQL instead of running it (offline mode)");
  downgrade->add_option("--tag", down->tag, "an arbitrary string revisions read with op.tag()");
  downgrade->add_flag("--ignore-changed", down->ignore_changed, "run although applied revisions changed (see verify)");
  on_run(downgrade, chosen, [down](Context& ctx) { return move(ctx, runtime::Goal::Downgrade, *down); });

  auto to = std::make_shared<MoveOptions>();
  auto* to_cmd = app.add_subcommand("to", "Upgrade or downgrade, whichever reaches the target");
  to_cmd->add_option("revision", to->target, "target: an id, label@head, base, +N, -N")->required();
  to_cmd->add_flag("--sql", to->sql, "print the SQL instead of running it (requires start:end)");
  to_cmd->add_flag("--ignore-changed", to->ignore_changed, "run although applied revisions changed (see verify)");
  on_run(to_cmd, chosen, [to](Context& ctx) { return move(ctx, runtime::Goal::To, *to); });

  struct StampOptions {
    std::vector<std::string> revisions;
    bool sql = false, purge = false;
  };
  auto st = std::make_shared<StampOptions>();
  auto* stamp_cmd = app.add_subcommand("stamp", "Set the version table to revision(s) without running any");
  stamp_cmd->add_option("revisions", st->revisions, "one or more targets: an id, head, heads, base")->required();
  stamp_cmd->add_flag("--sql", st->sql, "print the SQL instead of running it");
  stamp_cmd->add_flag("--purge", st->purge, "empty the version table first");
  on_run(stamp_cmd, chosen, [st](Context& ctx) { return stamp(ctx, st->revisions, st->sql, st->purge); });

  auto ev = std::make_shared<bool>(false);
  auto* ensure = app.add_subcommand("ensure_version", "Create the version table if it is missing");
  ensure->add_flag("--sql", *ev, "print the SQL instead of running it");
  on_run(ensure, chosen, [ev](Context& ctx) { return ensure_version(ctx, *ev); });
}

}  // namespace migrate::cli
