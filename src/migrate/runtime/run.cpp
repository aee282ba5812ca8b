// Online and offline runs around the shared Runner.
#include "migrate/runtime/run.hpp"

#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/db/advisory_lock.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/db/version_table.hpp"

namespace migrate::runtime {

namespace {

db::VersionTable table_of(const Project& project) {
  return {project.config().version_table, project.config().version_table_schema};
}

std::vector<graph::Step> plan(const Project& project, Goal goal, const std::vector<std::string>& current,
                              const std::string& target) {
  return goal == Goal::Upgrade ? graph::plan_upgrade(project.map(), current, target)
                               : graph::plan_downgrade(project.map(), current, target);
}

}  // namespace

RunResult run_online(const Project& project, Goal goal, const std::string& target, StepObserver& observer) {
  const auto& cfg = project.config();
  auto connection = db::connect(cfg.url);
  db::AdvisoryLock lock(*connection, cfg.version_table, cfg.lock_timeout_seconds);
  OnlineSink sink(*connection);
  RunResult result;
  try {
    sink.begin();
    bool exists = db::version_table_exists(sink.transaction(), table_of(project));
    result.before = exists ? db::read_heads(sink.transaction(), table_of(project)) : std::vector<std::string>{};
    auto steps = plan(project, goal, result.before, target);
    Runner runner(project, sink, observer);
    runner.set_committed_heads(result.before);
    // Alembic creates the table on the first upgrade even when nothing is left to run.
    result.steps = runner.run(steps, !exists);
    sink.commit();
    runner.mark_committed();
    result.after = runner.committed_heads();
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError("connection lost: " + db::server_message(e) + "; the open transaction was rolled back");
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError(db::server_message(e));
  }
  return result;
}

RunResult run_offline(const Project& project, Goal goal, const std::vector<std::string>& start,
                      const std::string& target, std::ostream& out, StepObserver& observer) {
  OfflineSink sink(out);
  RunResult result;
  result.before = start;
  auto steps = plan(project, goal, start, target);
  Runner runner(project, sink, observer);
  runner.set_committed_heads(start);
  sink.begin();
  result.steps = runner.run(steps, start.empty() && goal == Goal::Upgrade);
  sink.commit();
  runner.mark_committed();
  result.after = runner.committed_heads();
  return result;
}

std::vector<std::string> read_current_heads(const Project& project) {
  auto connection = db::connect(project.config().url);
  try {
    pqxx::read_transaction tx(*connection);
    return db::read_heads(tx, table_of(project));
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError("connection lost: " + db::server_message(e));
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError(db::server_message(e));
  }
}

}  // namespace migrate::runtime
