// The model DSL: tables declared as C++ structs composed from mixins, registered for check/autogenerate.
#pragma once
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <migrate/column.hpp>
#include <migrate/constraints.hpp>
#include <migrate/operation.hpp>
#include <migrate/sequence.hpp>
#include <migrate/types.hpp>

namespace migrate {

// Where a model's table lives and what it says about itself:
//   static constexpr Table table{"ecommerce", "products", "Product with soft delete ..."};
// A renamed table says what it was called, so autogenerate renames it instead of dropping it:
//   static constexpr Table table = Table{"ecommerce", "clients", "..."}.renamed_from("customers");
struct Table {
  const char* schema = "";
  const char* name = "";
  const char* comment = nullptr;
  const char* old_name = nullptr;

  constexpr Table renamed_from(const char* previous) const {
    Table t = *this;
    t.old_name = previous;
    return t;
  }
};

// One column as a model declares it: an ops Column, plus what SQLAlchemy lets a column say
// about its table (index=True, a CheckConstraint on the column). The chain mirrors Column's so a
// declaration reads the same in a model and in a revision; ForeignKey, unique and primary key
// become named table constraints when the model is turned into a Catalog.
class Field {
 public:
  Field(std::string name, Type type) : column_(std::move(name), std::move(type)) {}

  Field& nullable(bool value = true) { column_.nullable(value); return *this; }
  Field& not_null() { column_.not_null(); return *this; }
  Field& server_default(std::string sql) { column_.server_default(std::move(sql)); return *this; }
  Field& identity(Identity spec = {}) { column_.identity(spec); return *this; }
  Field& generated(std::string sql) { column_.generated(std::move(sql)); return *this; }
  Field& comment(std::string text) { column_.comment(std::move(text)); return *this; }
  Field& collate(std::string collation) { column_.collate(std::move(collation)); return *this; }
  Field& primary_key() { column_.primary_key(); return *this; }
  Field& unique() { column_.unique(); return *this; }
  Field& references(ColumnReference ref) { column_.references(std::move(ref)); return *this; }
  // references({"ecommerce", "customers"}, "id", FkAction::Cascade): a foreign key to one column.
  Field& references(QualifiedName table, std::string column = "id", FkAction on_delete = FkAction::NoAction) {
    column_.references(std::move(table), std::move(column), on_delete);
    return *this;
  }
  // A plain B-tree index on this column, named ix_<table>_<column>.
  Field& index() { index_ = true; return *this; }
  // CHECK (expression), named ck_<table>_<column>.
  Field& check(std::string expression) { check_ = std::move(expression); return *this; }
  // The column's previous name: autogenerate renames it instead of dropping it and adding
  // an empty one. Keep it until every database has run the renaming revision.
  Field& renamed_from(std::string previous) { renamed_from_ = std::move(previous); return *this; }

  const Column& column() const { return column_; }
  const std::string& name() const { return column_.name; }
  bool indexed() const { return index_; }
  const std::optional<std::string>& check_expression() const { return check_; }
  const std::optional<std::string>& previous_name() const { return renamed_from_; }

 private:
  Column column_;
  bool index_ = false;
  std::optional<std::string> check_{};
  std::optional<std::string> renamed_from_{};
};

// What a model declares, in declaration order, before naming conventions are applied
// (schema::catalog_from_models does that, so every consumer names things the same way).
struct ModelDefinition {
  std::string model;  // the C++ type's name, for messages
  QualifiedName table{};
  std::optional<std::string> comment{};
  std::optional<std::string> renamed_from{};  // the table's previous name, same schema
  std::vector<Field> fields{};
  std::vector<Constraint> constraints{};
  std::vector<Index> indexes{};
  std::optional<PartitionBy> partition_by{};
  std::vector<Sequence> sequences{};
};

// Returned by table_args(), so table-level declarations can sit among the column members.
struct TableArgs {};

// The part every model and mixin shares (a virtual base, so mixins compose without copies):
// column() and table_args() record into it while the model object is being constructed.
class TableBuilder {
 public:
  TableBuilder() = default;
  TableBuilder(const TableBuilder&) = delete;
  TableBuilder& operator=(const TableBuilder&) = delete;
  virtual ~TableBuilder() = default;

  // The columns in table order: primary key columns from mixins first, then the model's own
  // columns, then the other mixin columns in base order, as SQLAlchemy's declarative orders them.
  std::vector<Field> ordered_fields() const;
  const std::vector<Constraint>& constraints() const { return constraints_; }
  const std::vector<Index>& indexes() const { return indexes_; }
  const std::optional<PartitionBy>& partition_by() const { return partition_by_; }
  const std::vector<Sequence>& sequences() const { return sequences_; }

 protected:
  // Field& sku = column("sku", String(100)); MIGRATE_COLUMN(sku, String(100)) says it once.
  Field& column(std::string name, Type type) { return fields_.emplace_back(std::move(name), std::move(type)); }

  // Table-level declarations, in any order, as SQLAlchemy's __table_args__:
  //   TableArgs args = table_args(Index{...}, CheckConstraint{...}, PartitionBy::range({"at"}));
  template <class... Args>
  TableArgs table_args(Args&&... args) {
    (add(std::forward<Args>(args)), ...);
    return {};
  }

