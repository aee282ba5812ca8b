// Online and offline runs around the shared Runner.
#include "migrate/runtime/run.hpp"

#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/db/advisory_lock.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/db/version_table.hpp"
#include "migrate/runtime/environment.hpp"
#include "migrate/graph/queries.hpp"
#include "migrate/graph/target_resolver.hpp"

#include <algorithm>
#include <set>

namespace migrate::runtime {

namespace {

db::VersionTable table_of(const Project& project) {
  return {project.config().version_table, project.config().version_table_schema};
}

// A row that names no revision means the database was migrated by another project (or a
// revision file was deleted): say so instead of "Can't locate revision".
void check_known(const Project& project, const std::vector<std::string>& current) {
  for (const auto& id : current)
    if (!project.map().contains(id))
      throw RevisionError(fmt::format("the database is at {}, which no revision of this project defines "
                                      "(wrong database or missing revision file? `stamp --purge` resets the table)",
                                      id));
}

std::vector<graph::Step> plan(const Project& project, Goal goal, const std::vector<std::string>& current,
                              const std::string& target) {
  check_known(project, current);
  switch (goal) {
    case Goal::Upgrade: return graph::plan_upgrade(project.map(), current, target);
    case Goal::Downgrade: return graph::plan_downgrade(project.map(), current, target);
    case Goal::To: return graph::plan_to(project.map(), current, target);
  }
  return {};
}

}  // namespace

RunResult run_online(const Project& project, Goal goal, const std::string& target, StepObserver& observer) {
  const auto& cfg = project.config();
  auto env = prepare_environment(cfg, false);
  auto connection = db::connect(env.url);
  db::AdvisoryLock lock(*connection, cfg.version_table, cfg.lock_timeout_seconds);
  OnlineSink sink(*connection);
  RunResult result;
  try {
    sink.begin();
    apply_session_settings(env, sink);
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
  apply_session_settings(prepare_environment(project.config(), true), sink);
  result.steps = runner.run(steps, start.empty() && goal == Goal::Upgrade);
  sink.commit();
  runner.mark_committed();
  result.after = runner.committed_heads();
  return result;
}

std::vector<std::string> read_current_heads(const Project& project) {
  auto connection = db::connect(prepare_environment(project.config(), false).url);
  try {
    pqxx::read_transaction tx(*connection);
    return db::read_heads(tx, table_of(project));
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError("connection lost: " + db::server_message(e));
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError(db::server_message(e));
  }
}

namespace {

std::vector<std::string> resolve_all(const Project& project, const std::vector<std::string>& targets,
                                     const std::vector<std::string>& current) {
  std::vector<std::string> out;
  for (const auto& t : targets)
    for (auto& id : graph::resolve_target(project.map(), t, current)) out.push_back(id);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The version table after stamping: a current head on the same line as a target (its
// ancestor or descendant) gives way to it; "base" clears everything.
std::vector<std::string> stamped_heads(const Project& project, const std::vector<std::string>& current,
                                       const std::vector<std::string>& destinations, bool purge, bool to_base) {
  std::set<std::string> keep;
  if (!purge && !to_base) {
    for (const auto& head : current) {
      if (!project.map().contains(head)) continue;  // an unknown row is not ours to keep
      auto up = graph::ancestors(project.map(), head);
      auto down = graph::descendants(project.map(), head);
      bool same_line = std::any_of(destinations.begin(), destinations.end(), [&](const std::string& d) {
        return d == head || std::find(up.begin(), up.end(), d) != up.end() ||
               std::find(down.begin(), down.end(), d) != down.end();
      });
      if (!same_line) keep.insert(head);
    }
  }
  keep.insert(destinations.begin(), destinations.end());
  return {keep.begin(), keep.end()};
}

bool names_base(const std::vector<std::string>& targets) {
  return std::find(targets.begin(), targets.end(), "base") != targets.end();
}

}  // namespace

StampResult stamp_online(const Project& project, const std::vector<std::string>& targets, bool purge) {
  const auto& cfg = project.config();
  auto connection = db::connect(prepare_environment(cfg, false).url);
  db::AdvisoryLock lock(*connection, cfg.version_table, cfg.lock_timeout_seconds);
  auto table = table_of(project);
  StampResult result;
  try {
    pqxx::work tx(*connection);
    bool exists = db::version_table_exists(tx, table);
    if (exists) {
      for (const auto& row : tx.exec("SELECT version_num FROM " + table.qualified())) result.before.push_back(row[0].c_str());
      std::sort(result.before.begin(), result.before.end());
    }
    // --purge exists to recover from rows no revision defines: don't read them.
    if (!purge) check_known(project, result.before);
    auto destinations = resolve_all(project, targets, purge ? std::vector<std::string>{} : result.before);
    result.after = stamped_heads(project, result.before, destinations, purge, names_base(targets));
    if (!exists) tx.exec(table.create_sql());
    for (const auto& v : result.before)
      if (!std::binary_search(result.after.begin(), result.after.end(), v)) tx.exec(table.delete_sql(v));
    for (const auto& v : result.after)
      if (!std::binary_search(result.before.begin(), result.before.end(), v)) tx.exec(table.insert_sql(v));
    tx.commit();
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError("connection lost: " + db::server_message(e) + "; the version table was not changed");
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError(db::server_message(e));
  }
  return result;
}

void stamp_offline(const Project& project, const std::vector<std::string>& targets, std::ostream& out) {
  // Offline there is no table to read: the output assumes base, as Alembic's does.
  auto destinations = resolve_all(project, targets, {});
  auto table = table_of(project);
  OfflineSink sink(out);
  sink.begin();
  sink.execute(table.create_sql());
  for (const auto& v : destinations) sink.execute(table.insert_sql(v));
  sink.commit();
}

bool ensure_version_online(const Project& project) {
  auto connection = db::connect(prepare_environment(project.config(), false).url);
  auto table = table_of(project);
  try {
    pqxx::work tx(*connection);
    if (db::version_table_exists(tx, table)) return false;
    tx.exec(table.create_sql());
    tx.commit();
    return true;
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError("connection lost: " + db::server_message(e));
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError(db::server_message(e));
  }
}

void ensure_version_offline(const Project& project, std::ostream& out) {
  OfflineSink sink(out);
  sink.begin();
  sink.execute(table_of(project).create_sql());
  sink.commit();
}

}  // namespace migrate::runtime
