// Column: a name, a Type and everything PostgreSQL attaches to a column definition.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <migrate/constraints.hpp>
#include <migrate/types.hpp>

namespace migrate {

// GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(START WITH s INCREMENT BY i)].
struct Identity {
  bool always = false;  // BY DEFAULT lets inserts give their own value, as most loaders need
  std::optional<std::int64_t> start{};
  std::optional<std::int64_t> increment{};
  friend bool operator==(const Identity&, const Identity&) = default;
};

// An inline REFERENCES clause on one column.
struct ColumnReference {
  QualifiedName table{};
  std::string column{};
  std::string name{};       // constraint name; "" lets PostgreSQL pick <table>_<column>_fkey
  ForeignKeyOptions options{};  // not_valid is not honoured: ADD COLUMN and CREATE TABLE have no NOT VALID
  friend bool operator==(const ColumnReference&, const ColumnReference&) = default;
};

struct ColumnOptions {
  bool nullable = true;
  std::optional<std::string> server_default{};  // SQL expression: "now()", "'new'", "0"
  std::optional<Identity> identity{};
  std::optional<std::string> generated{};       // GENERATED ALWAYS AS (expr) STORED
  std::optional<std::string> comment{};
  std::optional<std::string> collation{};
  bool primary_key = false;
  bool unique = false;
  std::optional<ColumnReference> references{};
  friend bool operator==(const ColumnOptions&, const ColumnOptions&) = default;
};

// Either style builds the same value:
//   Column("id", UUID()).primary_key().server_default("uuid_generate_v7()")
//   Column("id", UUID(), {.server_default = "uuid_generate_v7()", .primary_key = true})
struct Column {
  std::string name{};
  Type type{};
  ColumnOptions options{};

  Column() = default;
  Column(std::string column_name, Type column_type, ColumnOptions opts = {})
      : name(std::move(column_name)), type(std::move(column_type)), options(std::move(opts)) {
    if (options.primary_key || options.identity) options.nullable = false;
  }

  Column& nullable(bool value = true) { options.nullable = value; return *this; }
  Column& not_null() { return nullable(false); }
  Column& server_default(std::string sql) { options.server_default = std::move(sql); return *this; }
  Column& identity(Identity spec = {}) { options.identity = spec; options.nullable = false; return *this; }
  Column& generated(std::string sql) { options.generated = std::move(sql); return *this; }
  Column& comment(std::string text) { options.comment = std::move(text); return *this; }
  Column& collate(std::string collation) { options.collation = std::move(collation); return *this; }
  // A primary key column is NOT NULL, as in SQLAlchemy.
  Column& primary_key() { options.primary_key = true; options.nullable = false; return *this; }
  Column& unique() { options.unique = true; return *this; }
  Column& references(ColumnReference ref) { options.references = std::move(ref); return *this; }
  Column& references(QualifiedName table, std::string column, FkAction on_delete = FkAction::NoAction) {
    return references(
        ColumnReference{.table = std::move(table), .column = std::move(column), .options = {.on_delete = on_delete}});
  }

  friend bool operator==(const Column&, const Column&) = default;
};

}  // namespace migrate
