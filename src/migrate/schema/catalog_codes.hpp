// pg_catalog's spellings of referential actions, MATCH and index methods, read into the public enums.
#pragma once
#include <string>

#include <migrate/constraints.hpp>

namespace migrate::schema {

// Each throws DatabaseError naming `object` and the value when the catalog holds something the
// enum has no enumerator for, so introspection never guesses.

// pg_constraint.confdeltype / confupdtype: 'a' NO ACTION, 'r', 'c', 'n', 'd'.
FkAction fk_action_from_catalog(const std::string& code, const std::string& object);

// pg_constraint.confmatchtype: 's' SIMPLE, 'f' FULL ('p', PARTIAL, is not implemented by PostgreSQL).
FkMatch fk_match_from_catalog(const std::string& code, const std::string& object);

// pg_am.amname: "btree", "hash", "gist", "spgist", "gin", "brin"; an extension's method
// (bloom, hnsw) is refused.
IndexMethod index_method_from_catalog(const std::string& amname, const std::string& object);

}  // namespace migrate::schema
