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

struct IntrospectOptions {
  std::vector<std::string> schemas{};  // what the environment hook names; nothing else is read
  // Tables that are the tool's own bookkeeping, never the application's: the version table.
  // An empty schema matches the name in every schema read (the version table follows the
  // search_path when the config names no schema).
  std::vector<QualifiedName> exclude_tables{};
};

// Reads the tables (partitions folded into their parent), columns, constraints, indexes, enums
// and sequences of `options.schemas` in a fixed number of queries, one per kind of object,
// whatever the number of tables. Types, defaults and expressions are the server's own spelling
// (format_type, pg_get_expr, pg_get_indexdef, pg_get_constraintdef), so two databases built the
// same way compare equal whatever text created them. Identity sequences are part of their column.
// Objects an extension owns (CREATE EXTENSION's tables, types, sequences) are the extension's
// and never reported, nor are `exclude_tables`.
// A failed query is a DatabaseError with the server's message (redacted); `tx` is then aborted.
schema::Catalog introspect(pqxx::transaction_base& tx, const IntrospectOptions& options);
schema::Catalog introspect(pqxx::transaction_base& tx, const std::vector<std::string>& schemas);

}  // namespace migrate::db
