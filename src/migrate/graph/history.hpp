// History between two targets, newest first (alembic history -r a:b), and the markers it prints.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// Revisions from `lower` up to `upper`, both included, newest first. Empty `lower` means
// base and empty `upper` means heads, as in `history -r :b` / `-r a:`. A relative `lower`
// without anchor (-N) counts down from `upper`; `current` (version table rows) anchors a
// relative `upper` (+N). Throws Alembic's "Requested range a:b does not refer to
// ancestor/descendant revisions along the same branch" when lower is not below upper.
std::vector<std::string> history(const RevisionMap& map, std::string_view lower = "",
                                 std::string_view upper = "",
                                 const std::vector<std::string>& current = {});

// The same between explicit revision lists (e.g. `-r current:` with several current heads):
// empty `lower` is base, empty `upper` is heads.
std::vector<std::string> history_between(const RevisionMap& map, const std::vector<std::string>& lower,
                                         const std::vector<std::string>& upper);

// What `history` and `heads` print after a revision id.
struct RevisionMarks {
  bool head = false;            // nothing revises it or depends on it: " (head)"
  bool effective_head = false;  // a head of its own line that another depends on: " (effective head)"
  bool branch_point = false;    // two or more revisions revise it: " (branchpoint)"
  bool merge_point = false;     // it revises two or more: " (mergepoint)"
};
RevisionMarks marks(const RevisionMap& map, std::string_view id);
// Alembic's suffix, e.g. " (head) (current) (mergepoint)"; empty when nothing applies.
std::string marks_text(const RevisionMarks& m, bool current = false);

}  // namespace migrate::graph
