// Catalog: a database schema as a value (tables, columns, constraints, indexes, enums, sequences).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <migrate/column.hpp>
#include <migrate/constraints.hpp>
#include <migrate/operation.hpp>
#include <migrate/sequence.hpp>
#include <migrate/types.hpp>

namespace migrate::schema {

// One partition of a partitioned table; the bound as PostgreSQL prints it
// ("FOR VALUES FROM ('2026-01-01 00:00:00+00') TO (...)", "DEFAULT").
struct Partition {
  QualifiedName name{};
  std::string bound{};
  friend bool operator==(const Partition&, const Partition&) = default;
};

// A table with every constraint at table level and named: columns carry no inline primary
// key, unique or references (a model's column-level ones are moved out), as introspection sees it.
struct Table {
  QualifiedName name{};
  std::vector<Column> columns{};
  std::vector<Constraint> constraints{};
  std::vector<Index> indexes{};  // only those not backing a primary key or unique constraint
  std::optional<std::string> comment{};
  std::optional<PartitionBy> partition_by{};
  std::vector<Partition> partitions{};
  // What a model declares it was called (renamed_from): the table's previous name in its
  // schema, and new column name -> previous one. Introspection never sets them.
  std::optional<std::string> renamed_from{};
  std::map<std::string, std::string> renamed_columns{};

  const Column* column(const std::string& column_name) const;
  const Constraint* constraint(const std::string& constraint_name) const;
  const Index* index(const std::string& index_name) const;
  friend bool operator==(const Table&, const Table&) = default;
};

struct Enum {
  QualifiedName name{};
  std::vector<std::string> values{};
  friend bool operator==(const Enum&, const Enum&) = default;
};

// The model's own type: a declared sequence goes into the catalog as it is.
using migrate::Sequence;

struct Catalog {
  // The schemas that exist, when known: introspection reads them, so that compare() creates
  // a schema the models use and the database lacks. Unset for a declared catalog.
  std::optional<std::vector<std::string>> schemas{};
  std::vector<Table> tables{};
  std::vector<Enum> enums{};
  std::vector<Sequence> sequences{};

  const Table* table(const QualifiedName& name) const;
  const Enum* enum_type(const QualifiedName& name) const;
  const Sequence* sequence(const QualifiedName& name) const;
  friend bool operator==(const Catalog&, const Catalog&) = default;
};

// The schemas a Catalog's tables, enums and sequences live in ("" left out).
std::set<std::string> schemas_of(const Catalog& catalog);

// "schema.name" for messages (unquoted: these are for people).
std::string display(const QualifiedName& name);

}  // namespace migrate::schema
