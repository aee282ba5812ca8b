// The operations that create a Catalog in an empty database (and drop it again).
#pragma once
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/schema/catalog.hpp"

namespace migrate::schema {

// Enums, sequences, tables in foreign-key order (each with its constraints and comments), then
// indexes. Partitions are not created: they are data-driven (one per month), not declared.
// Throws ConfigError when foreign keys form a cycle between tables.
std::vector<Operation> create_operations(const Catalog& catalog);

// The CreateTable of one table: columns, constraints, comment and partitioning, no indexes.
op::CreateTable create_table(const Table& table);

// Tables in an order where every table comes after those its foreign keys refer to.
std::vector<const Table*> tables_in_dependency_order(const Catalog& catalog);

}  // namespace migrate::schema
