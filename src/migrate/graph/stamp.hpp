// `stamp` as a plan: one step that only changes the version table.
#pragma once
#include <string>
#include <vector>

#include "migrate/graph/plan.hpp"
#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// The step that sets the version table from `current` to what `targets` name (ids, heads,
// head, labels; "base" clears), exactly as Alembic's stamp does: each target concerns the
// rows sharing a line (over all edges) with what it names, and each destination replaces the
// concerned rows below or above it in one move, or becomes a new row on a line with none.
// `purge` empties the table first (and reads nothing of `current`, so rows no revision
// defines are removed too). No step when nothing changes; RevisionError where Alembic's
// bookkeeping fails (version_rows.hpp).
std::vector<Step> plan_stamp(const RevisionMap& map, const std::vector<std::string>& current,
                             const std::vector<std::string>& targets, bool purge);

}  // namespace migrate::graph
