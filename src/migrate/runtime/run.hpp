// Whole runs: connect, lock, read the current heads, plan, run, commit — or the same
// plan printed as SQL (offline). What the CLI's upgrade/downgrade/to/stamp commands call.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "migrate/runtime/project.hpp"
#include "migrate/runtime/runner.hpp"

namespace migrate::runtime {

// To: whichever direction reaches the target (our `migrate to REV`).
enum class Goal { Upgrade, Downgrade, To };

struct RunResult {
  std::vector<std::string> before;  // heads at the start
  std::vector<std::string> after;   // heads at the end
  std::vector<StepReport> steps;
};

// Online: everything in one transaction unless transaction_per_migration; on failure the
// database stays at a known set of heads, named in the error.
RunResult run_online(const Project& project, Goal goal, const std::string& target, StepObserver& observer);

// Offline: the SQL an online run from `start` (heads; empty = base) would execute.
RunResult run_offline(const Project& project, Goal goal, const std::vector<std::string>& start,
                      const std::string& target, std::ostream& out, StepObserver& observer);

// The rows of the version table (connects, takes no lock).
std::vector<std::string> read_current_heads(const Project& project);

// `stamp`: sets the version table to `targets` without running any revision. Heads on the
// same line of descent as a target are replaced; others stay unless `purge`.
struct StampResult {
  std::vector<std::string> before, after;
};
StampResult stamp_online(const Project& project, const std::vector<std::string>& targets, bool purge);
void stamp_offline(const Project& project, const std::vector<std::string>& targets, std::ostream& out);

// `ensure_version`: creates the version table when it is missing; true if it did.
bool ensure_version_online(const Project& project);
void ensure_version_offline(const Project& project, std::ostream& out);

}  // namespace migrate::runtime
