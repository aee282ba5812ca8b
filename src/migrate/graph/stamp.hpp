// `stamp` as a plan: one step that only changes the version table.
#pragma once
#include <string>
#include <vector>

#include "migrate/graph/plan.hpp"
#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// The step that sets the version table from `current` to what `targets` name (ids, heads,
// head, labels; "base" clears it). A current head on the same line of descent as a target
// gives way to it; other heads stay unless `purge`, which empties the table first (and
// reads nothing of `current`, so rows no revision defines are removed too). No step when
// nothing changes.
std::vector<Step> plan_stamp(const RevisionMap& map, const std::vector<std::string>& current,
                             const std::vector<std::string>& targets, bool purge);

}  // namespace migrate::graph
