// The recording side of `op`: each public call appends one Operation value.
#include <migrate/ops.hpp>

#include <migrate/error.hpp>

namespace migrate {

void Ops::execute(std::string sql, std::vector<std::optional<std::string>> params) {
  record(op::Execute{std::move(sql), std::move(params)});
}

void Ops::autocommit_block(const std::function<void()>& body) {
  record(op::BeginAutocommit{});
  ++autocommit_depth_;
  try {
    body();
  } catch (...) {
    --autocommit_depth_;  // the Ops object stays usable after a body that threw
    throw;
  }
  --autocommit_depth_;
  record(op::EndAutocommit{});
}

void Ops::record_outside_transaction(Operation operation) {
  if (autocommit_depth_ > 0) return record(std::move(operation));
  record(op::BeginAutocommit{});
  record(std::move(operation));
  record(op::EndAutocommit{});
}

void Ops::create_table(QualifiedName table, std::vector<TableElement> elements, CreateTableOptions options) {
  op::CreateTable t{std::move(table), {}, {}, std::move(options)};
  for (auto& element : elements) {
    if (auto* column = std::get_if<Column>(&element)) {
      t.columns.push_back(std::move(*column));
    } else {
      std::visit([&](auto& e) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(e)>, Column>) t.constraints.emplace_back(std::move(e));
      }, element);
    }
  }
  record(std::move(t));
}

void Ops::drop_table(QualifiedName table, DropOptions options) {
  record(op::DropTable{std::move(table), options, std::nullopt});
}

void Ops::rename_table(QualifiedName table, std::string new_name) {
  record(op::RenameTable{std::move(table), std::move(new_name)});
}

void Ops::create_partition(QualifiedName partition, QualifiedName parent, PartitionBound bound) {
  record(op::CreatePartition{std::move(partition), std::move(parent), std::move(bound)});
}

void Ops::attach_partition(QualifiedName parent, QualifiedName partition, PartitionBound bound) {
  record(op::AttachPartition{std::move(parent), std::move(partition), std::move(bound)});
}

void Ops::detach_partition(QualifiedName parent, QualifiedName partition, DetachOptions options) {
  op::DetachPartition d{std::move(parent), std::move(partition), options.concurrently, std::move(options.bound)};
  if (d.concurrently) record_outside_transaction(std::move(d));
  else record(std::move(d));
}

void Ops::create_table_comment(QualifiedName table, std::string comment, CommentOptions options) {
  record(op::TableComment{std::move(table), std::move(comment), std::move(options.existing_comment)});
}

void Ops::drop_table_comment(QualifiedName table, CommentOptions options) {
  record(op::TableComment{std::move(table), std::nullopt, std::move(options.existing_comment)});
}

void Ops::add_column(QualifiedName table, Column column, AddColumnOptions options) {
  record(op::AddColumn{std::move(table), std::move(column), options.if_not_exists});
}

void Ops::drop_column(QualifiedName table, std::string column, DropOptions options) {
  record(op::DropColumn{std::move(table), std::move(column), options, std::nullopt});
}

void Ops::alter_column(QualifiedName table, std::string column, AlterColumnOptions options) {
  record(op::AlterColumn{std::move(table), std::move(column), std::move(options)});
}

void Ops::create_index(std::string name, QualifiedName table, std::vector<IndexKey> keys, IndexOptions options,
                       CreateIndexOptions build) {
  op::CreateIndex i{std::move(table), Index{std::move(name), std::move(keys), std::move(options)}, build.concurrently,
                    build.if_not_exists};
  if (i.concurrently) record_outside_transaction(std::move(i));
  else record(std::move(i));
}

void Ops::drop_index(std::string name, DropIndexOptions options) {
  op::DropIndex d{QualifiedName(std::move(options.schema), std::move(name)), options.concurrently,
                  DropOptions{options.if_exists, options.cascade}, std::nullopt};
  if (d.concurrently) record_outside_transaction(std::move(d));
  else record(std::move(d));
}

