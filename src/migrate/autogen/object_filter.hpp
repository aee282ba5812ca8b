// What check and autogenerate leave out: the ini's exclude_tables patterns and the
// environment hook's include_object, applied to both sides before they are compared.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <migrate/environment.hpp>

#include "migrate/schema/catalog.hpp"

namespace migrate::autogen {

struct ObjectFilter {
  std::vector<std::string> exclude_tables{};  // globs on "schema.table", or on "table" in any schema
  std::function<bool(const SchemaObject&)> include_object{};
};

// True when a pattern of `patterns` names the table.
bool table_excluded(const std::vector<std::string>& patterns, const QualifiedName& table);

// `catalog` without what the filter leaves out: excluded tables (with everything on them),
// then each table, column, index, constraint, enum and sequence include_object refuses.
// `reflected`: the catalog was read from the database (true) or declared by the models.
schema::Catalog filtered(schema::Catalog catalog, const ObjectFilter& filter, bool reflected);

}  // namespace migrate::autogen
