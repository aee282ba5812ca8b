// The step loop: record every step's operations and render them, then send them and move
// the version table, step by step.
#include "migrate/runtime/runner.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include <migrate/error.hpp>

#include "migrate/db/interrupt.hpp"
#include "migrate/ops/quote.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/runtime/statement_summary.hpp"

namespace migrate::runtime {

std::string describe_step(const graph::Step& step) {
  const char* verb = step.stamp ? "stamp_revision " : step.direction == graph::Direction::Up ? "upgrade " : "downgrade ";
  return verb + graph::step_arrow(step);
}

std::string heads_text(const std::vector<std::string>& heads) {
  return heads.empty() ? "<base>" : fmt::format("{}", fmt::join(heads, ", "));
}

namespace {

// UTC as the history table's literals want it: "YYYY-MM-DD HH:MM:SS.ffffff".
std::string utc_text(std::chrono::system_clock::time_point t) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, micros % 1000000);
}

std::string set_sql(const char* name, const std::string& value) {
  return value.empty() ? fmt::format("SET {} TO DEFAULT", name) : fmt::format("SET {} = {}", name, ops::quote_literal(value));
}

}  // namespace

Runner::Runner(const script::Project& project, ops::Sink& sink, StepObserver& observer, std::string tag,
               RunTimeouts timeouts, Provenance provenance)
    : project_(project),
      sink_(sink),
      observer_(observer),
      tag_(std::move(tag)),
      timeouts_(std::move(timeouts)),
      provenance_(std::move(provenance)) {}

ops::HistoryRow Runner::history_row(const std::string& revision, bool up, ops::Outcome outcome) const {
  ops::HistoryRow row;
  row.revision = revision;
  row.up = up;
  if (project_.map().contains(revision)) row.checksum = project_.revision(revision).checksum;
  row.outcome = outcome;
  row.tool_version = provenance_.tool_version;
  if (provenance_.online) {
    auto now = std::chrono::system_clock::now();
    bool timed = running_.has_value();
    row.started = utc_text(timed ? step_started_ : now);
    row.finished = utc_text(now);
    if (timed) row.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - step_started_).count();
    row.client_host = provenance_.client_host;
  }
  return row;
}

std::vector<ops::HistoryRow> Runner::failure_rows() const {
  std::vector<ops::HistoryRow> out;
  for (size_t i = committed_; i < done_; ++i) {
    if (running_ && *running_ == i) continue;
    for (auto row : rows_[i]) {
      row.outcome = ops::Outcome::RolledBack;
      out.push_back(std::move(row));
    }
  }
  if (running_ && !steps_[*running_].stamp) {
    const auto& step = steps_[*running_];
    out.push_back(history_row(step.revision, step.direction == graph::Direction::Up, ops::Outcome::Failed));
  }
  return out;
}

std::vector<std::string> Runner::committed_heads() const {
  return graph::apply_steps(start_, std::span<const graph::Step>(steps_).first(committed_));
}

std::vector<std::string> Runner::pending_heads() const {
  return graph::apply_steps(start_, std::span<const graph::Step>(steps_).first(done_));
}

std::vector<Runner::Statement> Runner::prepare(const graph::Step& step) const {
  if (step.stamp) return {};
  const auto& rev = project_.revision(step.revision);
  Ops op(project_.config().x_arguments, tag_);
  try {
    rev.body(op, step.direction);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw RevisionError(fmt::format("{} ({}): the revision body threw: {}", describe_step(step), rev.meta.path, e.what()));
  }
  std::vector<Statement> out;
  // A revision's own timeouts bracket its statements, in whatever transaction they run.
  const auto& own = rev.timeouts;
  if (!own.lock_timeout.empty()) out.push_back({Statement::Kind::Setting, set_sql("lock_timeout", own.lock_timeout)});
  if (!own.statement_timeout.empty())
    out.push_back({Statement::Kind::Setting, set_sql("statement_timeout", own.statement_timeout)});
  for (const auto& operation : op.operations()) {
    if (std::holds_alternative<op::BeginAutocommit>(operation)) {
      out.push_back({Statement::Kind::BeginAutocommit, {}});
      continue;
    }
    if (std::holds_alternative<op::EndAutocommit>(operation)) {
      out.push_back({Statement::Kind::EndAutocommit, {}});
      continue;
    }
    try {
      for (auto& sql : ops::render_sql(operation)) out.push_back({Statement::Kind::Sql, std::move(sql)});
    } catch (const Error& e) {
      throw RevisionError(fmt::format("{} ({}): {}", describe_step(step), rev.meta.path, e.what()));
    }
  }
  if (!own.lock_timeout.empty()) out.push_back({Statement::Kind::Setting, set_sql("lock_timeout", timeouts_.lock_timeout)});
  if (!own.statement_timeout.empty())
    out.push_back({Statement::Kind::Setting, set_sql("statement_timeout", timeouts_.statement_timeout)});
  return out;
}

