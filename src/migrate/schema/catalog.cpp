// Lookups by name in a Catalog and its tables.
#include "migrate/schema/catalog.hpp"

#include <algorithm>

namespace migrate::schema {

namespace {
template <class Range, class Key>
auto find_by(const Range& range, Key key) -> decltype(&*range.begin()) {
  auto it = std::find_if(range.begin(), range.end(), key);
  return it == range.end() ? nullptr : &*it;
}
}  // namespace

const Column* Table::column(const std::string& column_name) const {
  return find_by(columns, [&](const Column& c) { return c.name == column_name; });
}

const Constraint* Table::constraint(const std::string& constraint_name) const {
  return find_by(constraints, [&](const Constraint& c) { return migrate::constraint_name(c) == constraint_name; });
}

const Index* Table::index(const std::string& index_name) const {
  return find_by(indexes, [&](const Index& i) { return i.name == index_name; });
}

const Table* Catalog::table(const QualifiedName& name) const {
  return find_by(tables, [&](const Table& t) { return t.name == name; });
}

const Enum* Catalog::enum_type(const QualifiedName& name) const {
  return find_by(enums, [&](const Enum& e) { return e.name == name; });
}

const Sequence* Catalog::sequence(const QualifiedName& name) const {
  return find_by(sequences, [&](const Sequence& s) { return s.name == name; });
}

std::string display(const QualifiedName& name) { return name.schema.empty() ? name.name : name.schema + "." + name.name; }

std::set<std::string> schemas_of(const Catalog& c) {
  std::set<std::string> out;
  for (const auto& t : c.tables) out.insert(t.name.schema);
  for (const auto& e : c.enums) out.insert(e.name.schema);
  for (const auto& s : c.sequences) out.insert(s.name.schema);
  out.erase("");
  return out;
}

}  // namespace migrate::schema
