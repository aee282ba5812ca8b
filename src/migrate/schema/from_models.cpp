// Model definitions to a Catalog: constraints moved to table level and named by convention.
#include "migrate/schema/from_models.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include <migrate/error.hpp>

namespace migrate::schema {

namespace {

// PostgreSQL silently truncates longer identifiers, after which nothing would compare equal.
constexpr std::size_t kMaxIdentifier = 63;

[[noreturn]] void fail(const ModelDefinition& m, const std::string& what) {
  throw ConfigError(fmt::format("model {} ({}): {}", m.model, display(m.table), what));
}

void check_name(const ModelDefinition& m, const std::string& name) {
  if (name.size() > kMaxIdentifier)
    fail(m, fmt::format("the name '{}' is longer than PostgreSQL's {} bytes", name, kMaxIdentifier));
}

void check_columns(const ModelDefinition& m, const Table& t, const std::vector<std::string>& columns,
                   const std::string& owner) {
  if (columns.empty()) fail(m, owner + " names no column");
  for (const auto& c : columns)
    if (!t.column(c)) fail(m, fmt::format("{} names the unknown column '{}'", owner, c));
}

// Fills in a conventional name and checks the columns a constraint names.
void name_constraint(const ModelDefinition& m, const Table& t, Constraint& constraint) {
  const std::string& table = t.name.name;
  std::visit(
      [&](auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) {
          check_columns(m, t, c.columns, "the primary key");
          if (c.name.empty()) c.name = "pk_" + table;
        } else if constexpr (std::is_same_v<T, UniqueConstraint>) {
          check_columns(m, t, c.columns, "a unique constraint");
          if (c.name.empty()) c.name = fmt::format("uq_{}_{}", table, c.columns.front());
        } else if constexpr (std::is_same_v<T, CheckConstraint>) {
          if (c.name.empty()) fail(m, fmt::format("the check ({}) needs a name", c.expression));
        } else {
          check_columns(m, t, c.columns, "a foreign key");
          if (c.referred_columns.size() != c.columns.size())
            fail(m, fmt::format("the foreign key on ({}) names {} referred columns for {} columns",
                                fmt::join(c.columns, ", "), c.referred_columns.size(), c.columns.size()));
          if (c.name.empty()) c.name = fmt::format("fk_{}_{}_{}", table, c.columns.front(), c.referred_table.name);
        }
        check_name(m, c.name);
      },
      constraint);
}

void check_index(const ModelDefinition& m, const Table& t, Index& index) {
  if (index.keys.empty()) fail(m, "an index has no key");
  for (const auto& k : index.keys)
    if (!k.expression && !t.column(k.column)) fail(m, fmt::format("an index names the unknown column '{}'", k.column));
  if (index.name.empty()) {
    if (index.keys.front().expression) fail(m, "an index on an expression needs a name");
    index.name = fmt::format("ix_{}_{}", t.name.name, index.keys.front().column);
  }
  check_name(m, index.name);
}

void add_enum(Catalog& catalog, const Type& type, const ModelDefinition& m) {
  if (type.kind == Type::Kind::Array && !type.element.empty()) return add_enum(catalog, type.element.front(), m);
  if (type.kind != Type::Kind::Enum || type.values.empty()) return;
  QualifiedName name(type.schema, type.name);
  if (const Enum* known = catalog.enum_type(name)) {
    if (known->values != type.values) fail(m, fmt::format("the enum {} is declared with other labels elsewhere", display(name)));
    return;
  }
  catalog.enums.push_back({name, type.values});
}

bool refers_to_enum(const Type& type) {
  if (type.kind == Type::Kind::Array && !type.element.empty()) return refers_to_enum(type.element.front());
  return type.kind == Type::Kind::Enum;
}

const Type& element_type(const Type& type) {
  return type.kind == Type::Kind::Array && !type.element.empty() ? element_type(type.element.front()) : type;
}

}  // namespace