std::vector<StepReport> Runner::run(std::vector<std::string> start, std::vector<graph::Step> steps,
                                    bool create_version_table, HistoryStart history) {
  start_ = std::move(start);
  steps_ = std::move(steps);
  done_ = committed_ = 0;
  reports_.clear();
  rows_.clear();
  running_.reset();
  std::vector<std::vector<Statement>> prepared;
  prepared.reserve(steps_.size());
  for (const auto& step : steps_) prepared.push_back(prepare(step));

  if (create_version_table) sink_.execute(project_.version_table().create_sql());
  if (history.create_table) sink_.execute(project_.history_table().create_sql());
  for (const auto& row : history.rows) sink_.execute(project_.history_table().insert_sql(row));
  observer_.planned(steps_.size());
  const bool per_migration = project_.config().transaction_per_migration;
  for (size_t i = 0; i < steps_.size(); ++i) {
    const auto& step = steps_[i];
    const std::string message = step.stamp ? "" : project_.revision(step.revision).meta.message;
    observer_.started(step, message);
    auto start_time = std::chrono::steady_clock::now();
    step_started_ = std::chrono::system_clock::now();
    running_ = i;
    partial_ = step_durable_ = false;
    try {
      run_step(step, prepared[i]);
      if (per_migration && sink_.in_transaction()) commit_now();
    } catch (const InterruptedError& e) {
      // The open transaction is rolled back as the session closes, the lock released after it.
      throw InterruptedError(e.signal(), fmt::format("{} during {} ({}); {}", e.what(), describe_step(step), message,
                                                     fate(step)));
    } catch (const DatabaseError& e) {
      using Reason = DatabaseError::Reason;
      if (e.reason() == Reason::InDoubt)
        throw DatabaseError(fmt::format("{} failed: the connection broke during COMMIT, its outcome is unknown ({}); "
                                        "the database is at {} or {}: check with `migrate current`",
                                        describe_step(step), e.what(), heads_text(committed_heads()),
                                        heads_text(pending_heads())),
                            e.reason());
      if (e.reason() == Reason::ConnectionLost)
        throw DatabaseError(fmt::format("{} failed: connection lost ({}); {}", describe_step(step), e.what(), fate(step)),
                            e.reason());
      // The statement (its first line), so the one-line error says where in the revision it failed.
      DatabaseError error(fmt::format("{} ({}) failed: {}{}; {}", describe_step(step), message, e.what(),
                                      statement_in_error(e.statement()), fate(step)),
                          e.reason(), e.statement());
      if (!step.stamp)
        error.set_detail(fmt::format("{}\nrevision file: {}\nfailing statement:\n{}", e.detail(),
                                     project_.revision(step.revision).meta.path, e.statement()));
      throw error;
    }
    running_.reset();
    if (per_migration && i + 1 < steps_.size() && !sink_.in_transaction()) sink_.begin();
    StepReport report{step, message,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time).count()};
    observer_.finished(report);
    reports_.push_back(std::move(report));
  }
  return reports_;
}

void Runner::commit_now() {
  sink_.commit();
  committed_ = done_;
}

std::string Runner::fate(const graph::Step& step) const {
  if (!partial_) return "rolled back, database remains at " + heads_text(committed_heads());
  // Statements of an autocommit block cannot be rolled back: the schema is ahead of the table.
  std::vector<std::string> done;
  for (const auto& sql : outside_done_) done.push_back(statement_summary(sql));
  return fmt::format("statements of {} outside a transaction (its autocommit block) stay committed while the "
                     "version table says {}; completed there: {}: check the database before running again",
                     step.revision, heads_text(committed_heads()),
                     done.empty() ? std::string("none") : fmt::format("[{}]", fmt::join(done, "; ")));
}

void Runner::run_step(const graph::Step& step, const std::vector<Statement>& statements) {
  if (!step.stamp) sink_.comment("Running " + describe_step(step));
  outside_done_.clear();
  bool resume_transaction = false;
  bool ran_in_transaction = false;  // statements of this step the next COMMIT makes durable
  for (const auto& s : statements) {
    switch (s.kind) {
      case Statement::Kind::BeginAutocommit:
        // Alembic's autocommit_block: commit what came before, run outside a transaction.
        partial_ = true;
        resume_transaction = sink_.in_transaction();
        if (resume_transaction) commit_now();
        step_durable_ = step_durable_ || (resume_transaction && ran_in_transaction);
        break;
      case Statement::Kind::EndAutocommit:
        if (resume_transaction) sink_.begin();
        resume_transaction = false;
        break;
      case Statement::Kind::Setting:
        sink_.execute(s.sql);  // no effect of the revision's: nothing to count or report
        break;
      case Statement::Kind::Sql:
        db::throw_if_interrupted("before the next statement");
        observer_.statement(s.sql);
        sink_.execute(s.sql);
        if (!sink_.in_transaction()) {
          outside_done_.push_back(s.sql);
          step_durable_ = true;
        } else {
          ran_in_transaction = true;
        }
        break;
    }
  }
  apply_version_effect(step);
}

void Runner::apply_version_effect(const graph::Step& step) {
  const auto& table = project_.version_table();
  const auto& remove = step.remove_versions;
  const auto& add = step.add_versions;
  if (remove.size() == 1 && add.size() == 1) {
    sink_.execute(table.update_sql(remove[0], add[0]));
  } else {
    for (const auto& v : remove) sink_.execute(table.delete_sql(v));
    for (const auto& v : add) sink_.execute(table.insert_sql(v));
  }
  record_history(step);
  ++done_;
  if (!sink_.in_transaction()) committed_ = done_;
}

void Runner::record_history(const graph::Step& step) {
  auto& rows = rows_.emplace_back();
  if (step.stamp) {
    // A stamp moves rows without running anything: each row it removes or adds.
    for (const auto& v : step.remove_versions) rows.push_back(history_row(v, false, ops::Outcome::Stamped));
    for (const auto& v : step.add_versions) rows.push_back(history_row(v, true, ops::Outcome::Stamped));
  } else {
    rows.push_back(history_row(step.revision, step.direction == graph::Direction::Up, ops::Outcome::Applied));
  }
  for (const auto& row : rows) sink_.execute(project_.history_table().insert_sql(row));
}

}  // namespace migrate::runtime