  // Called by Model<> once every mixin base has been constructed.
  void end_of_mixins() { mixin_fields_ = fields_.size(); }

 private:
  void add(PrimaryKeyConstraint c) { constraints_.emplace_back(std::move(c)); }
  void add(UniqueConstraint c) { constraints_.emplace_back(std::move(c)); }
  void add(CheckConstraint c) { constraints_.emplace_back(std::move(c)); }
  void add(ForeignKeyConstraint c) { constraints_.emplace_back(std::move(c)); }
  void add(Index i) { indexes_.push_back(std::move(i)); }
  void add(PartitionBy p) { partition_by_ = std::move(p); }
  void add(Sequence s) { sequences_.push_back(std::move(s)); }

  // A deque: column() hands out references that later columns must not invalidate.
  std::deque<Field> fields_{};
  std::size_t mixin_fields_ = 0;
  std::vector<Constraint> constraints_{};
  std::vector<Index> indexes_{};
  std::optional<PartitionBy> partition_by_{};
  std::vector<Sequence> sequences_{};
};

}  // namespace migrate

// A column whose member and SQL name are the same word, spelled once, as SQLAlchemy's
// `sku = Column(String(100), unique=True)`:
//   MIGRATE_COLUMN(sku, String(100)).unique();
// declares `Field& sku = column("sku", String(100)).unique();`. C++20 has no reflection of member
// names, so the preprocessor's #name is the only way to get the word from the declaration itself.
// A column named something that is no C++ identifier, or a keyword (default, class), or a name the
// model already uses (table), keeps the two-spelling form column("default", ...).
#define MIGRATE_COLUMN(name, ...) ::migrate::Field& name = column(#name, __VA_ARGS__)

namespace migrate {

// A declarative base that adds nothing.
struct Base : virtual TableBuilder {};

// created_at and updated_at, timestamptz, NOT NULL, DEFAULT now().
struct TimestampMixin : virtual TableBuilder {
  MIGRATE_COLUMN(created_at, DateTime(true)).not_null().server_default("now()");
  MIGRATE_COLUMN(updated_at, DateTime(true)).not_null().server_default("now()");
};

// Rows are marked deleted, never removed: deleted_at says when, is_deleted is what indexes filter on.
struct SoftDeleteMixin : virtual TableBuilder {
  MIGRATE_COLUMN(deleted_at, DateTime(true));
  MIGRATE_COLUMN(is_deleted, Boolean()).not_null().server_default("false");
};

// A counter for optimistic locking: UPDATE ... WHERE version = :seen, then version + 1.
struct VersionMixin : virtual TableBuilder {
  MIGRATE_COLUMN(version, Integer()).not_null().server_default("1");
};

// The usual entity: a time-ordered UUID key, timestamps and soft delete.
struct BaseModel : Base, TimestampMixin, SoftDeleteMixin {
  MIGRATE_COLUMN(id, UUID()).primary_key().server_default("uuid_generate_v7()");
};

// For rows that are really deleted (lines, events): a UUID key and timestamps.
struct BaseModelNoSoftDelete : Base, TimestampMixin {
  MIGRATE_COLUMN(id, UUID()).primary_key().server_default("uuid_generate_v7()");
};

// The base of a model: struct Product : Model<Product, BaseModel, VersionMixin> { ... };
// Self must declare `static constexpr Table table{...}`.
template <class Self, class... Mixins>
struct Model : virtual TableBuilder, Mixins... {
  Model() { end_of_mixins(); }
};

// What the registry holds for one model: its name, its file and how to describe it.
struct RegisteredModel {
  std::string name;
  std::string source_file;
  ModelDefinition (*describe)();
};

// Every model compiled into this binary, in static-initialisation order.
std::vector<RegisteredModel>& registered_models();

// Builds the model once and reads what its construction recorded.
template <class M>
ModelDefinition describe_model(const char* name) {
  static_assert(std::is_base_of_v<TableBuilder, M>, "a model derives from migrate::Model<...>");
  M model;
  ModelDefinition d;
  d.model = name;
  d.table = QualifiedName(M::table.schema, M::table.name);
  if (M::table.comment) d.comment = M::table.comment;
  if (M::table.old_name) d.renamed_from = M::table.old_name;
  d.fields = model.ordered_fields();
  d.constraints = model.constraints();
  d.indexes = model.indexes();
  d.partition_by = model.partition_by();
  d.sequences = model.sequences();
  return d;
}

struct ModelRegistrar {
  ModelRegistrar(std::string name, const char* file, ModelDefinition (*describe)()) {
    registered_models().push_back({std::move(name), file, describe});
  }
};

}  // namespace migrate

// After a model's struct: MIGRATE_MODEL(Product); registers it at static initialisation.
#define MIGRATE_MODEL(Type)                                                                      \
  namespace {                                                                                    \
  const ::migrate::ModelRegistrar migrate_model_registrar_##Type{                                \
      #Type, __FILE__, [] { return ::migrate::describe_model<Type>(#Type); }};                   \
  }                                                                                              \
  static_assert(true, "")
