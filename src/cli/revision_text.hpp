// How a revision prints: Alembic's one-line form, its "Rev:" block, and JSON.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "migrate/graph/revision_map.hpp"

namespace migrate::cli {

// "ae1027a6acf (head)" with (branchpoint) / (mergepoint) markers as they apply.
std::string short_line(const graph::RevisionMap& map, const graph::Revision& rev);

// "1975ea83b712 -> ae1027a6acf (head), add a column": a history line.
std::string history_line(const graph::RevisionMap& map, const graph::Revision& rev);

// The "Rev: ..." block of `show` and `-v`.
std::string log_entry(const graph::RevisionMap& map, const graph::Revision& rev);

nlohmann::json revision_json(const graph::RevisionMap& map, const graph::Revision& rev);

}  // namespace migrate::cli
