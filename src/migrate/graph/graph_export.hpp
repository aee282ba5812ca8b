// The whole revision graph as Graphviz DOT or a Mermaid flowchart, for documentation. Pure.
#pragma once
#include <set>
#include <string>

#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// Base at the bottom, heads on top; each revision a box "id (branch labels)" over its
// message, in history's order. Down edges are solid arrows from a revision to what builds
// on it, dependency edges dashed; heads (and effective heads) are drawn bold, `current`
// revisions (the database's) filled. Text from revision files is escaped, so no message
// can break out of its label.
std::string to_dot(const RevisionMap& map, const std::set<std::string>& current = {});
std::string to_mermaid(const RevisionMap& map, const std::set<std::string>& current = {});

}  // namespace migrate::graph