Table table_from_model(const ModelDefinition& m) {
  if (m.table.name.empty()) fail(m, "no table name");
  check_name(m, m.table.name);
  Table t;
  t.name = m.table;
  t.comment = m.comment;
  t.partition_by = m.partition_by;
  t.renamed_from = m.renamed_from;

  std::set<std::string> seen;
  std::vector<std::string> primary_key;
  for (const auto& f : m.fields) {
    if (!seen.insert(f.name()).second) fail(m, fmt::format("the column '{}' is declared twice", f.name()));
    check_name(m, f.name());
    if (f.previous_name()) t.renamed_columns[f.name()] = *f.previous_name();
    Column c = f.column();
    c.options.primary_key = false;
    c.options.unique = false;
    c.options.references.reset();
    t.columns.push_back(std::move(c));
  }
  // Column-level declarations become table constraints, in column order, as SQLAlchemy emits them.
  for (const auto& f : m.fields) {
    const auto& o = f.column().options;
    if (o.primary_key) primary_key.push_back(f.name());
  }
  if (!primary_key.empty()) t.constraints.emplace_back(PrimaryKeyConstraint{.columns = primary_key});
  for (const auto& f : m.fields) {
    const auto& o = f.column().options;
    if (o.unique) t.constraints.emplace_back(UniqueConstraint{.columns = {f.name()}});
    if (f.check_expression())
      t.constraints.emplace_back(CheckConstraint{.expression = *f.check_expression(),
                                                 .name = fmt::format("ck_{}_{}", m.table.name, f.name())});
    if (o.references) {
      const auto& r = *o.references;
      t.constraints.emplace_back(ForeignKeyConstraint{.columns = {f.name()},
                                                      .referred_table = r.table,
                                                      .referred_columns = {r.column},
                                                      .name = r.name,
                                                      .options = r.options});
    }
  }
  for (const auto& c : m.constraints) {
    if (std::holds_alternative<PrimaryKeyConstraint>(c) && !primary_key.empty())
      fail(m, "a primary key is declared on a column and again in table_args");
    t.constraints.push_back(c);
  }
  std::set<std::string> names;
  for (auto& c : t.constraints) {
    name_constraint(m, t, c);
    if (!names.insert(constraint_name(c)).second) fail(m, fmt::format("two constraints are named '{}'", constraint_name(c)));
  }

  for (const auto& f : m.fields)
    if (f.indexed()) t.indexes.push_back(Index{.keys = {f.name()}});
  for (const auto& i : m.indexes) t.indexes.push_back(i);
  for (auto& i : t.indexes) {
    check_index(m, t, i);
    if (!names.insert(i.name).second) fail(m, fmt::format("the index name '{}' is already used in this table", i.name));
  }
  if (m.partition_by)
    for (const auto& k : m.partition_by->keys)
      if (!k.expression && !t.column(k.column)) fail(m, fmt::format("the partition key names the unknown column '{}'", k.column));
  return t;
}

Catalog catalog_from_models(const std::vector<ModelDefinition>& models) {
  Catalog catalog;
  for (const auto& m : models) {
    Table t = table_from_model(m);
    if (catalog.table(t.name)) fail(m, "another model already declares this table");
    for (const auto& f : m.fields) add_enum(catalog, f.column().type, m);
    for (const auto& s : m.sequences) {
      if (catalog.sequence(s.name)) fail(m, fmt::format("the sequence {} is declared twice", display(s.name)));
      catalog.sequences.push_back(s);
    }
    catalog.tables.push_back(std::move(t));
  }
  // A column may name an enum by reference only; it must be defined by some model.
  for (const auto& m : models)
    for (const auto& f : m.fields)
      if (refers_to_enum(f.column().type)) {
        const Type& e = element_type(f.column().type);
        if (!catalog.enum_type(QualifiedName(e.schema, e.name)))
          fail(m, fmt::format("the column '{}' uses the enum {}, which no model defines with its labels", f.name(),
                              display(QualifiedName(e.schema, e.name))));
      }
  return catalog;
}

std::vector<ModelDefinition> describe_registered_models() {
  std::vector<ModelDefinition> out;
  for (const auto& r : registered_models()) out.push_back(r.describe());
  return out;
}

}  // namespace migrate::schema
