// The inverse of each Operation, built from what the value carries and never guessed.
#include "migrate/ops/reverse.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "migrate/ops/render_sql.hpp"

namespace migrate::ops {

namespace {

using Out = std::vector<Operation>;

Out cannot(std::string reason) { return {op::Irreversible{std::move(reason)}}; }

std::string shown(const QualifiedName& n) { return quote_name(n); }

struct Reverser {
  Out operator()(const op::Execute& e) const {
    std::string head = e.sql.substr(0, 60);
    if (e.sql.size() > 60) head += "...";
    return cannot("execute() runs raw SQL with no known inverse: " + head);
  }
  Out operator()(const op::BeginAutocommit&) const { return {op::EndAutocommit{}}; }
  Out operator()(const op::EndAutocommit&) const { return {op::BeginAutocommit{}}; }
  Out operator()(const op::Irreversible& i) const { return {i}; }
  // The downgrade carries the same remark.
  Out operator()(const op::Note& n) const { return {n}; }
  Out operator()(const op::CreateSchema& s) const { return {op::DropSchema{s.name, {}}}; }
  Out operator()(const op::DropSchema& d) const {
    if (d.options.cascade) return cannot("drop_schema(" + quote_ident(d.name) + ", cascade) drops objects it does not carry");
    return {op::CreateSchema{d.name, false}};
  }
  Out operator()(const op::ReplaceEnum& r) const {
    if (r.existing_values.empty()) return cannot("replace_enum(" + shown(r.type) + ") does not carry the existing values");
    op::ReplaceEnum back{r.type, r.existing_values, r.values, {}};
    for (const auto& c : r.columns)
      back.columns.push_back({c.table, c.column, c.existing_server_default, c.server_default, c.array});
    return {std::move(back)};
  }

  Out operator()(const op::CreateTable& t) const { return {op::DropTable{t.table, {}, t}}; }
  Out operator()(const op::DropTable& d) const {
    if (!d.definition) return cannot("drop_table(" + shown(d.table) + ") does not carry the table's definition");
    return {*d.definition};
  }
  Out operator()(const op::RenameTable& r) const {
    return {op::RenameTable{QualifiedName(r.table.schema, r.new_name), r.table.name}};
  }
  Out operator()(const op::CreatePartition& p) const { return {op::DropTable{p.partition, {}, std::nullopt}}; }
  Out operator()(const op::AttachPartition& a) const {
    return {op::DetachPartition{a.parent, a.partition, false, a.bound}};
  }
  Out operator()(const op::DetachPartition& d) const {
    if (!d.bound)
      return cannot("detach_partition(" + shown(d.partition) + ") does not carry the bound to attach it again with");
    return {op::AttachPartition{d.parent, d.partition, *d.bound}};
  }

  Out operator()(const op::AddColumn& a) const {
    return {op::DropColumn{a.table, a.column.name, {}, a.column}};
  }
  Out operator()(const op::DropColumn& d) const {
    if (!d.definition)
      return cannot("drop_column(" + shown(d.table) + ", " + quote_ident(d.column) +
                    ") does not carry the column's definition");
    return {op::AddColumn{d.table, *d.definition, false}};
  }

  // Each changed attribute goes back to its existing_* value. Alembic's convention fills the
  // gaps: a default or comment with no existing value did not exist; a column made NOT NULL
  // was nullable. A type change has no such default, so without existing_type it is refused.
  Out operator()(const op::AlterColumn& a) const {
    const auto& o = a.options;
    AlterColumnOptions back;
    if (o.type) {
      if (!o.existing_type)
        return cannot("alter_column(" + shown(a.table) + ", " + quote_ident(a.column) +
                      ") changes the type without existing_type");
      back.type = o.existing_type;
      back.existing_type = o.type;
    } else {
      back.existing_type = o.existing_type;
    }
    if (o.nullable) {
      back.nullable = o.existing_nullable.value_or(!*o.nullable);
      back.existing_nullable = o.nullable;
    } else {
      back.existing_nullable = o.existing_nullable;
    }
    if (o.server_default || o.drop_server_default) {
      if (o.existing_server_default) back.server_default = o.existing_server_default;
      else back.drop_server_default = true;
      back.existing_server_default = o.drop_server_default ? std::nullopt : o.server_default;
    } else {
      back.existing_server_default = o.existing_server_default;
    }
    if (o.comment || o.drop_comment) {
      if (o.existing_comment) back.comment = o.existing_comment;
      else back.drop_comment = true;
      back.existing_comment = o.drop_comment ? std::nullopt : o.comment;
    } else {
      back.existing_comment = o.existing_comment;
    }
    std::string column = a.column;
    if (o.new_name) {
      back.new_name = a.column;
      column = *o.new_name;
    }
    return {op::AlterColumn{a.table, std::move(column), std::move(back)}};
  }

