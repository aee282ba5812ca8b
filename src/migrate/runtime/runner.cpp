// The step loop: record a revision's operations, render them, send them, move the version table.
#include "migrate/runtime/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include <migrate/error.hpp>

#include "migrate/config/secrets.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/ops/render_sql.hpp"

namespace migrate::runtime {

std::string describe_step(const graph::Step& step) {
  return (step.direction == graph::Direction::Up ? "upgrade " : "downgrade ") + graph::step_arrow(step);
}

std::string heads_text(const std::vector<std::string>& heads) {
  return heads.empty() ? "<base>" : fmt::format("{}", fmt::join(heads, ", "));
}

Runner::Runner(const Project& project, Sink& sink, StepObserver& observer)
    : project_(project), sink_(sink), observer_(observer) {
  table_.name = project.config().version_table;
  table_.schema = project.config().version_table_schema;
}

std::vector<StepReport> Runner::run(const std::vector<graph::Step>& steps, bool create_version_table) {
  pending_ = committed_;
  if (create_version_table) sink_.execute(table_.create_sql());
  std::vector<StepReport> reports;
  observer_.planned(steps.size());
  const bool per_migration = project_.config().transaction_per_migration;
  for (size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i];
    const auto& rev = project_.revision(step.revision);
    observer_.started(step, rev.meta.message);
    auto start = std::chrono::steady_clock::now();
    partial_ = false;
    try {
      run_step(step);
      if (per_migration && sink_.in_transaction()) {
        sink_.commit();
        committed_ = pending_;
      }
    } catch (const pqxx::in_doubt_error& e) {
      throw DatabaseError(fmt::format("{} failed: the connection broke during COMMIT, its outcome is unknown ({}); "
                                      "the database is at {} or {}: check with `migrate current`",
                                      describe_step(step), db::server_message(e), heads_text(committed_),
                                      heads_text(pending_)));
    } catch (const pqxx::broken_connection& e) {
      throw DatabaseError(fmt::format("{} failed: connection lost ({}); {}", describe_step(step),
                                      db::server_message(e), fate(step)));
    } catch (const pqxx::sql_error& e) {
      DatabaseError error(fmt::format("{} ({}) failed: {}; {}", describe_step(step), rev.meta.message,
                                      db::server_message(e), fate(step)));
      error.set_detail(fmt::format("{}\nrevision file: {}\nfailing statement:\n{}",
                                   config::redact_secrets(e.what()), rev.meta.path,
                                   config::redact_secrets(e.query())));
      throw error;
    }
    if (per_migration && i + 1 < steps.size() && !sink_.in_transaction()) sink_.begin();
    StepReport report{step, rev.meta.message,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    observer_.finished(report);
    reports.push_back(std::move(report));
  }
  return reports;
}

std::string Runner::fate(const graph::Step& step) const {
  if (!partial_) return "rolled back, database remains at " + heads_text(committed_);
  // Statements of an autocommit block cannot be rolled back: the schema is ahead of the table.
  return fmt::format("statements of {} outside a transaction (its autocommit block) stay committed while the "
                     "version table says {}: check the database before running again",
                     step.revision, heads_text(committed_));
}

void Runner::run_step(const graph::Step& step) {
  const auto& rev = project_.revision(step.revision);
  Ops op(project_.config().x_arguments, project_.config().tag);
  try {
    rev.body(op, step.direction);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw RevisionError(fmt::format("{} ({}): the revision body threw: {}", describe_step(step), rev.meta.path, e.what()));
  }
  sink_.comment("Running " + describe_step(step));
  bool resume_transaction = false;
  for (const auto& operation : op.operations()) {
    if (std::holds_alternative<op::BeginAutocommit>(operation)) {
      // Alembic's autocommit_block: commit what came before, run outside a transaction.
      partial_ = true;
      resume_transaction = sink_.in_transaction();
      if (resume_transaction) {
        sink_.commit();
        committed_ = pending_;
      }
      continue;
    }
    if (std::holds_alternative<op::EndAutocommit>(operation)) {
      if (resume_transaction) sink_.begin();
      resume_transaction = false;
      continue;
    }
    for (const auto& sql : ops::render_sql(operation)) {
      observer_.statement(sql);
      sink_.execute(sql);
    }
  }
  apply_version_effect(step);
}

void Runner::apply_version_effect(const graph::Step& step) {
  const auto& remove = step.remove_versions;
  const auto& add = step.add_versions;
  if (remove.size() == 1 && add.size() == 1) {
    sink_.execute(table_.update_sql(remove[0], add[0]));
  } else {
    for (const auto& v : remove) sink_.execute(table_.delete_sql(v));
    for (const auto& v : add) sink_.execute(table_.insert_sql(v));
  }
  for (const auto& v : remove) pending_.erase(std::remove(pending_.begin(), pending_.end(), v), pending_.end());
  for (const auto& v : add) pending_.push_back(v);
  std::sort(pending_.begin(), pending_.end());
  if (!sink_.in_transaction()) committed_ = pending_;
}

}  // namespace migrate::runtime
