// Resolving a parsed Target against a RevisionMap (and the current heads) into revisions.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/graph/revision_map.hpp"
#include "migrate/graph/target.hpp"

namespace migrate::graph {

// Ids a target names, empty for base; `current` (version table rows) anchors +N/-N.
// A relative target is resolved the way `upgrade` reads it (+N) or `downgrade` reads it (-N).
std::vector<std::string> resolve_target(const RevisionMap& map, const Target& target,
                                        const std::vector<std::string>& current = {});
std::vector<std::string> resolve_target(const RevisionMap& map, std::string_view target,
                                        const std::vector<std::string>& current = {});

// What an upgrade aims at: the revisions to end on (empty: base), Alembic's _parse_upgrade_target.
std::vector<RevisionMap::Index> upgrade_destinations(const RevisionMap& map,
                                                     std::span<const RevisionMap::Index> current,
                                                     const Target& target);

// What a downgrade aims at (Alembic's _parse_downgrade_target): the revision to stop at
// (none: base) and the revision whose line narrows it (a label's revision, or for -N the
// current head walked from), if any.
struct DowngradeDestination {
  std::optional<RevisionMap::Index> revision;
  std::optional<RevisionMap::Index> branch;
};
DowngradeDestination downgrade_destination(const RevisionMap& map,
                                           std::span<const RevisionMap::Index> current,
                                           const Target& target);

// The revision a branch label (or a revision id or prefix used as one) stands for.
RevisionMap::Index resolve_branch(const RevisionMap& map, std::string_view label);
// Marks revisions sharing a line of descent (down edges) with `i`: its ancestors and descendants.
std::vector<char> lineage_marks(const RevisionMap& map, RevisionMap::Index i);
// Indices of `current` ids, sorted; throws "Can't locate revision identified by 'x'"; drops
// duplicates. Rows where one lies below another are read as they are: Alembic leaves such
// rows after some merges, and only an upgrade refuses them (check_no_overlap).
std::vector<RevisionMap::Index> current_indices(const RevisionMap& map,
                                                const std::vector<std::string>& current);
// Among the applied revisions (the rows and everything below them), those no applied revision
// builds on along down edges: Alembic's _get_all_current, what `current` lists. A dependency
// another row covers is listed too: it is the head of its own line.
std::vector<RevisionMap::Index> all_current_tips(const RevisionMap& map,
                                                 std::span<const RevisionMap::Index> current);
// Throws "Requested revision x overlaps with other requested revisions y" when one of
// `revs` is an ancestor (over all edges) of another.
void check_no_overlap(const RevisionMap& map, std::span<const RevisionMap::Index> revs);

}  // namespace migrate::graph
