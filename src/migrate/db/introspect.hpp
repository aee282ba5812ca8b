// Introspection: a live database's schemas read from pg_catalog into a Catalog.
#pragma once
#include <string>
#include <vector>

#include "migrate/schema/catalog.hpp"

namespace pqxx {
class transaction_base;
}

// I/O, so it lives with the connection code: schema/ stays pure (it builds and tests without
// libpqxx), and every connection it reads through comes from db::connect (redacted errors,
// NOTICEs shown).
namespace migrate::db {

// Reads the tables (partitions folded into their parent), columns, constraints, indexes, enums
// and sequences of `schemas`. Types, defaults and expressions are the server's own spelling
// (format_type, pg_get_expr, pg_get_indexdef, pg_get_constraintdef), so two databases built the
// same way compare equal whatever text created them. Identity sequences are part of their column.
// A failed query is a DatabaseError with the server's message (redacted); `tx` is then aborted.
schema::Catalog introspect(pqxx::transaction_base& tx, const std::vector<std::string>& schemas);

}  // namespace migrate::db
