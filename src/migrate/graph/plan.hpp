// Plans: the ordered steps that move a database from its current heads to a target.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/graph/revision_map.hpp"
#include "migrate/graph/target.hpp"

namespace migrate::graph {

enum class Direction { Up, Down };

struct Step {
  Direction direction;
  std::string revision;            // the revision whose upgrade() or downgrade() runs
  std::vector<std::string> from;   // for "Running upgrade a, b -> c": the down revisions (up)
  std::vector<std::string> to;     // or the revisions left current (down)
  // Effect on the version table, applied after the step's body, so that it always holds
  // exactly the current heads. Exactly one removed and one added renders as an UPDATE.
  std::vector<std::string> remove_versions;
  std::vector<std::string> add_versions;
  // A stamp (Alembic's StampStep): no revision body runs, only the version-table effect.
  bool stamp = false;
};

// `current` holds the rows of the version table (possibly empty: base). For an offline
// `start:end` range, pass the start's revisions as `current`.
// Order (see topo_order.hpp and docs/ARCHITECTURE.md): a downgrade runs newest_first() over
// the revisions it removes; an upgrade runs newest_first() over the revisions it adds, reversed.
std::vector<Step> plan_upgrade(const RevisionMap& map, const std::vector<std::string>& current,
                               std::string_view target);
std::vector<Step> plan_downgrade(const RevisionMap& map, const std::vector<std::string>& current,
                                 std::string_view target);
// The same, for a target parsed once with parse_target().
std::vector<Step> plan_upgrade(const RevisionMap& map, const std::vector<std::string>& current,
                               const Target& target);
std::vector<Step> plan_downgrade(const RevisionMap& map, const std::vector<std::string>& current,
                                 const Target& target);
// `migrate to REV`: +N upgrades, -N downgrades; otherwise a downgrade when the target is
// already applied (at or below the current heads), else an upgrade.
std::vector<Step> plan_to(const RevisionMap& map, const std::vector<std::string>& current,
                          std::string_view target);
std::vector<Step> plan_to(const RevisionMap& map, const std::vector<std::string>& current,
                          const Target& target);

// "a, b -> c" for the log line. Alembic's runtime log leaves a base's side empty
// ("Running upgrade  -> a"); its history prints "<base>": pass that as `base_text`.
std::string step_arrow(const Step& step, std::string_view base_text = "");
// The version table after the steps, applied literally to `current` (for checks and --sql).
std::vector<std::string> apply_steps(std::vector<std::string> current, const std::vector<Step>& steps);
std::vector<std::string> apply_steps(std::vector<std::string> current, std::span<const Step> steps);

}  // namespace migrate::graph