void Ops::create_primary_key(std::string name, QualifiedName table, std::vector<std::string> columns) {
  add_constraint(std::move(table), PrimaryKeyConstraint{std::move(columns), std::move(name)});
}

void Ops::create_unique_constraint(std::string name, QualifiedName table, std::vector<std::string> columns,
                                   UniqueOptions options) {
  add_constraint(std::move(table), UniqueConstraint{std::move(columns), std::move(name), options});
}

void Ops::create_check_constraint(std::string name, QualifiedName table, std::string condition,
                                  CheckOptions options) {
  add_constraint(std::move(table), CheckConstraint{std::move(condition), std::move(name), options});
}

void Ops::create_foreign_key(std::string name, QualifiedName source, QualifiedName referent,
                             std::vector<std::string> local_columns, std::vector<std::string> remote_columns,
                             ForeignKeyOptions options) {
  add_constraint(std::move(source),
                 ForeignKeyConstraint{std::move(local_columns), std::move(referent), std::move(remote_columns),
                                      std::move(name), options});
}

void Ops::add_constraint(QualifiedName table, Constraint constraint) {
  record(op::AddConstraint{std::move(table), std::move(constraint)});
}

void Ops::drop_constraint(std::string name, QualifiedName table, DropOptions options) {
  record(op::DropConstraint{std::move(table), std::move(name), options, std::nullopt});
}

void Ops::validate_constraint(std::string name, QualifiedName table) {
  record(op::ValidateConstraint{std::move(table), std::move(name)});
}

void Ops::create_enum(QualifiedName name, std::vector<std::string> values) {
  record(op::CreateEnum{std::move(name), std::move(values)});
}

void Ops::create_enum(const Type& enum_type) {
  if (enum_type.kind != Type::Kind::Enum) throw RevisionError("create_enum(): " + enum_type.sql() + " is not an Enum type");
  create_enum(QualifiedName(enum_type.schema, enum_type.name), enum_type.values);
}

void Ops::drop_enum(QualifiedName name, DropOptions options) {
  record(op::DropEnum{std::move(name), options, std::nullopt});
}

void Ops::add_enum_value(QualifiedName name, std::string value, EnumValueOptions options) {
  if (!options.before.empty() && !options.after.empty())
    throw RevisionError("add_enum_value(): give at most one of before and after");
  record(op::AddEnumValue{std::move(name), std::move(value), std::move(options.before), std::move(options.after),
                          options.if_not_exists, std::move(options.existing_values), std::move(options.columns)});
}

void Ops::create_schema(std::string name, bool if_not_exists) { record(op::CreateSchema{std::move(name), if_not_exists}); }

void Ops::drop_schema(std::string name, DropOptions options) { record(op::DropSchema{std::move(name), options}); }

void Ops::replace_enum(QualifiedName name, std::vector<std::string> values, ReplaceEnumOptions options) {
  record(op::ReplaceEnum{std::move(name), std::move(values), std::move(options.existing_values), std::move(options.columns)});
}

void Ops::rename_enum_value(QualifiedName name, std::string old_value, std::string new_value) {
  record(op::RenameEnumValue{std::move(name), std::move(old_value), std::move(new_value)});
}

void Ops::create_sequence(QualifiedName name, SequenceOptions options) {
  record(op::CreateSequence{std::move(name), std::move(options)});
}

void Ops::drop_sequence(QualifiedName name, DropOptions options) {
  record(op::DropSequence{std::move(name), options, std::nullopt});
}

void Ops::bulk_insert(QualifiedName table, std::vector<std::string> columns, std::vector<std::vector<Value>> rows) {
  for (const auto& row : rows)
    if (row.size() != columns.size())
      throw RevisionError("bulk_insert(): a row has " + std::to_string(row.size()) + " values for " +
                          std::to_string(columns.size()) + " columns");
  record(op::BulkInsert{std::move(table), std::move(columns), std::move(rows)});
}

void Ops::irreversible(std::string reason) { record(op::Irreversible{std::move(reason)}); }

}  // namespace migrate
