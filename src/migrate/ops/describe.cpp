// One human line per kind of Operation; the visitor has no catch-all, so a new kind fails to compile here.
#include "migrate/ops/describe.hpp"

#include <fmt/format.h>

#include "migrate/ops/render_sql.hpp"

namespace migrate::ops {

namespace {

std::string shown(const QualifiedName& n) { return n.schema.empty() ? n.name : n.schema + "." + n.name; }

std::string list(const std::vector<std::string>& items) { return fmt::format("{}", fmt::join(items, ", ")); }

std::string keys(const std::vector<IndexKey>& keys) {
  std::vector<std::string> parts;
  for (const auto& k : keys) parts.push_back((k.expression ? "(" + k.expression->sql + ")" : k.column) + key_modifiers(k));
  return list(parts);
}

std::string comment_text(const std::optional<std::string>& c) { return c ? quote_literal(*c) : "none"; }

// The first line of raw SQL, cut short: enough to recognise the statement.
std::string sql_head(const std::string& sql) {
  std::string head = sql.substr(0, sql.find('\n'));
  if (head.size() > 72) head = head.substr(0, 72) + "...";
  else if (head.size() < sql.size()) head += " ...";
  return head;
}

std::string bound_text(const PartitionBound& b) {
  switch (b.kind) {
    case PartitionBound::Kind::Range: return fmt::format("from ({}) to ({})", list(b.from), list(b.to));
    case PartitionBound::Kind::List: return fmt::format("in ({})", list(b.in));
    case PartitionBound::Kind::Hash: return fmt::format("with modulus {}, remainder {}", b.modulus, b.remainder);
    case PartitionBound::Kind::Default: return "default";
  }
  return "default";
}

// Referential actions, MATCH and index methods are left out on purpose: their text lives in
// render_sql, and a line per operation names the object, not its every clause.
std::string constraint_text(const Constraint& constraint) {
  return std::visit(
      [](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        const std::string name = c.name.empty() ? "" : " " + c.name;
        if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) return fmt::format("primary key{} ({})", name, list(c.columns));
        else if constexpr (std::is_same_v<T, UniqueConstraint>) return fmt::format("unique constraint{} ({})", name, list(c.columns));
        else if constexpr (std::is_same_v<T, CheckConstraint>) return fmt::format("check constraint{} ({})", name, c.expression);
        else
          return fmt::format("foreign key{} ({}) -> {} ({})", name, list(c.columns), shown(c.referred_table),
                             list(c.referred_columns));
      },
      constraint);
}

std::string constraint_kind(const Constraint& constraint) {
  return std::visit(
      [](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) return "primary key";
        else if constexpr (std::is_same_v<T, UniqueConstraint>) return "unique constraint";
        else if constexpr (std::is_same_v<T, CheckConstraint>) return "check constraint";
        else return "foreign key";
      },
      constraint);
}

std::string nullability(bool nullable) { return nullable ? "NULL" : "NOT NULL"; }

// "old -> new" when the operation says what was there, else just the new value.
std::string change(const std::optional<std::string>& existing, const std::string& wanted) {
  return existing ? *existing + " -> " + wanted : wanted;
}

std::string alter_text(const op::AlterColumn& a) {
  const auto& o = a.options;
  std::vector<std::string> parts;
  if (o.type)
    parts.push_back("type " + change(o.existing_type ? std::optional(o.existing_type->format_type()) : std::nullopt,
                                     o.type->format_type()));
  if (o.nullable)
    parts.push_back(change(o.existing_nullable ? std::optional(nullability(*o.existing_nullable)) : std::nullopt,
                           nullability(*o.nullable)));
  if (o.server_default || o.drop_server_default)
    parts.push_back("default " + change(o.existing_server_default ? o.existing_server_default : std::optional<std::string>("none"),
                                        o.drop_server_default ? "none" : *o.server_default));
  if (o.comment || o.drop_comment)
    parts.push_back("comment " + change(comment_text(o.existing_comment), comment_text(o.drop_comment ? std::nullopt : o.comment)));
  if (o.new_name) parts.push_back("rename to " + *o.new_name);
  if (parts.empty()) parts.push_back("no change");
  return fmt::format("alter column {}.{}: {}", shown(a.table), a.column, fmt::join(parts, "; "));
}

