// Walks over the revision graph by index: ancestor and descendant closures, without recursion.
#pragma once
#include <span>
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// Which edges a walk follows: down edges only (branches and merges), or down and dependency.
enum class Edges { Down, All };

// Marks (1 per index) every revision reachable from `seeds` through parents, seeds included.
std::vector<char> ancestor_marks(const RevisionMap& map, std::span<const RevisionMap::Index> seeds,
                                 Edges edges);
// Marks every revision reachable from `seeds` through children, seeds included.
std::vector<char> descendant_marks(const RevisionMap& map, std::span<const RevisionMap::Index> seeds,
                                   Edges edges);

}  // namespace migrate::graph
