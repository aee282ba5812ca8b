// Running a plan: each step's operations and version-table effect through a Sink, in the
// configured transaction mode. Online and offline runs share this one path.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "migrate/graph/plan.hpp"
#include "migrate/ops/history_table.hpp"
#include "migrate/ops/sink.hpp"
#include "migrate/script/project.hpp"

namespace migrate::runtime {

struct StepReport {
  graph::Step step;
  std::string message;   // the revision's message
  double seconds = 0;
};

// Told of each step as it starts and ends; the CLI prints progress from here.
struct StepObserver {
  virtual ~StepObserver() = default;
  virtual void planned(size_t /*steps*/) {}
  virtual void statement(const std::string& /*sql*/) {}  // before each revision statement
  virtual void started(const graph::Step&, const std::string& /*message*/) {}
  virtual void finished(const StepReport&) {}
  virtual void note(const std::string& /*line*/) {}  // a retry, a clean-up: shown as progress
};

// What the run's statements wait for and run for, as PostgreSQL settings ("5s", "0"): a
// revision's own lock_timeout or statement_timeout holds for its statements, then these
// come back (empty: the server's default, SET ... TO DEFAULT).
struct RunTimeouts {
  std::string lock_timeout;
  std::string statement_timeout;
};

// Alembic's wording: "upgrade a -> b" / "downgrade b -> a" / "stamp_revision a -> b"
// (a base shows as empty).
std::string describe_step(const graph::Step& step);

// "a, b" or "<base>": how messages name a set of heads.
std::string heads_text(const std::vector<std::string>& heads);

// Who wrote the history rows, and whose clock times them. Online: this machine and its
// clock; offline (`online` false): the server that runs the script fills both in.
struct Provenance {
  std::string tool_version;
  bool online = false;
  std::string client_host;
};

// What a run writes to the history table before its first step.
struct HistoryStart {
  bool create_table = false;          // the table is missing (online) or may be (offline)
  std::vector<ops::HistoryRow> rows;  // adopted and repaired rows
};

class Runner {
 public:
  // `tag`: what revisions read as op.tag() (upgrade/downgrade --tag).
  Runner(const script::Project& project, ops::Sink& sink, StepObserver& observer, std::string tag = {},
         RunTimeouts timeouts = {}, Provenance provenance = {});

  // Records and renders every step first, so a revision body that throws or an option that
  // cannot be rendered fails before the first statement; then runs them from `start` (the
  // version table's rows). Creates the version table first when `create_version_table`, the
  // history table when `history.create_table`. Each step writes its history rows in the
  // transaction that runs it.
  // The sink must already be inside a transaction unless the run has none.
  std::vector<StepReport> run(std::vector<std::string> start, std::vector<graph::Step> steps,
                              bool create_version_table, HistoryStart history = {});

  // After a failed run has been rolled back: the rows that say so, for a transaction of
  // their own. Steps sent but not committed were rolled back with the run; the step that
  // was running failed.
  std::vector<ops::HistoryRow> failure_rows() const;

  // A history row for `step` as the runner writes it (times and provenance filled in).
  ops::HistoryRow history_row(const std::string& revision, bool up, ops::Outcome outcome) const;

  // The heads the version table holds durably: the start plus every committed step.
  std::vector<std::string> committed_heads() const;
  // The heads once the open transaction commits.
  std::vector<std::string> pending_heads() const;
  // Called after the caller's final commit: what was pending is now durable.
  void mark_committed() { committed_ = done_; }
  // After run() threw: how many of its steps are durable, and whether nothing of the
  // failing step is (so running the rest again from committed_heads() is safe).
  size_t committed_steps() const { return committed_; }
  bool failed_step_left_nothing() const { return !step_durable_; }
  // The reports of the steps the last run() finished, in order.
  const std::vector<StepReport>& reports() const { return reports_; }

 private:
  // A step's statements, rendered; the markers bracket an autocommit block.
  struct Statement {
    // Setting: a revision's own timeout, set and restored around its statements.
    enum class Kind { Sql, Setting, BeginAutocommit, EndAutocommit } kind = Kind::Sql;
    std::string sql;
  };
  std::vector<Statement> prepare(const graph::Step& step) const;
  void run_step(const graph::Step& step, const std::vector<Statement>& statements);
  void apply_version_effect(const graph::Step& step);
  void record_history(const graph::Step& step);
  void commit_now();
  std::string fate(const graph::Step& step) const;  // where a failure of `step` leaves the database

  const script::Project& project_;
  ops::Sink& sink_;
  StepObserver& observer_;
  std::string tag_;
  std::vector<std::string> start_;
  std::vector<graph::Step> steps_;
  size_t done_ = 0;       // steps whose version effect was sent
  size_t committed_ = 0;  // steps whose version effect is durable
  bool partial_ = false;  // the current step committed or ran statements outside a transaction
  std::vector<std::string> outside_done_;  // the current step's statements that completed outside one
  bool step_durable_ = false;  // some statement of the current step is committed
  RunTimeouts timeouts_;
  std::vector<StepReport> reports_;
  Provenance provenance_;
  std::vector<std::vector<ops::HistoryRow>> rows_;  // the history rows of each sent step
  std::optional<size_t> running_;        // the step under way
  std::chrono::system_clock::time_point step_started_;
};

}  // namespace migrate::runtime
