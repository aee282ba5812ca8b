// Running a plan: each step's operations and version-table effect through a Sink, in the
// configured transaction mode. Online and offline runs share this one path.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "migrate/db/version_table.hpp"
#include "migrate/graph/plan.hpp"
#include "migrate/runtime/project.hpp"
#include "migrate/runtime/sink.hpp"

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
};

// Alembic's wording: "upgrade a -> b" / "downgrade b -> a" (a base shows as empty).
std::string describe_step(const graph::Step& step);

// "a, b" or "<base>": how messages name a set of heads.
std::string heads_text(const std::vector<std::string>& heads);

class Runner {
 public:
  Runner(const Project& project, Sink& sink, StepObserver& observer);

  // Runs `steps`; creates the version table first when `create_version_table`. The sink
  // must already be inside a transaction unless the run has none (offline transactional
  // output begins and commits through the sink too).
  std::vector<StepReport> run(const std::vector<graph::Step>& steps, bool create_version_table);

  // The heads the version table holds after the steps completed so far.
  const std::vector<std::string>& committed_heads() const { return committed_; }
  void set_committed_heads(std::vector<std::string> heads) { committed_ = std::move(heads); }
  // The heads once the open transaction commits.
  const std::vector<std::string>& pending_heads() const { return pending_; }
  // Called after the caller's final commit: what was pending is now durable.
  void mark_committed() { committed_ = pending_; }

 private:
  void run_step(const graph::Step& step);
  void apply_version_effect(const graph::Step& step);
  std::string fate(const graph::Step& step) const;  // where a failure of `step` leaves the database

  const Project& project_;
  Sink& sink_;
  StepObserver& observer_;
  db::VersionTable table_;
  std::vector<std::string> committed_;
  std::vector<std::string> pending_;
  bool partial_ = false;  // the current step committed or ran statements outside a transaction
};

}  // namespace migrate::runtime
