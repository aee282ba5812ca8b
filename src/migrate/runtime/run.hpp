// Whole runs: connect, lock, read the current heads, plan, run, commit — or the same plan
// printed as SQL (offline). Every command that writes (upgrade, downgrade, to, stamp,
// ensure_version) is a Request run here, through the one Runner.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <migrate/environment.hpp>

#include "migrate/runtime/runner.hpp"
#include "migrate/script/project.hpp"

namespace migrate::runtime {

// To: whichever direction reaches the target (our `migrate to REV`). Stamp: only the version
// table moves. EnsureVersion: no steps, the version table is created if missing. Repair: no
// steps, the current checksums of changed and gone revisions are recorded in the history.
enum class Goal { Upgrade, Downgrade, To, Stamp, EnsureVersion, Repair };

struct Request {
  Goal goal = Goal::Upgrade;
  std::vector<std::string> targets;  // one for upgrade/downgrade/to; one or more for stamp
  bool purge = false;                // stamp --purge
  std::string tag;                   // upgrade/downgrade --tag, read by revisions as op.tag()
  bool ignore_changed = false;       // --ignore-changed: run although verify() is not clean
};

struct RunResult {
  std::vector<std::string> before;  // heads at the start
  std::vector<std::string> after;   // heads at the end
  std::vector<StepReport> steps;
  bool created_version_table = false;
  std::vector<std::string> adopted;   // applied revisions first recorded in the history by this run
  std::vector<std::string> repaired;  // Repair: the revisions whose checksums it recorded
};

// Online: everything in one transaction unless transaction_per_migration; on failure the
// database stays at a known set of heads, named in the error, and the failure is recorded in
// the history in a transaction of its own. Upgrade, downgrade and to first verify() the
// applied revisions: ChangedError unless request.ignore_changed. Every run adopts the
// applied revisions the history does not know.
RunResult run_online(const script::Project& project, const Request& request, StepObserver& observer);
// The same with the environment already prepared (prepare_environment), whose url may point
// elsewhere: the scratch database of `check --from-revisions`.
RunResult run_online(const script::Project& project, const Request& request, StepObserver& observer,
                     const EnvironmentContext& env);

// Offline: the SQL an online run from `start` (heads; empty = base) would execute.
RunResult run_offline(const script::Project& project, const Request& request, const std::vector<std::string>& start,
                      std::ostream& out, StepObserver& observer);

// The rows of the version table (connects with the environment hook's URL and settings,
// takes no lock).
std::vector<std::string> read_current_heads(const script::Project& project);

// The version rows and the history rows (oldest first; nullopt without a history table),
// read together the same way.
struct RecordedState {
  std::vector<std::string> heads;
  std::optional<std::vector<ops::HistoryEntry>> history;
};
RecordedState read_recorded_state(const script::Project& project, bool newest_first = false,
                                  std::optional<long long> limit = {});

// RevisionError for a row no revision of the project defines (another project's database,
// or a deleted revision file), naming it.
void check_known(const script::Project& project, const std::vector<std::string>& current);

}  // namespace migrate::runtime
