// Introspection: a live database's schemas read from pg_catalog into a Catalog.
#pragma once
#include <string>
#include <vector>

#include "migrate/schema/catalog.hpp"

namespace pqxx {
class transaction_base;
}

namespace migrate::schema {

// Reads the tables (partitions folded into their parent), columns, constraints, indexes, enums
// and sequences of `schemas`. Types, defaults and expressions are the server's own spelling
// (format_type, pg_get_expr, pg_get_indexdef, pg_get_constraintdef), so two databases built the
// same way compare equal whatever text created them. Identity sequences are part of their column.
Catalog introspect(pqxx::transaction_base& tx, const std::vector<std::string>& schemas);

// The same on a connection of its own (libpq conninfo or URL); DatabaseError when it fails.
Catalog introspect(const std::string& conninfo, const std::vector<std::string>& schemas);

}  // namespace migrate::schema
