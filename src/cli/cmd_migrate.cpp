// upgrade and downgrade: online through the runner, or offline (--sql) as SQL text.
#include <fmt/format.h>

#include <iostream>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/step_output.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

namespace {

struct MoveOptions {
  std::string target;
  bool sql = false;
  std::string tag;
};

// "start:end" for offline runs; the start is a revision id or "base".
std::pair<std::vector<std::string>, std::string> split_range(Context& ctx, const std::string& spec) {
  auto colon = spec.find(':');
  if (colon == std::string::npos) return {{}, spec};
  std::string start = spec.substr(0, colon);
  std::string end = spec.substr(colon + 1);
  std::vector<std::string> heads;
  if (!start.empty() && start != "base") heads.push_back(ctx.project().map().get(start).id);
  return {heads, end};
}

int move(Context& ctx, runtime::Goal goal, const MoveOptions& o) {
  const auto& project = ctx.project();
  StepPrinter printer(ctx);
  const char* verb = goal == runtime::Goal::Upgrade ? "upgrade" : "downgrade";
  if (o.sql) {
    if (goal == runtime::Goal::Downgrade && o.target.find(':') == std::string::npos)
      throw UsageError("downgrade with --sql requires <fromrev>:<torev>");
    auto [start, end] = split_range(ctx, o.target);
    runtime::run_offline(project, goal, start, end, std::cout, printer);
    return 0;
  }
  if (o.target.find(':') != std::string::npos)
    throw UsageError(fmt::format("a range ({}) is only allowed with --sql", o.target));
  auto result = runtime::run_online(project, goal, o.target, printer);
  ctx.info(summary(goal == runtime::Goal::Upgrade ? "Upgraded" : "Downgraded", result));
  if (ctx.json()) {
    ctx.document() = to_json(result);
    ctx.document()["command"] = verb;
  }
  return 0;
}

}  // namespace

void add_migrate_commands(CLI::App& app, Action& chosen) {
  auto up = std::make_shared<MoveOptions>();
  up->target = "head";
  auto* upgrade = app.add_subcommand("upgrade", "Upgrade to a later version (default: head)");
  upgrade->add_option("revision", up->target, "target: head, heads, an id, label@head, +N, or start:end with --sql");
  upgrade->add_flag("--sql", up->sql, "print the SQL instead of running it (offline mode)");
  upgrade->add_option("--tag", up->tag, "an arbitrary tag, readable by revisions");
  on_run(upgrade, chosen, [up](Context& ctx) { return move(ctx, runtime::Goal::Upgrade, *up); });

  auto down = std::make_shared<MoveOptions>();
  auto* downgrade = app.add_subcommand("downgrade", "Revert to a previous version");
  downgrade->add_option("revision", down->target, "target: -1, base, an id, label@-1, or start:end with --sql")
      ->required();
  downgrade->add_flag("--sql", down->sql, "print the SQL instead of running it (offline mode)");
  downgrade->add_option("--tag", down->tag, "an arbitrary tag, readable by revisions");
  on_run(downgrade, chosen, [down](Context& ctx) { return move(ctx, runtime::Goal::Downgrade, *down); });
}

}  // namespace migrate::cli
