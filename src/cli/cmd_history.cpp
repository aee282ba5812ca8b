// Commands about what was applied: log (the history table), verify (checksums against it),
// repair (accept the sources as they are now).
#include <fmt/format.h>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/step_output.hpp"
#include "migrate/runtime/run.hpp"
#include "migrate/runtime/verify.hpp"

namespace migrate::cli {

namespace {

nlohmann::json entry_json(const ops::HistoryEntry& e) {
  return {{"id", e.id},
          {"revision", e.revision},
          {"direction", e.direction},
          {"outcome", e.outcome},
          {"checksum", e.checksum.empty() ? nlohmann::json() : nlohmann::json(e.checksum)},
          {"started", e.started},
          {"finished", e.finished},
          {"duration_ms", e.duration_ms ? nlohmann::json(*e.duration_ms) : nlohmann::json()},
          {"tool_version", e.tool_version},
          {"db_user", e.db_user},
          {"client_host", e.client_host.empty() ? nlohmann::json() : nlohmann::json(e.client_host)}};
}

int log(Context& ctx, long long limit) {
  const auto& project = ctx.project();
  auto state = runtime::read_recorded_state(project, true, limit > 0 ? std::optional<long long>(limit) : std::nullopt);
  nlohmann::json list = nlohmann::json::array();
  if (!state.history) ctx.info(fmt::format("No history yet: {} is created by the first run that writes",
                                           project.history_table().qualified()));
  for (const auto& e : state.history.value_or(std::vector<ops::HistoryEntry>{})) {
    if (ctx.json()) {
      list.push_back(entry_json(e));
      continue;
    }
    // Newest first, one line a row: when, what, how it ended, how long, who and from where.
    ctx.print(fmt::format("{}  {:<4}  {:<12}  {:<11}  {:>8}  {}@{}  {}  {}", e.started, e.direction, e.revision,
                          e.outcome, e.duration_ms ? fmt::format("{} ms", *e.duration_ms) : std::string("-"),
                          e.db_user, e.client_host.empty() ? "?" : e.client_host, e.tool_version,
                          e.checksum.empty() ? std::string("-") : e.checksum.substr(0, 12)));
  }
  if (ctx.json()) ctx.document() = {{"command", "log"}, {"history", list}};
  return 0;
}

int verify(Context& ctx) {
  const auto& project = ctx.project();
  auto state = runtime::read_recorded_state(project);
  auto v = runtime::verify(project, state.heads, state.history.value_or(std::vector<ops::HistoryEntry>{}));
  if (ctx.json()) {
    nlohmann::json changed = nlohmann::json::array();
    for (const auto& c : v.changed)
      changed.push_back({{"revision", c.revision}, {"path", c.path}, {"recorded", c.recorded}, {"current", c.current}});
    ctx.document() = {{"command", "verify"}, {"changed", changed}, {"gone", v.gone}, {"unrecorded", v.unrecorded}};
  } else {
    for (const auto& c : v.changed) ctx.print(fmt::format("changed  {}  {}", c.revision, c.path));
    for (const auto& g : v.gone) ctx.print(fmt::format("gone     {}", g));
  }
  if (!v.unrecorded.empty())
    ctx.info(fmt::format("{} applied revision(s) have no history yet: the next run records them as adopted",
                         v.unrecorded.size()));
  if (v.clean()) {
    ctx.info("Every applied revision matches its source");
    return 0;
  }
  ctx.info("Applied revisions changed since they were applied: check the database, then `migrate repair`");
  return exit_code(ErrorKind::Changed);
}

int repair(Context& ctx) {
  StepPrinter printer(ctx);
  auto result = runtime::run_online(ctx.project(), {runtime::Goal::Repair, {}, false, {}}, printer);
  for (const auto& id : result.repaired) ctx.info("Recorded the current checksum of " + id);
  if (result.repaired.empty()) ctx.info("Nothing to repair: every applied revision matches its source");
  if (ctx.json()) ctx.document() = {{"command", "repair"}, {"repaired", result.repaired}, {"adopted", result.adopted}};
  return 0;
}

}  // namespace

void add_history_commands(CLI::App& app, Action& chosen) {
  auto limit = std::make_shared<long long>(0);
  auto* log_cmd = app.add_subcommand("log", "Show the history table: every step run, newest first");
  log_cmd->add_option("-n,--limit", *limit, "show only the newest N rows")->check(CLI::NonNegativeNumber);
  on_run(log_cmd, chosen, [limit](Context& ctx) { return log(ctx, *limit); });

  auto* verify_cmd =
      app.add_subcommand("verify", "List applied revisions whose source changed since they were applied, or is gone");
  on_run(verify_cmd, chosen, [](Context& ctx) { return verify(ctx); });

  auto* repair_cmd = app.add_subcommand("repair", "Record the current checksums of changed or gone revisions");
  on_run(repair_cmd, chosen, [](Context& ctx) { return repair(ctx); });
}

}  // namespace migrate::cli
