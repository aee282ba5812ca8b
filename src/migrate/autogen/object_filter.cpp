// Filtering a Catalog by table patterns and the hook's predicate.
#include "migrate/autogen/object_filter.hpp"

#include <algorithm>
#include <vector>

#include <migrate/error.hpp>

#include "migrate/config/glob.hpp"

namespace migrate::autogen {

bool table_excluded(const std::vector<std::string>& patterns, const QualifiedName& table) {
  const std::string qualified = table.schema + "." + table.name;
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
    return config::glob_match(p, p.find('.') == std::string::npos ? table.name : qualified);
  });
}

schema::Catalog filtered(schema::Catalog catalog, const ObjectFilter& filter, bool reflected) {
  using Kind = SchemaObject::Kind;
  auto include = [&](Kind kind, const std::string& schema, const std::string& table, const std::string& name) {
    if (!filter.include_object) return true;
    SchemaObject object{.kind = kind, .schema = schema, .table = table, .name = name, .reflected = reflected};
    try {
      return filter.include_object(object);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw ConfigError("migrations/env.cpp: include_object threw on " + std::string(kind_name(kind)) + " " +
                        object.qualified() + ": " + e.what());
    }
  };
  std::erase_if(catalog.tables, [&](const schema::Table& t) {
    return table_excluded(filter.exclude_tables, t.name) || !include(Kind::Table, t.name.schema, "", t.name.name);
  });
  for (auto& t : catalog.tables) {
    const auto& s = t.name.schema;
    std::erase_if(t.columns, [&](const Column& c) { return !include(Kind::Column, s, t.name.name, c.name); });
    std::erase_if(t.indexes, [&](const Index& i) { return !include(Kind::Index, s, t.name.name, i.name); });
    std::erase_if(t.constraints,
             [&](const Constraint& c) { return !include(Kind::Constraint, s, t.name.name, constraint_name(c)); });
  }
  std::erase_if(catalog.enums, [&](const schema::Enum& e) { return !include(Kind::Enum, e.name.schema, "", e.name.name); });
  std::erase_if(catalog.sequences,
           [&](const Sequence& q) { return !include(Kind::Sequence, q.name.schema, "", q.name.name); });
  return catalog;
}

}  // namespace migrate::autogen
