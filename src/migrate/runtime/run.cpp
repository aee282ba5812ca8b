// Online and offline runs around the shared Runner.
#include "migrate/runtime/run.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <random>

#include <migrate/compiled_project.hpp>
#include <migrate/error.hpp>
#include <migrate/version.hpp>

#include "migrate/db/interrupt.hpp"
#include "migrate/db/session.hpp"
#include "migrate/graph/stamp.hpp"
#include "migrate/script/python_revisions.hpp"
#include "migrate/script/sql_objects.hpp"
#include "migrate/runtime/environment.hpp"
#include "migrate/runtime/lock_retry.hpp"
#include "migrate/runtime/offline_sink.hpp"
#include "migrate/runtime/verify.hpp"

namespace migrate::runtime {

namespace {
// A read-only command left a .cpp not compiled in out of the graph: the unknown row is
// most likely that revision (a teammate's, pulled but not built), so say to rebuild.
void check_known_when_unbuilt(const script::Project& project, const std::vector<std::string>& current) {
  if (project.unbuilt().empty()) return;
  for (const auto& id : current)
    if (!project.map().contains(id))
      throw RevisionError(fmt::format("the database is at {}, which no revision built into this binary defines; {} "
                                      "not compiled in: {}",
                                      id, fmt::join(project.unbuilt(), ", "), rebuild_advice()));
}
}  // namespace

void check_known(const script::Project& project, const std::vector<std::string>& current) {
  check_known_when_unbuilt(project, current);
  for (const auto& id : current) {
    if (project.map().contains(id)) continue;
    // Say what the row most likely is; never suggest `stamp --purge`, which throws away
    // state that another tool or a file not yet here still relies on.
    const auto& python = project.unported_python();
    std::string why;
    if (auto file = script::python_defining(python, id))
      why = fmt::format("it is the Alembic revision {}, which migrate does not run: convert it with "
                        "`migrate import alembic`",
                        *file);
    else if (!python.empty())
      why = script::unported_notice(python);
    else
      why = "a revision of another tool or project sharing this version table (give this project its own "
            "version_table), a revision file not in this checkout yet, or a revision added since this binary "
            "was built";
    throw RevisionError(fmt::format("the database is at {}, which no revision of this project defines: {}", id, why));
  }
}

namespace {

const char* verb(Goal goal) {
  switch (goal) {
    case Goal::Upgrade: return "upgrade";
    case Goal::Downgrade: return "downgrade";
    case Goal::To: return "to";
    case Goal::Stamp: return "stamp";
    case Goal::EnsureVersion: return "ensure_version";
    case Goal::Repair: return "repair";
  }
  return "";
}

// Writing the version table while the team's revisions are .py files migrate cannot see
// would record a state Alembic and migrate disagree on.
void refuse_unported(const script::Project& project, Goal goal) {
  if (const auto& python = project.unported_python(); !python.empty())
    throw RevisionError(fmt::format("refusing to {}: {}", verb(goal), script::unported_notice(python)));
}

std::vector<graph::Step> plan(const script::Project& project, const Request& r, const std::vector<std::string>& current) {
  const auto& map = project.map();
  if (r.goal == Goal::EnsureVersion) return {};
  if (r.goal == Goal::Repair) {
    check_known(project, current);
    return {};
  }
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
    case Goal::EnsureVersion:
    case Goal::Repair: break;
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

Provenance provenance(bool online) {
  Provenance p{fmt::format("migrate {}", tool_version()), online, {}};
  char host[256] = {};
  if (online && gethostname(host, sizeof host - 1) == 0) p.client_host = host;
  return p;
}

// Only the moves that run revisions refuse a changed source: stamp and ensure_version are how
// a person recovers, repair is how they accept it.
bool verified_first(Goal goal) { return goal == Goal::Upgrade || goal == Goal::Downgrade || goal == Goal::To; }

// After the run's transaction was rolled back: what it did and what failed, on their own.
// Never hides the run's error: a failure to record is added to its detail.
void record_failure(db::Session& session, const EnvironmentContext& env, const script::Project& project,
                    const Runner& runner, DatabaseError& error) {
  auto rows = runner.failure_rows();
  if (rows.empty()) return;
  try {
    session.rollback();
    auto& sink = session.sink();
    sink.begin();
    apply_session_settings(env, sink);
    const auto& table = project.history_table();
    if (!session.history(table, false, 0)) sink.execute(table.create_sql());
    for (const auto& row : rows) sink.execute(table.insert_sql(row));
    sink.commit();
  } catch (const std::exception& e) {
    error.set_detail(error.detail() + fmt::format("\n(the failure could not be recorded in {}: {})",
                                                  project.history_table().qualified(), e.what()));
  }
}

}  // namespace

RunResult run_online(const script::Project& project, const Request& request, StepObserver& observer) {
  return run_online(project, request, observer, prepare_environment(project.config(), false));
}

namespace {

// After a refused CREATE INDEX CONCURRENTLY: the INVALID index it may leave is dropped, so a
// retry (or the person running again) finds the table as before. What was done, for the message.
std::string drop_leftover_index(db::Session& session, const std::string& statement) {
  auto index = script::concurrent_index_in(statement);
  if (!index) return "";
  try {
    std::string dropped = session.drop_invalid_index(index->name, index->table);
    return dropped.empty() ? "" : "; dropped the INVALID index " + dropped + " it left";
  } catch (const DatabaseError& e) {
    return fmt::format("; the INVALID index {} it may have left could not be dropped: {}", index->name, e.what());
  }
}

}  // namespace

RunResult run_online(const script::Project& project, const Request& request, StepObserver& observer,
                     const EnvironmentContext& env) {
  refuse_unported(project, request.goal);
  const auto& cfg = project.config();
  const auto& table = project.version_table();
  db::Session session(env.url);
  session.lock(table, cfg.run_lock_timeout_seconds, cfg.lock_lease_seconds);
  session.set_timeouts(cfg.statement_lock_timeout, cfg.statement_timeout);
  auto& sink = session.sink();
  sink.begin();
  apply_session_settings(env, sink);
  auto rows = session.versions(table);
  auto history = session.history(project.history_table());
  RunResult result;
  result.before = rows.value_or(std::vector<std::string>{});
  const auto steps = plan(project, request, result.before);

  const auto verification = verify(project, result.before, history.value_or(std::vector<ops::HistoryEntry>{}));
  if (verified_first(request.goal) && !request.ignore_changed && !verification.clean())
    throw ChangedError(fmt::format("refusing to {}: {}; see `migrate verify`, then `migrate repair` once the "
                                   "database is known to match, or pass --ignore-changed",
                                   verb(request.goal), describe(verification)));
  Runner runner(project, sink, observer, request.tag, run_timeouts(cfg, env, true), provenance(true));
  // Alembic creates the table on the first upgrade even when nothing is left to run.
  result.created_version_table = !rows;
  // What the history needs before the steps, from what the database durably holds (read again
  // before a retry): the table if missing; an `adopted` row for each applied revision it does
  // not know (migrated by Alembic or an older migrate: silently); for repair, the current
  // checksums of the changed revisions, and a row going down for each gone one.
  auto history_start = [&] {
    auto now = verify(project, rows.value_or(std::vector<std::string>{}),
                      history.value_or(std::vector<ops::HistoryEntry>{}));
    HistoryStart start{.create_table = !history, .rows = {}};
    result.adopted = now.unrecorded;
    for (const auto& id : now.unrecorded) start.rows.push_back(runner.history_row(id, true, ops::Outcome::Adopted));
    result.repaired.clear();
    if (request.goal == Goal::Repair) {
      // (plan() refused version rows no revision defines: those need a stamp, not a repair.)
      for (const auto& c : now.changed) {
        start.rows.push_back(runner.history_row(c.revision, true, ops::Outcome::Repaired));
        result.repaired.push_back(c.revision);
      }
      for (const auto& g : now.gone) {
        start.rows.push_back(runner.history_row(g, false, ops::Outcome::Repaired));
        result.repaired.push_back(g);
      }
    }
    return start;
  };

  try {
    // A step that met lock_timeout is run again, with what follows it, from where the
    // database durably is: the whole run in one-transaction mode, the step itself per migration.
    std::mt19937 random(std::random_device{}());
    std::vector<std::string> start = result.before;
    size_t first = 0;  // steps[first..] are what is left to run
    for (int attempt = 0;; ++attempt) {
      try {
        auto reports =
            runner.run(start, {steps.begin() + static_cast<long>(first), steps.end()}, !rows, history_start());
        result.steps.insert(result.steps.end(), reports.begin(), reports.end());
        break;
      } catch (const DatabaseError& e) {
        if (!e.refused_statement()) throw;
        session.rollback();
        std::string cleanup = drop_leftover_index(session, e.statement());
        const bool retry = e.reason() == DatabaseError::Reason::LockNotAvailable && attempt < cfg.lock_retries &&
                           runner.failed_step_left_nothing();
        if (!retry) {
          DatabaseError error(e.what() + cleanup + (attempt > 0 ? fmt::format(" (after {} retries)", attempt) : ""),
                              e.reason(), e.statement());
          error.set_detail(e.detail());
          throw error;
        }
        const size_t failed = first + runner.reports().size();  // the step that met the timeout
        const auto& committed = runner.reports();
        result.steps.insert(result.steps.end(), committed.begin(),
                            committed.begin() + static_cast<long>(runner.committed_steps()));
        first += runner.committed_steps();
        auto delay = retry_delay(attempt, random);
        std::string holders = session.lock_holders(script::relations_in(e.statement()));
        observer.note(fmt::format("{} met lock_timeout{}; retry {} of {} in {} ms, from {}", describe_step(steps[failed]),
                                  holders.empty() ? "" : "; blocked by " + holders, attempt + 1, cfg.lock_retries,
                                  delay.count(), heads_text(runner.committed_heads())) + cleanup);
        try {
          interruptible_sleep(delay);
        } catch (const InterruptedError& interrupted) {
          throw InterruptedError(interrupted.signal(), fmt::format("{}; database remains at {}", interrupted.what(),
                                                                   heads_text(runner.committed_heads())));
        }
        sink.begin();
        apply_session_settings(env, sink);
        rows = session.versions(table);
        history = session.history(project.history_table());
        start = rows.value_or(std::vector<std::string>{});
      }
    }
    try {
      // A signal after the last step still stops the run: nothing is committed yet.
      db::throw_if_interrupted(fmt::format("before COMMIT; rolled back, database remains at {}",
                                           heads_text(runner.committed_heads())).c_str());
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
  } catch (DatabaseError& e) {
    // The server refused a statement: the connection lives on to say so. A lost connection
    // or a COMMIT in doubt leaves nothing to write through.
    if (e.refused_statement()) record_failure(session, env, project, runner, e);
    throw;
  }
  runner.mark_committed();
  result.after = runner.committed_heads();
  return result;
}

RunResult run_offline(const script::Project& project, const Request& request, const std::vector<std::string>& start,
                      std::ostream& out, StepObserver& observer) {
  refuse_unported(project, request.goal);
  OfflineSink sink(out);
  RunResult result;
  result.before = start;
  auto steps = plan(project, request, start);
  bool create = offline_creates_table(request.goal, start, steps);
  auto env = prepare_environment(project.config(), true);
  Runner runner(project, sink, observer, request.tag, run_timeouts(project.config(), env, false), provenance(false));
  sink.begin();
  apply_session_settings(env, sink);
  result.created_version_table = create;
  // The script records its steps as it runs them, in whatever database that is: the history
  // table is created if missing, the times and the client host are the server's.
  result.steps = runner.run(start, std::move(steps), create, {.create_table = true, .rows = {}});
  sink.commit();
  runner.mark_committed();
  result.after = runner.committed_heads();
  return result;
}

RecordedState read_recorded_state(const script::Project& project, bool newest_first, std::optional<long long> limit) {
  auto env = prepare_environment(project.config(), false);
  db::Session session(env.url);
  auto& sink = session.sink();
  sink.begin();
  apply_session_settings(env, sink);
  RecordedState state;
  state.heads = session.versions(project.version_table()).value_or(std::vector<std::string>{});
  state.history = session.history(project.history_table(), newest_first, limit);
  sink.commit();
  return state;
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
