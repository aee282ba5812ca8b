// Renames a model declares (renamed_from on a table or a column), applied to what the
// database has before it is compared, so a rename is one operation and never a drop and an add.
#pragma once
#include <string>
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/schema/catalog.hpp"

namespace migrate::schema {

// For each table and column of `wanted` that declares a previous name which `found` has (and
// the new name it lacks, and `wanted` does not also use the old one): appends the rename
// operation to `renames` and returns `found` as the renames leave it. Foreign keys of other
// tables follow a renamed table or column, and a renamed column's name is replaced in its
// table's expressions (checks, index keys and predicates, defaults, generated columns), as
// PostgreSQL's own catalogs follow a rename.
Catalog apply_declared_renames(const Catalog& wanted, Catalog found, std::vector<Operation>& renames);

// `sql` with the identifier `from` (bare, at word boundaries, or double-quoted) replaced by
// `to`, quoted as needed; string literals are left alone.
std::string rename_identifier(const std::string& sql, const std::string& from, const std::string& to);

// What a wanted table keeps from its model declaration when its other half was read back
// from the server (the renames): copied from `declared` by table name.
void keep_declared_renames(Catalog& wanted, const Catalog& declared);

}  // namespace migrate::schema
