// Operation values: what a revision body records, before any rendering.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <migrate/column.hpp>
#include <migrate/constraints.hpp>
#include <migrate/types.hpp>

namespace migrate {

// Options shared by several drops.
struct DropOptions {
  bool if_exists = false;
  bool cascade = false;
  friend bool operator==(const DropOptions&, const DropOptions&) = default;
};

struct CreateTableOptions {
  std::optional<std::string> comment{};
  std::optional<PartitionBy> partition_by{};
  bool if_not_exists = false;
  friend bool operator==(const CreateTableOptions&, const CreateTableOptions&) = default;
};

// Each field left unset is left alone. existing_* say what the column was, so that reverse()
// can restore it (as Alembic's existing_type / existing_nullable / existing_server_default).
struct AlterColumnOptions {
  std::optional<bool> nullable{};
  std::optional<Type> type{};
  std::optional<std::string> using_expr{};      // USING expression of a type change
  std::optional<std::string> server_default{};  // new default, SQL
  bool drop_server_default = false;
  std::optional<std::string> comment{};
  bool drop_comment = false;
  std::optional<std::string> new_name{};
  std::optional<Type> existing_type{};
  std::optional<bool> existing_nullable{};
  std::optional<std::string> existing_server_default{};
  std::optional<std::string> existing_comment{};
  friend bool operator==(const AlterColumnOptions&, const AlterColumnOptions&) = default;
};

struct SequenceOptions {
  std::optional<Type> as{};  // SmallInteger(), Integer() or BigInteger()
  std::optional<std::int64_t> start{};
  std::optional<std::int64_t> increment{};
  std::optional<std::int64_t> min_value{};
  std::optional<std::int64_t> max_value{};
  std::optional<std::int64_t> cache{};
  bool cycle = false;
  friend bool operator==(const SequenceOptions&, const SequenceOptions&) = default;
};

namespace op {

// Raw SQL, optionally with $1..$n parameters bound as literals when rendered.
struct Execute {
  std::string sql{};
  std::vector<std::optional<std::string>> params{};
  friend bool operator==(const Execute&, const Execute&) = default;
};

// Brackets operations that must run outside any transaction (CREATE INDEX CONCURRENTLY ...).
struct BeginAutocommit { friend bool operator==(const BeginAutocommit&, const BeginAutocommit&) = default; };
struct EndAutocommit { friend bool operator==(const EndAutocommit&, const EndAutocommit&) = default; };

// What reverse() gives for an operation it cannot undo: renders to a statement that fails
// with `reason`, so a generated downgrade stops loudly instead of doing nothing.
struct Irreversible {
  std::string reason{};
  friend bool operator==(const Irreversible&, const Irreversible&) = default;
};

// A remark for whoever reviews a generated revision (a rename hint, why a type is swapped):
// a comment in the revision's text, nothing when run.
struct Note {
  std::string text{};
  friend bool operator==(const Note&, const Note&) = default;
};

struct CreateSchema {
  std::string name{};
  bool if_not_exists = false;
  friend bool operator==(const CreateSchema&, const CreateSchema&) = default;
};

struct DropSchema {
  std::string name{};
  DropOptions options{};
  friend bool operator==(const DropSchema&, const DropSchema&) = default;
};

struct CreateTable {
  QualifiedName table{};
  std::vector<Column> columns{};
  std::vector<Constraint> constraints{};
  CreateTableOptions options{};
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};

struct DropTable {
  QualifiedName table{};
  DropOptions options{};
  std::optional<CreateTable> definition{};  // what reverse() recreates
  friend bool operator==(const DropTable&, const DropTable&) = default;
};

struct RenameTable {
  QualifiedName table{};
  std::string new_name{};
  friend bool operator==(const RenameTable&, const RenameTable&) = default;
};

// CREATE TABLE partition PARTITION OF parent FOR VALUES ...
struct CreatePartition {
  QualifiedName partition{};
  QualifiedName parent{};
  PartitionBound bound{};
  friend bool operator==(const CreatePartition&, const CreatePartition&) = default;
};

struct AttachPartition {
  QualifiedName parent{};
  QualifiedName partition{};
  PartitionBound bound{};
  friend bool operator==(const AttachPartition&, const AttachPartition&) = default;
};

struct DetachPartition {
  QualifiedName parent{};
  QualifiedName partition{};
  bool concurrently = false;
  std::optional<PartitionBound> bound{};  // what reverse() re-attaches with
  friend bool operator==(const DetachPartition&, const DetachPartition&) = default;
};

struct AddColumn {
  QualifiedName table{};
  Column column{};
  bool if_not_exists = false;
  friend bool operator==(const AddColumn&, const AddColumn&) = default;
};

struct DropColumn {
  QualifiedName table{};
  std::string column{};
  DropOptions options{};
  std::optional<Column> definition{};  // what reverse() adds back
  friend bool operator==(const DropColumn&, const DropColumn&) = default;
};

struct AlterColumn {
  QualifiedName table{};
  std::string column{};
  AlterColumnOptions options{};
  friend bool operator==(const AlterColumn&, const AlterColumn&) = default;
};

struct CreateIndex {
  QualifiedName table{};
  Index index{};
  bool concurrently = false;
  bool if_not_exists = false;
  friend bool operator==(const CreateIndex&, const CreateIndex&) = default;
};

struct DropIndex {
  QualifiedName index{};  // an index lives in its table's schema
  bool concurrently = false;
  DropOptions options{};
  std::optional<CreateIndex> definition{};
  friend bool operator==(const DropIndex&, const DropIndex&) = default;
};

// ALTER TABLE ... ADD CONSTRAINT, for primary keys, uniques, checks and foreign keys.
struct AddConstraint {
  QualifiedName table{};
  Constraint constraint{};
  friend bool operator==(const AddConstraint&, const AddConstraint&) = default;
};

struct DropConstraint {
  QualifiedName table{};
  std::string name{};
  DropOptions options{};
  std::optional<Constraint> definition{};
  friend bool operator==(const DropConstraint&, const DropConstraint&) = default;
};

struct ValidateConstraint {
  QualifiedName table{};
  std::string name{};
  friend bool operator==(const ValidateConstraint&, const ValidateConstraint&) = default;
};

struct CreateEnum {
  QualifiedName type{};
  std::vector<std::string> values{};
  friend bool operator==(const CreateEnum&, const CreateEnum&) = default;
};

struct DropEnum {
  QualifiedName type{};
  DropOptions options{};
  std::optional<std::vector<std::string>> values{};  // what reverse() recreates
  friend bool operator==(const DropEnum&, const DropEnum&) = default;
};

// A column of an enum type being replaced, and the default it has after (the old default
// names the old type, so it is dropped first). existing_server_default is what reverse() restores.
struct EnumColumn {
  QualifiedName table{};
  std::string column{};
  std::optional<std::string> server_default{};
  std::optional<std::string> existing_server_default{};
  bool array = false;  // of type[]
  friend bool operator==(const EnumColumn&, const EnumColumn&) = default;
};

// ALTER TYPE ... ADD VALUE. PostgreSQL cannot remove an enum label: reverse() replaces the
// type with `existing_values` (the labels before this one was added) and converts `columns`,
// every column of the type, when the operation carries them (autogenerate fills them in);
// without them there is no reverse.
struct AddEnumValue {
  QualifiedName type{};
  std::string value{};
  std::string before{};  // at most one of before / after
  std::string after{};
  bool if_not_exists = false;
  std::vector<std::string> existing_values{};
  std::vector<EnumColumn> columns{};
  friend bool operator==(const AddEnumValue&, const AddEnumValue&) = default;
};

struct RenameEnumValue {
  QualifiedName type{};
  std::string old_value{};
  std::string new_value{};
  friend bool operator==(const RenameEnumValue&, const RenameEnumValue&) = default;
};

// Labels removed or reordered, which ALTER TYPE cannot do: the type is renamed aside, created
// again with `values`, each column converted through text, and the old type dropped, all in
// the migration's transaction. A row holding a label `values` lacks makes the conversion fail,
// so nothing is lost silently. existing_values is what reverse() goes back to.
struct ReplaceEnum {
  QualifiedName type{};
  std::vector<std::string> values{};
  std::vector<std::string> existing_values{};
  std::vector<EnumColumn> columns{};
  friend bool operator==(const ReplaceEnum&, const ReplaceEnum&) = default;
};

struct CreateSequence {
  QualifiedName sequence{};
  SequenceOptions options{};
  friend bool operator==(const CreateSequence&, const CreateSequence&) = default;
};

struct DropSequence {
  QualifiedName sequence{};
  DropOptions options{};
  std::optional<SequenceOptions> definition{};
  friend bool operator==(const DropSequence&, const DropSequence&) = default;
};

// COMMENT ON TABLE; comment nullopt drops it. existing_comment is what reverse() restores.
struct TableComment {
  QualifiedName table{};
  std::optional<std::string> comment{};
  std::optional<std::string> existing_comment{};
  friend bool operator==(const TableComment&, const TableComment&) = default;
};

// One multi-row INSERT of reference data; reverse() deletes exactly those rows.
struct BulkInsert {
  QualifiedName table{};
  std::vector<std::string> columns{};
  std::vector<std::vector<Value>> rows{};
  friend bool operator==(const BulkInsert&, const BulkInsert&) = default;
};

}  // namespace op

using Operation = std::variant<op::Execute, op::BeginAutocommit, op::EndAutocommit, op::Irreversible,
                               op::Note, op::CreateSchema, op::DropSchema, op::CreateTable, op::DropTable, op::RenameTable, op::CreatePartition,
                               op::AttachPartition, op::DetachPartition, op::AddColumn, op::DropColumn,
                               op::AlterColumn, op::CreateIndex, op::DropIndex, op::AddConstraint,
                               op::DropConstraint, op::ValidateConstraint, op::CreateEnum, op::DropEnum,
                               op::AddEnumValue, op::RenameEnumValue, op::ReplaceEnum, op::CreateSequence, op::DropSequence,
                               op::TableComment, op::BulkInsert>;

}  // namespace migrate