struct Describer {
  std::string operator()(const op::Execute& e) const { return "execute " + sql_head(e.sql); }
  std::string operator()(const op::BeginAutocommit&) const { return "begin autocommit block"; }
  std::string operator()(const op::EndAutocommit&) const { return "end autocommit block"; }
  std::string operator()(const op::Irreversible& i) const { return "needs a hand-written step: " + i.reason; }
  std::string operator()(const op::Note& n) const { return "note: " + n.text; }
  std::string operator()(const op::CreateSchema& s) const { return "create schema " + s.name; }
  std::string operator()(const op::DropSchema& d) const { return "drop schema " + d.name; }

  std::string operator()(const op::CreateTable& t) const { return "create table " + shown(t.table); }
  std::string operator()(const op::DropTable& d) const { return "drop table " + shown(d.table); }
  std::string operator()(const op::RenameTable& r) const {
    return fmt::format("rename table {} to {}", shown(r.table), r.new_name);
  }
  std::string operator()(const op::CreatePartition& p) const {
    return fmt::format("create partition {} of {} ({})", shown(p.partition), shown(p.parent), bound_text(p.bound));
  }
  std::string operator()(const op::AttachPartition& a) const {
    return fmt::format("attach partition {} to {} ({})", shown(a.partition), shown(a.parent), bound_text(a.bound));
  }
  std::string operator()(const op::DetachPartition& d) const {
    return fmt::format("detach partition {} from {}", shown(d.partition), shown(d.parent));
  }

  std::string operator()(const op::AddColumn& a) const {
    return fmt::format("add column {}.{} ({}{})", shown(a.table), a.column.name, a.column.type.format_type(),
                       a.column.options.nullable ? "" : " NOT NULL");
  }
  std::string operator()(const op::DropColumn& d) const { return fmt::format("drop column {}.{}", shown(d.table), d.column); }
  std::string operator()(const op::AlterColumn& a) const { return alter_text(a); }

  std::string operator()(const op::CreateIndex& c) const {
    return fmt::format("create {}index {} on {} ({})", c.index.options.unique ? "unique " : "",
                       shown(QualifiedName(c.table.schema, c.index.name)), shown(c.table), keys(c.index.keys));
  }
  std::string operator()(const op::DropIndex& d) const { return "drop index " + shown(d.index); }

  std::string operator()(const op::AddConstraint& a) const {
    return fmt::format("add {} on {}", constraint_text(a.constraint), shown(a.table));
  }
  std::string operator()(const op::DropConstraint& d) const {
    return fmt::format("drop {} {} on {}", d.definition ? constraint_kind(*d.definition) : "constraint", d.name,
                       shown(d.table));
  }
  std::string operator()(const op::ValidateConstraint& v) const {
    return fmt::format("validate constraint {} on {}", v.name, shown(v.table));
  }

  std::string operator()(const op::CreateEnum& e) const {
    return fmt::format("create enum {} ({})", shown(e.type), list(e.values));
  }
  std::string operator()(const op::DropEnum& d) const { return "drop enum " + shown(d.type); }
  std::string operator()(const op::ReplaceEnum& r) const {
    std::vector<std::string> columns;
    for (const auto& c : r.columns) columns.push_back(shown(c.table) + "." + c.column);
    return fmt::format("replace enum {} ({}) -> ({}){}", shown(r.type), list(r.existing_values), list(r.values),
                       columns.empty() ? "" : "; converts " + list(columns));
  }
  std::string operator()(const op::AddEnumValue& a) const {
    std::string position = !a.before.empty() ? " before " + quote_literal(a.before)
                           : !a.after.empty() ? " after " + quote_literal(a.after)
                                              : "";
    return fmt::format("add value {} to enum {}{}", quote_literal(a.value), shown(a.type), position);
  }
  std::string operator()(const op::RenameEnumValue& r) const {
    return fmt::format("rename value {} of enum {} to {}", quote_literal(r.old_value), shown(r.type),
                       quote_literal(r.new_value));
  }

  std::string operator()(const op::CreateSequence& s) const { return "create sequence " + shown(s.sequence); }
  std::string operator()(const op::DropSequence& d) const { return "drop sequence " + shown(d.sequence); }

  std::string operator()(const op::TableComment& c) const {
    return fmt::format("comment on table {}: {} -> {}", shown(c.table), comment_text(c.existing_comment),
                       comment_text(c.comment));
  }
  std::string operator()(const op::BulkInsert& b) const {
    return fmt::format("insert {} row{} into {}", b.rows.size(), b.rows.size() == 1 ? "" : "s", shown(b.table));
  }
};

}  // namespace

std::string describe(const Operation& operation) { return std::visit(Describer{}, operation); }

}  // namespace migrate::ops
