// The revision ids and branch labels nearest a name that matched none: "did you mean ...?".
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// Up to `limit` ids and labels nearest `typed`, nearest first (then by name): those `typed`
// is a prefix of, then those within a few edits of it (a typo, a swapped pair, a character
// too many or too few; none below three characters), a `typed` of four or more also compared
// with the same length of each name, so a mistyped prefix finds its id. Empty when nothing
// is near, or `typed` is absurdly long.
std::vector<std::string> nearest_names(const RevisionMap& map, std::string_view typed, std::size_t limit = 3);

// "; did you mean a?" or "; did you mean a, b or c?", or "" when `names` is empty.
std::string did_you_mean(const std::vector<std::string>& names);

}  // namespace migrate::graph