  Out operator()(const op::CreateIndex& c) const {
    if (c.index.name.empty()) return cannot("create_index() on " + shown(c.table) + " has no index name to drop");
    return {op::DropIndex{QualifiedName(c.table.schema, c.index.name), c.concurrently, {}, c}};
  }
  Out operator()(const op::DropIndex& d) const {
    if (!d.definition) return cannot("drop_index(" + shown(d.index) + ") does not carry the index definition");
    return {*d.definition};
  }

  Out operator()(const op::AddConstraint& a) const {
    const std::string& name = constraint_name(a.constraint);
    if (name.empty()) return cannot("a constraint on " + shown(a.table) + " was added without a name to drop it by");
    return {op::DropConstraint{a.table, name, {}, a.constraint}};
  }
  Out operator()(const op::DropConstraint& d) const {
    if (!d.definition)
      return cannot("drop_constraint(" + quote_ident(d.name) + ", " + shown(d.table) +
                    ") does not carry the constraint's definition");
    return {op::AddConstraint{d.table, *d.definition}};
  }
  Out operator()(const op::ValidateConstraint&) const { return {}; }

  Out operator()(const op::CreateEnum& e) const { return {op::DropEnum{e.type, {}, e.values}}; }
  Out operator()(const op::DropEnum& d) const {
    if (!d.values) return cannot("drop_enum(" + shown(d.type) + ") does not carry the enum's values");
    return {op::CreateEnum{d.type, *d.values}};
  }
  // Taken out again the only way PostgreSQL allows: the type replaced by one without it.
  Out operator()(const op::AddEnumValue& a) const {
    if (a.existing_values.empty())
      return cannot("PostgreSQL cannot remove the value " + quote_literal(a.value) + " from enum " + shown(a.type));
    std::vector<std::string> with = a.existing_values;
    auto at = with.end();
    if (!a.before.empty()) at = std::find(with.begin(), with.end(), a.before);
    else if (!a.after.empty() && (at = std::find(with.begin(), with.end(), a.after)) != with.end()) ++at;
    with.insert(at, a.value);
    return {op::ReplaceEnum{a.type, a.existing_values, std::move(with), a.columns}};
  }
  Out operator()(const op::RenameEnumValue& r) const { return {op::RenameEnumValue{r.type, r.new_value, r.old_value}}; }

  Out operator()(const op::CreateSequence& s) const { return {op::DropSequence{s.sequence, {}, s.options}}; }
  Out operator()(const op::DropSequence& d) const {
    if (!d.definition) return cannot("drop_sequence(" + shown(d.sequence) + ") does not carry the sequence's options");
    return {op::CreateSequence{d.sequence, *d.definition}};
  }

  Out operator()(const op::TableComment& c) const { return {op::TableComment{c.table, c.existing_comment, c.comment}}; }

  // Deletes exactly the inserted rows: every column compared, NULL with IS NULL.
  Out operator()(const op::BulkInsert& b) const {
    if (b.rows.empty()) return {};
    std::vector<std::string> rows;
    for (const auto& row : b.rows) {
      std::vector<std::string> terms;
      for (size_t i = 0; i < row.size(); ++i) {
        if (std::holds_alternative<TextClause>(row[i].v))
          return cannot("bulk_insert() into " + shown(b.table) + " has SQL expressions whose values are unknown");
        std::string column = quote_ident(b.columns[i]);
        terms.push_back(std::holds_alternative<std::nullptr_t>(row[i].v) ? column + " IS NULL"
                                                                          : column + " = " + value_literal(row[i]));
      }
      std::string term;
      for (size_t i = 0; i < terms.size(); ++i) term += (i ? " AND " : "") + terms[i];
      rows.push_back("(" + term + ")");
    }
    std::string where;
    for (size_t i = 0; i < rows.size(); ++i) where += (i ? "\n   OR " : "") + rows[i];
    return {op::Execute{fmt::format("DELETE FROM {} WHERE {}", quote_name(b.table), where), {}}};
  }
};

}  // namespace

std::vector<Operation> reverse(const Operation& operation) { return std::visit(Reverser{}, operation); }

std::vector<Operation> reverse(const std::vector<Operation>& operations) {
  std::vector<Operation> out;
  for (auto it = operations.rbegin(); it != operations.rend(); ++it)
    for (auto& r : reverse(*it)) out.push_back(std::move(r));
  return out;
}

bool reversible(const std::vector<Operation>& operations) {
  for (const auto& r : reverse(operations))
    if (std::holds_alternative<op::Irreversible>(r)) return false;
  return true;
}

}  // namespace migrate::ops
