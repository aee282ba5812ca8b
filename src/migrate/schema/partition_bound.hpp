// A partition bound as PostgreSQL prints it, read back into a PartitionBound value.
#pragma once
#include <optional>
#include <string>

#include <migrate/constraints.hpp>

namespace migrate::schema {

// pg_get_expr(relpartbound) text: "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO (MAXVALUE)",
// "FOR VALUES IN ('eu', 'us')", "FOR VALUES WITH (modulus 4, remainder 1)", "DEFAULT".
// nullopt for anything else, so a caller can say so instead of guessing.
std::optional<PartitionBound> parse_partition_bound(const std::string& text);

}  // namespace migrate::schema
