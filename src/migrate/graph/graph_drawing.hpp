// The revision graph drawn in text lanes, as `git log --graph` draws commits. Pure: no I/O.
#pragma once
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// One line per revision of `order` (`*` in its lane, `label(i)` beside it), with the lines
// between that show how lanes branch (`|\`), join (`|/`) and move over (`/`, `\`).
// `order` must list children before parents (newest_first does); only down edges between
// revisions of `order` are drawn: a dependency orders, it does not make a line, and a
// parent outside `order` simply ends its lane. No trailing blanks. Linear in the revisions
// times the lanes open beside them.
std::vector<std::string> draw_lanes(const RevisionMap& map, std::span<const RevisionMap::Index> order,
                                    const std::function<std::string(RevisionMap::Index)>& label);

// " (depends on a, b)" as declared, or "" : what the lanes do not show.
std::string depends_note(const Revision& rev);

}  // namespace migrate::graph
