// pending: the revisions `upgrade TARGET` would run, in the order it runs them, read-only.
// Alembic has no such command (`history -r current:heads` includes the current revision and
// follows only the current revision's own line); this is the planner's answer, without a lock.
#include <fmt/format.h>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/revision_text.hpp"
#include "migrate/graph/plan.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

namespace {

int pending(Context& ctx, const std::string& target) {
  const auto& project = ctx.project();
  const auto& map = project.map();
  auto current = runtime::read_current_heads(project);
  runtime::check_known(project, current);
  auto steps = graph::plan_upgrade(map, current, target);
  RevisionText text(map);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& step : steps) {
    const auto& rev = map.get(step.revision);
    list.push_back(text.json(rev));
    if (!ctx.json()) ctx.print(text.history_line(rev));
  }
  if (steps.empty()) ctx.info(fmt::format("Nothing to upgrade: the database is at {}", target));
  if (ctx.json()) ctx.document() = {{"command", "pending"}, {"target", target}, {"revisions", list}};
  return 0;
}

}  // namespace

void add_pending_command(CLI::App& app, Action& chosen) {
  auto target = std::make_shared<std::string>("head");
  auto* p = app.add_subcommand("pending", "List the revisions an upgrade to the target would run, oldest first");
  p->add_option("revision", *target, "target, as for upgrade (default: head)");
  on_run(p, chosen, [target](Context& ctx) { return pending(ctx, *target); });
}

}  // namespace migrate::cli
