// The C++ revision file: MIGRATE_REVISION with its metadata and two bodies, printed by
// ops::render_cpp (empty bodies for a hand-written revision, operations for autogenerate).
#pragma once
#include <string>
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/graph/revision_map.hpp"

namespace migrate::script {

std::string cpp_revision_text(const graph::Revision& meta, const std::vector<Operation>& upgrade = {},
                              const std::vector<Operation>& downgrade = {});

}  // namespace migrate::script
