// The one topological order every plan and listing uses (documented in docs/ARCHITECTURE.md).
#pragma once
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// The `member` revisions newest first, the way Alembic walks them for `history` and
// `downgrade`: start from the members no other member builds on (by id, smallest first);
// after each revision, continue with its parents (first declared down revision first, then
// the others, then dependencies) as soon as every member built on them has been listed;
// otherwise resume the most recently started line. A line of descent is thus followed down
// until it joins another. Linear in the members and their edges; no recursion.
// Upgrades run this order reversed, so a downgrade exactly undoes an upgrade of the same set.
std::vector<RevisionMap::Index> newest_first(const RevisionMap& map, const std::vector<char>& member);

}  // namespace migrate::graph
