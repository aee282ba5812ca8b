// What `history --graph` and `graph` share: history lines in lanes, and the current
// revisions when a database answers.
#pragma once
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/revision_text.hpp"

namespace migrate::cli {

// `ids` (newest first, as graph::history lists them) drawn in lanes, each beside its
// history line and what it depends on.
std::vector<std::string> history_graph(const graph::RevisionMap& map, const std::vector<std::string>& ids,
                                       const RevisionText& text);

// The database's current revisions, or none (and a note on stderr) when no database is
// configured or it cannot be read: a drawing of the graph needs no database.
std::vector<std::string> current_if_reachable(Context& ctx);

}  // namespace migrate::cli
