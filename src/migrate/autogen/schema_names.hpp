// Renaming the schemas of a Catalog: the models are created in scratch schemas beside the
// real ones, so that the server spells their types, defaults and expressions, then read
// back under the real names.
#pragma once
#include <map>
#include <string>

#include "migrate/schema/catalog.hpp"

namespace migrate::autogen {

using SchemaNames = std::map<std::string, std::string>;  // from → to

// Every schema-qualified name (tables, foreign-key targets, enum types of columns,
// sequences, partitions) and every `from.` in expression text (defaults, generated
// columns, checks, index predicates and expressions) renamed; a name is only replaced at an
// identifier boundary, so `xecommerce.t` stays when `ecommerce` is renamed.
schema::Catalog rename_schemas(schema::Catalog catalog, const SchemaNames& names);

// The same for one piece of SQL text (or a server message). A string literal is renamed only
// when it is one name ('ecommerce.seq'::regclass), never when it is text (a comment that
// mentions "ecommerce.orders").
std::string rename_in_sql(const std::string& sql, const SchemaNames& names);

}  // namespace migrate::autogen
