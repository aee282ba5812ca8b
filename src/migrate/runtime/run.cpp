// Online and offline runs around the shared Runner, and the version-table commands.
#include "migrate/runtime/run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include <migrate/error.hpp>

#include "migrate/db/advisory_lock.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/db/version_table.hpp"
#include "migrate/graph/queries.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/runtime/environment.hpp"

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

// libpqxx's errors as ours, for work that is not a revision step (those name their step).
template <class Fn>
auto with_db_errors(const std::string& what, Fn&& fn) {
  try {
    return fn();
  } catch (const pqxx::in_doubt_error& e) {
    throw DatabaseError(fmt::format("{}: the connection broke during COMMIT, its outcome is unknown: {}", what,
                                    db::server_message(e)));
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError(fmt::format("{}: connection lost: {}; the open transaction was rolled back", what,
                                    db::server_message(e)));
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError(fmt::format("{}: {}", what, db::server_message(e)));
  }
}

// A connection with the environment hook's URL and session settings, for the commands
// that only touch the version table: they must see the same table an upgrade does.
std::shared_ptr<pqxx::connection> open_session(const Project& project) {
  auto env = prepare_environment(project.config(), false);
  auto connection = db::connect(env.url);
  if (!env.session_settings.empty()) {
    with_db_errors("applying the session settings of migrations/env.cpp", [&] {
      pqxx::nontransaction tx(*connection);
      struct Direct final : Sink {
        explicit Direct(pqxx::nontransaction& t) : tx(t) {}
        void begin() override {}
        void commit() override {}
        bool in_transaction() const override { return false; }
        void execute(const std::string& sql) override { tx.exec(sql); }
        void comment(const std::string&) override {}
        pqxx::nontransaction& tx;
      } sink(tx);
      apply_session_settings(env, sink);
    });
  }
  return connection;
}

}  // namespace

RunResult run_online(const Project& project, Goal goal, const std::string& target, StepObserver& observer) {
  const auto& cfg = project.config();
  auto env = prepare_environment(cfg, false);
  auto connection = db::connect(env.url);
  db::AdvisoryLock lock(*connection, table_of(project).qualified(), cfg.lock_timeout_seconds);
  OnlineSink sink(*connection);
  RunResult result;
  std::vector<graph::Step> steps;
  bool exists = false;
  with_db_errors("reading the version table", [&] {
    sink.begin();
    apply_session_settings(env, sink);
    exists = db::version_table_exists(sink.transaction(), table_of(project));
    if (exists) result.before = db::read_heads(sink.transaction(), table_of(project));
  });
  steps = plan(project, goal, result.before, target);
  Runner runner(project, sink, observer);
  runner.set_committed_heads(result.before);
  // Alembic creates the table on the first upgrade even when nothing is left to run.
  result.steps = runner.run(steps, !exists);
  try {
    sink.commit();
  } catch (const pqxx::in_doubt_error& e) {
    throw DatabaseError(fmt::format("COMMIT of the run: the connection broke, its outcome is unknown: the "
                                    "database is at {} or {}; check with `migrate current`",
                                    heads_text(runner.committed_heads()), heads_text(runner.pending_heads())));
  } catch (const std::exception& e) {
    // Deferred constraints are checked here, after every step reported success.
    throw DatabaseError(fmt::format("COMMIT of the run failed: {}; rolled back, database remains at {}",
                                    db::server_message(e), heads_text(runner.committed_heads())));
  }
  runner.mark_committed();
  result.after = runner.committed_heads();
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
  // From base the script must create the table its first step writes to (`to` may go up).
  bool from_base_up = start.empty() && (goal == Goal::Upgrade ||
                                        (!steps.empty() && steps.front().direction == graph::Direction::Up));
  result.steps = runner.run(steps, from_base_up);
  sink.commit();
  runner.mark_committed();
  result.after = runner.committed_heads();
  return result;
}

std::vector<std::string> read_current_heads(const Project& project) {
  auto connection = open_session(project);
  return with_db_errors("reading the version table", [&] {
    pqxx::read_transaction tx(*connection);
    return db::read_heads(tx, table_of(project));
  });
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
  auto connection = open_session(project);
  auto table = table_of(project);
  db::AdvisoryLock lock(*connection, table.qualified(), project.config().lock_timeout_seconds);
  StampResult result;
  with_db_errors("stamp", [&] {
    pqxx::work tx(*connection);
    bool exists = db::version_table_exists(tx, table);
    if (exists) result.before = db::read_heads(tx, table);
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
  });
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
  auto connection = open_session(project);
  auto table = table_of(project);
  return with_db_errors("ensure_version", [&] {
    pqxx::work tx(*connection);
    if (db::version_table_exists(tx, table)) return false;
    tx.exec(table.create_sql());
    tx.commit();
    return true;
  });
}

void ensure_version_offline(const Project& project, std::ostream& out) {
  OfflineSink sink(out);
  sink.begin();
  sink.execute(table_of(project).create_sql());
  sink.commit();
}

}  // namespace migrate::runtime
