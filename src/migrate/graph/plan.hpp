// Plans: the ordered steps that move a database from its current heads to a target.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "migrate/graph/revision_map.hpp"

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
};

// `current` holds the rows of the version table (possibly empty: base).
std::vector<Step> plan_upgrade(const RevisionMap& map, const std::vector<std::string>& current,
                               std::string_view target);
std::vector<Step> plan_downgrade(const RevisionMap& map, const std::vector<std::string>& current,
                                 std::string_view target);

}  // namespace migrate::graph
