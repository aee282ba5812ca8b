// `op`, the object a revision body calls: each call records one Operation value.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include <migrate/operation.hpp>

namespace migrate {

// What create_table() accepts, in any order, as SQLAlchemy's Table(...) does.
using TableElement =
    std::variant<Column, PrimaryKeyConstraint, UniqueConstraint, CheckConstraint, ForeignKeyConstraint>;

struct AddColumnOptions {
  bool if_not_exists = false;
};

// How create_index builds the index; what the index is (unique, where, method, ...) is IndexOptions.
struct CreateIndexOptions {
  bool concurrently = false;  // recorded inside an autocommit block
  bool if_not_exists = false;
};

struct DropIndexOptions {
  std::string schema{};
  bool concurrently = false;
  bool if_exists = false;
  bool cascade = false;
};

struct DetachOptions {
  bool concurrently = false;                // recorded inside an autocommit block
  std::optional<PartitionBound> bound{};      // lets reverse() attach it again
};

struct EnumValueOptions {
  std::string before{};
  std::string after{};
  bool if_not_exists = false;
  std::vector<std::string> existing_values{};  // with columns, lets reverse() take the label out again
  std::vector<op::EnumColumn> columns{};
};

struct ReplaceEnumOptions {
  std::vector<std::string> existing_values{};  // lets reverse() go back
  std::vector<op::EnumColumn> columns{};       // every column of the type, converted through text
};

struct CommentOptions {
  std::optional<std::string> existing_comment{};
};

class Ops {
 public:
  Ops() = default;
  explicit Ops(std::map<std::string, std::string> x_arguments, std::string tag = {})
      : x_(std::move(x_arguments)), tag_(std::move(tag)) {}

  void execute(std::string sql, std::vector<std::optional<std::string>> params = {});

  // Schemas.
  void create_schema(std::string name, bool if_not_exists = false);
  void drop_schema(std::string name, DropOptions options = {});

  // Operations recorded inside `body` run outside the migration's transaction.
  void autocommit_block(const std::function<void()>& body);

  // Tables and partitions.
  void create_table(QualifiedName table, std::vector<TableElement> elements, CreateTableOptions options = {});
  void drop_table(QualifiedName table, DropOptions options = {});
  void rename_table(QualifiedName table, std::string new_name);
  void create_partition(QualifiedName partition, QualifiedName parent, PartitionBound bound);
  void attach_partition(QualifiedName parent, QualifiedName partition, PartitionBound bound);
  void detach_partition(QualifiedName parent, QualifiedName partition, DetachOptions options = {});
  void create_table_comment(QualifiedName table, std::string comment, CommentOptions options = {});
  void drop_table_comment(QualifiedName table, CommentOptions options = {});

  // Columns.
  void add_column(QualifiedName table, Column column, AddColumnOptions options = {});
  void drop_column(QualifiedName table, std::string column, DropOptions options = {});
  void alter_column(QualifiedName table, std::string column, AlterColumnOptions options);

  // Indexes.
  void create_index(std::string name, QualifiedName table, std::vector<IndexKey> keys, IndexOptions options = {},
                    CreateIndexOptions build = {});
  void drop_index(std::string name, DropIndexOptions options = {});

  // Constraints.
  void create_primary_key(std::string name, QualifiedName table, std::vector<std::string> columns);
  void create_unique_constraint(std::string name, QualifiedName table, std::vector<std::string> columns,
                                UniqueOptions options = {});
  void create_check_constraint(std::string name, QualifiedName table, std::string condition,
                               CheckOptions options = {});
  void create_foreign_key(std::string name, QualifiedName source, QualifiedName referent,
                          std::vector<std::string> local_columns, std::vector<std::string> remote_columns,
                          ForeignKeyOptions options = {});
  void add_constraint(QualifiedName table, Constraint constraint);
  void drop_constraint(std::string name, QualifiedName table, DropOptions options = {});
  void validate_constraint(std::string name, QualifiedName table);

  // Enum types and sequences.
  void create_enum(QualifiedName name, std::vector<std::string> values);
  void create_enum(const Type& enum_type);  // from Enum("status", {...}, "ecommerce")
  void drop_enum(QualifiedName name, DropOptions options = {});
  void add_enum_value(QualifiedName name, std::string value, EnumValueOptions options = {});
  void rename_enum_value(QualifiedName name, std::string old_value, std::string new_value);
  // Removes or reorders labels through a new type (op::ReplaceEnum says how).
  void replace_enum(QualifiedName name, std::vector<std::string> values, ReplaceEnumOptions options = {});
  void create_sequence(QualifiedName name, SequenceOptions options = {});
  void drop_sequence(QualifiedName name, DropOptions options = {});

  // Reference data: INSERT INTO table (columns) VALUES (row), (row) ...
  void bulk_insert(QualifiedName table, std::vector<std::string> columns, std::vector<std::vector<Value>> rows);

  // A downgrade step that cannot be written: fails with `reason` when run.
  void irreversible(std::string reason);

  // `-x key=value` arguments from the command line, as Alembic's get_x_argument().
  const std::map<std::string, std::string>& x_arguments() const { return x_; }
  // `upgrade --tag TAG`, as Alembic's context.get_tag_argument(); empty when not given.
  const std::string& tag() const { return tag_; }

  const std::vector<Operation>& operations() const { return ops_; }
  void record(Operation operation) { ops_.push_back(std::move(operation)); }

 private:
  // Records an operation that PostgreSQL refuses inside a transaction block, wrapped in an
  // autocommit block unless the author already opened one.
  void record_outside_transaction(Operation operation);

  std::vector<Operation> ops_{};
  std::map<std::string, std::string> x_{};
  std::string tag_{};
  int autocommit_depth_ = 0;
};

}  // namespace migrate
