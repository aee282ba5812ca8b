// A first comparison of two Catalogs: what differs, as sentences (the diff engine builds on it).
#pragma once
#include <string>
#include <vector>

#include "migrate/schema/catalog.hpp"

namespace migrate::schema {

struct CompareOptions {
  // Report tables, columns, constraints, indexes, enums and sequences that only `found` has.
  bool report_extra = true;
  // Tables to leave out on both sides (e.g. the version table).
  std::vector<QualifiedName> ignore_tables{};
};

// One line per difference, e.g. "ecommerce.orders.status: nullable: wanted NOT NULL, found NULL".
// Types compare by format_type() spelling, defaults and expressions as text: compare two
// introspected catalogs (or a model catalog with simple defaults) for a meaningful answer.
// Partitions are compared only when `wanted` lists some for the table.
std::vector<std::string> compare(const Catalog& wanted, const Catalog& found, const CompareOptions& options = {});

}  // namespace migrate::schema
