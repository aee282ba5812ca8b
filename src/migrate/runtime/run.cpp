// Online and offline runs around the shared Runner.
#include "migrate/runtime/run.hpp"

#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/db/session.hpp"
#include "migrate/graph/stamp.hpp"
#include "migrate/runtime/environment.hpp"
#include "migrate/runtime/offline_sink.hpp"

namespace migrate::runtime {

void check_known(const script::Project& project, const std::vector<std::string>& current) {
  for (const auto& id : current)
    if (!project.map().contains(id))
      throw RevisionError(fmt::format("the database is at {}, which no revision of this project defines "
                                      "(wrong database or missing revision file? `stamp --purge` resets the table)",
                                      id));
}

namespace {

const char* verb(Goal goal) {
  switch (goal) {
    case Goal::Upgrade: return "upgrade";
    case Goal::Downgrade: return "downgrade";
    case Goal::To: return "to";
    case Goal::Stamp: return "stamp";
    case Goal::EnsureVersion: return "ensure_version";
  }
  return "";
}

std::vector<graph::Step> plan(const script::Project& project, const Request& r, const std::vector<std::string>& current) {
  const auto& map = project.map();
  if (r.goal == Goal::EnsureVersion) return {};
  if (map.size() == 0)
    throw RevisionError(fmt::format("no revisions in {}: nothing to {}",
                                    fmt::join(project.config().version_locations, ", "), verb(r.goal)));
  // --purge exists to recover from rows no revision defines: don't read them.
  if (!(r.goal == Goal::Stamp && r.purge)) check_known(project, current);
  const std::string& target = r.targets.empty() ? std::string() : r.targets.front();
  switch (r.goal) {
    case Goal::Upgrade: return graph::plan_upgrade(map, current, target);
    case Goal::Downgrade: return graph::plan_downgrade(map, current, target);
    case Goal::To: return graph::plan_to(map, current, target);
    case Goal::Stamp: return graph::plan_stamp(map, current, r.targets, r.purge);
    case Goal::EnsureVersion: break;
  }
  return {};
}

// Offline there is no table to read: from base, the script creates the table the first
// step writes to, as Alembic's does (`to` may go either way).
bool offline_creates_table(Goal goal, const std::vector<std::string>& start, const std::vector<graph::Step>& steps) {
  if (!start.empty()) return false;
  if (goal == Goal::Upgrade || goal == Goal::Stamp || goal == Goal::EnsureVersion) return true;
  return !steps.empty() && steps.front().direction == graph::Direction::Up;
}

}  // namespace

RunResult run_online(const script::Project& project, const Request& request, StepObserver& observer) {
  return run_online(project, request, observer, prepare_environment(project.config(), false));
}

RunResult run_online(const script::Project& project, const Request& request, StepObserver& observer,
                     const EnvironmentContext& env) {
  const auto& cfg = project.config();
  db::Session session(env.url);
  session.lock(project.version_table(), cfg.lock_timeout_seconds);
  auto& sink = session.sink();
  sink.begin();
  apply_session_settings(env, sink);
  auto rows = session.versions(project.version_table());
  RunResult result;
  result.before = rows.value_or(std::vector<std::string>{});
  auto steps = plan(project, request, result.before);
  Runner runner(project, sink, observer, request.tag);
  // Alembic creates the table on the first upgrade even when nothing is left to run.
  result.created_version_table = !rows;
  result.steps = runner.run(result.before, std::move(steps), !rows);
  try {
    sink.commit();
  } catch (const DatabaseError& e) {
    if (e.reason() == DatabaseError::Reason::InDoubt)
      throw DatabaseError(fmt::format("COMMIT of the run: the connection broke, its outcome is unknown: the "
                                      "database is at {} or {}; check with `migrate current`",
                                      heads_text(runner.committed_heads()), heads_text(runner.pending_heads())),
                          e.reason());
    // Deferred constraints are checked here, after every step reported success.
    throw DatabaseError(fmt::format("COMMIT of the run failed: {}; rolled back, database remains at {}", e.what(),
                                    heads_text(runner.committed_heads())),
                        e.reason());
  }
  runner.mark_committed();
  result.after = runner.committed_heads();
  return result;
}

RunResult run_offline(const script::Project& project, const Request& request, const std::vector<std::string>& start,
                      std::ostream& out, StepObserver& observer) {
  OfflineSink sink(out);
  RunResult result;
  result.before = start;
  auto steps = plan(project, request, start);
  bool create = offline_creates_table(request.goal, start, steps);
  Runner runner(project, sink, observer, request.tag);
  sink.begin();
  apply_session_settings(prepare_environment(project.config(), true), sink);
  result.created_version_table = create;
  result.steps = runner.run(start, std::move(steps), create);
  sink.commit();
  runner.mark_committed();
  result.after = runner.committed_heads();
  return result;
}

std::vector<std::string> read_current_heads(const script::Project& project) {
  auto env = prepare_environment(project.config(), false);
  db::Session session(env.url);
  auto& sink = session.sink();
  sink.begin();
  apply_session_settings(env, sink);
  auto rows = session.versions(project.version_table());
  sink.commit();
  return rows.value_or(std::vector<std::string>{});
}

}  // namespace migrate::runtime
