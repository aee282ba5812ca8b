// Questions about the graph the CLI asks: branch and merge points, ancestry, effective heads and labels.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "migrate/graph/revision_map.hpp"
#include "migrate/graph/traversal.hpp"

namespace migrate::graph {

// Revisions that two or more revisions name as their down revision, by id.
std::vector<std::string> branch_points(const RevisionMap& map);
// Revisions with two or more down revisions, by id.
std::vector<std::string> merge_points(const RevisionMap& map);
// Every revision below `id` (not `id` itself), by id; Edges::All also follows depends_on.
std::vector<std::string> ancestors(const RevisionMap& map, std::string_view id, Edges edges = Edges::All);
// Every revision above `id` (not `id` itself), by id.
std::vector<std::string> descendants(const RevisionMap& map, std::string_view id, Edges edges = Edges::All);
// The head of a branch (what "LABEL@head" names); throws Alembic's multiple-heads error.
std::string effective_head(const RevisionMap& map, std::string_view label);
// Labels that apply to each revision (indexed like revisions()): declared ones, inherited by
// all descendants, and by the ancestors down to the branch point when the labelled line above
// is one plain chain, as Alembic's _add_branches leaves them.
std::vector<std::vector<std::string>> effective_branch_labels(const RevisionMap& map);

}  // namespace migrate::graph
