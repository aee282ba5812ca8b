// pg_catalog codes and access-method names to FkAction, FkMatch and IndexMethod.
#include "migrate/schema/catalog_codes.hpp"

#include <fmt/format.h>

#include <migrate/error.hpp>

namespace migrate::schema {

FkAction fk_action_from_catalog(const std::string& code, const std::string& object) {
  if (code == "a") return FkAction::NoAction;
  if (code == "r") return FkAction::Restrict;
  if (code == "c") return FkAction::Cascade;
  if (code == "n") return FkAction::SetNull;
  if (code == "d") return FkAction::SetDefault;
  throw DatabaseError(fmt::format("{}: unknown referential action code '{}' in pg_constraint (expected a, r, c, n or d)",
                                  object, code));
}

FkMatch fk_match_from_catalog(const std::string& code, const std::string& object) {
  if (code == "s") return FkMatch::Simple;
  if (code == "f") return FkMatch::Full;
  throw DatabaseError(fmt::format("{}: unsupported MATCH code '{}' in pg_constraint (expected s or f)", object, code));
}

IndexMethod index_method_from_catalog(const std::string& amname, const std::string& object) {
  for (auto m : {IndexMethod::BTree, IndexMethod::Hash, IndexMethod::Gist, IndexMethod::SpGist, IndexMethod::Gin,
                 IndexMethod::Brin})
    if (amname == sql_keyword(m)) return m;
  throw DatabaseError(fmt::format(
      "{}: the index access method '{}' is not one migrate models (btree, hash, gist, spgist, gin, brin)", object,
      amname));
}

}  // namespace migrate::schema
