// PostgreSQL rendering of every Operation.
#include "migrate/ops/render_sql.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/ops/bind_parameters.hpp"

namespace migrate::ops {

namespace {

std::string join(const std::vector<std::string>& parts, const char* separator = ", ") {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string idents(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const auto& n : names) quoted.push_back(quote_ident(n));
  return join(quoted);
}

std::string literals(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const auto& v : values) quoted.push_back(quote_literal(v));
  return join(quoted);
}

// NO ACTION is PostgreSQL's default: left unsaid, as a declaration that never named it reads.
std::string referential_actions(FkAction on_delete, FkAction on_update) {
  std::string out;
  if (on_delete != FkAction::NoAction) out += " ON DELETE " + std::string(sql_keyword(on_delete));
  if (on_update != FkAction::NoAction) out += " ON UPDATE " + std::string(sql_keyword(on_update));
  return out;
}

std::string deferrability(bool deferrable, bool initially_deferred) {
  if (!deferrable) return "";
  return initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}

// What follows REFERENCES t (c) in a table constraint and in a column's inline clause.
std::string references_options(const ForeignKeyOptions& o, bool with_not_valid) {
  std::string sql;
  if (o.match != FkMatch::Simple) sql += " MATCH " + std::string(sql_keyword(o.match));
  sql += referential_actions(o.on_delete, o.on_update) + deferrability(o.deferrable, o.initially_deferred);
  if (with_not_valid && o.not_valid) sql += " NOT VALID";
  return sql;
}

std::string constraint_prefix(const std::string& name) {
  return name.empty() ? "" : "CONSTRAINT " + quote_ident(name) + " ";
}

std::string key_list(const std::vector<IndexKey>& keys) {
  std::vector<std::string> parts;
  // Expressions need their own parentheses in an index or partition key.
  for (const auto& k : keys)
    parts.push_back((k.expression ? "(" + k.expression->sql + ")" : quote_ident(k.column)) + key_modifiers(k));
  return join(parts);
}

std::string bound_sql(const PartitionBound& b) {
  switch (b.kind) {
    case PartitionBound::Kind::Range: return fmt::format("FOR VALUES FROM ({}) TO ({})", join(b.from), join(b.to));
    case PartitionBound::Kind::List: return fmt::format("FOR VALUES IN ({})", join(b.in));
    case PartitionBound::Kind::Hash:
      return fmt::format("FOR VALUES WITH (MODULUS {}, REMAINDER {})", b.modulus, b.remainder);
    case PartitionBound::Kind::Default: return "DEFAULT";
  }
  return "DEFAULT";
}

std::string partition_by_sql(const PartitionBy& p) {
  const char* method = p.method == PartitionBy::Method::Range ? "RANGE"
                       : p.method == PartitionBy::Method::List ? "LIST"
                                                               : "HASH";
  return fmt::format(" PARTITION BY {} ({})", method, key_list(p.keys));
}

std::string column_name(const QualifiedName& table, const std::string& column) {
  return quote_name(table) + "." + quote_ident(column);
}

std::string comment_literal(const std::optional<std::string>& comment) { return quote_literal(comment); }

}  // namespace

std::string value_literal(const Value& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) return "NULL";
        else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
        else if constexpr (std::is_same_v<T, double>) {
          if (std::isnan(v)) return "'NaN'";
          if (std::isinf(v)) return v > 0 ? "'Infinity'" : "'-Infinity'";
          return fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, std::string>) return quote_literal(v);
        else return v.sql;
      },
      value.v);
}

namespace {

// Where ReplaceEnum parks the old type: "<name>_old", cut to PostgreSQL's 63 bytes at a
// character boundary.
std::string name_aside(const std::string& name) {
  std::size_t keep = std::min<std::size_t>(name.size(), 59);
  while (keep > 0 && keep < name.size() && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return name.substr(0, keep) + "_old";
}

std::string drop_suffix(const DropOptions& o) { return o.cascade ? " CASCADE" : ""; }
std::string if_exists(const DropOptions& o) { return o.if_exists ? "IF EXISTS " : ""; }

struct Renderer {
  using Out = std::vector<std::string>;

  Out operator()(const op::Execute& e) const { return {bind_parameters(e.sql, e.params)}; }
  Out operator()(const op::BeginAutocommit&) const { return {}; }
  Out operator()(const op::EndAutocommit&) const { return {}; }

  Out operator()(const op::Note&) const { return {}; }
  Out operator()(const op::CreateSchema& s) const {
    return {fmt::format("CREATE SCHEMA {}{}", s.if_not_exists ? "IF NOT EXISTS " : "", quote_ident(s.name))};
  }
  Out operator()(const op::DropSchema& d) const {
    return {fmt::format("DROP SCHEMA {}{}{}", if_exists(d.options), quote_ident(d.name), drop_suffix(d.options))};
  }

  Out operator()(const op::Irreversible& i) const {
    // A dollar-quoted DO body cannot be closed early by the reason: its literal is escaped
    // and the tag is one no reason can contain once `$` is replaced.
    std::string reason = i.reason;
    std::replace(reason.begin(), reason.end(), '$', '?');
    return {fmt::format("DO $migrate$ BEGIN RAISE EXCEPTION USING MESSAGE = {}; END $migrate$",
                        quote_literal("migrate: this step cannot be reversed: " + reason))};
  }

  Out operator()(const op::CreateTable& t) const {
    size_t pk_columns = std::count_if(t.columns.begin(), t.columns.end(),
                                      [](const Column& c) { return c.options.primary_key; });
    // PRIMARY KEY on two columns inline would declare two primary keys: make it a table constraint.
    bool inline_pk = pk_columns <= 1;
    std::vector<std::string> elements;
    for (const auto& c : t.columns) elements.push_back(column_definition(c, inline_pk));
    if (!inline_pk) {
      std::vector<std::string> names;
      for (const auto& c : t.columns)
        if (c.options.primary_key) names.push_back(c.name);
      elements.push_back("PRIMARY KEY (" + idents(names) + ")");
    }
    for (const auto& k : t.constraints) elements.push_back(constraint_definition(k, false));
    std::string body = elements.empty() ? "()" : "(\n    " + join(elements, ",\n    ") + "\n)";
    Out out{fmt::format("CREATE TABLE {}{} {}{}", t.options.if_not_exists ? "IF NOT EXISTS " : "",
                        quote_name(t.table), body,
                        t.options.partition_by ? partition_by_sql(*t.options.partition_by) : "")};
    if (t.options.comment)
      out.push_back(fmt::format("COMMENT ON TABLE {} IS {}", quote_name(t.table), comment_literal(t.options.comment)));
    for (const auto& c : t.columns)
      if (c.options.comment)
        out.push_back(fmt::format("COMMENT ON COLUMN {} IS {}", column_name(t.table, c.name),
                                  comment_literal(c.options.comment)));
    return out;
  }

  Out operator()(const op::DropTable& d) const {
    return {fmt::format("DROP TABLE {}{}{}", if_exists(d.options), quote_name(d.table), drop_suffix(d.options))};
  }

  Out operator()(const op::RenameTable& r) const {
    return {fmt::format("ALTER TABLE {} RENAME TO {}", quote_name(r.table), quote_ident(r.new_name))};
  }

  Out operator()(const op::CreatePartition& p) const {
    return {fmt::format("CREATE TABLE {} PARTITION OF {} {}", quote_name(p.partition), quote_name(p.parent),
                        bound_sql(p.bound))};
  }

  Out operator()(const op::AttachPartition& a) const {
    return {fmt::format("ALTER TABLE {} ATTACH PARTITION {} {}", quote_name(a.parent), quote_name(a.partition),
                        bound_sql(a.bound))};
  }

  Out operator()(const op::DetachPartition& d) const {
    return {fmt::format("ALTER TABLE {} DETACH PARTITION {}{}", quote_name(d.parent), quote_name(d.partition),
                        d.concurrently ? " CONCURRENTLY" : "")};
  }

  Out operator()(const op::AddColumn& a) const {
    Out out{fmt::format("ALTER TABLE {} ADD COLUMN {}{}", quote_name(a.table), a.if_not_exists ? "IF NOT EXISTS " : "",
                        column_definition(a.column))};
    if (a.column.options.comment)
      out.push_back(fmt::format("COMMENT ON COLUMN {} IS {}", column_name(a.table, a.column.name),
                                comment_literal(a.column.options.comment)));
    return out;
  }

  Out operator()(const op::DropColumn& d) const {
    return {fmt::format("ALTER TABLE {} DROP COLUMN {}{}{}", quote_name(d.table), if_exists(d.options),
                        quote_ident(d.column), drop_suffix(d.options))};
  }

  Out operator()(const op::AlterColumn& a) const {
    const auto& o = a.options;
    std::string column = quote_ident(a.column);
    std::vector<std::string> actions;
    if (o.type)
      actions.push_back(fmt::format("ALTER COLUMN {} TYPE {}{}", column, o.type->sql(),
                                    o.using_expr ? " USING " + *o.using_expr : ""));
    if (o.nullable) actions.push_back(fmt::format("ALTER COLUMN {} {} NOT NULL", column, *o.nullable ? "DROP" : "SET"));
    if (o.server_default) actions.push_back(fmt::format("ALTER COLUMN {} SET DEFAULT {}", column, *o.server_default));
    else if (o.drop_server_default) actions.push_back(fmt::format("ALTER COLUMN {} DROP DEFAULT", column));
    Out out;
    // One ALTER TABLE for the column changes: PostgreSQL then rewrites the table at most once.
    if (!actions.empty()) out.push_back(fmt::format("ALTER TABLE {} {}", quote_name(a.table), join(actions)));
    if (o.comment || o.drop_comment)
      out.push_back(fmt::format("COMMENT ON COLUMN {} IS {}", column_name(a.table, a.column),
                                comment_literal(o.drop_comment ? std::nullopt : o.comment)));
    if (o.new_name)
      out.push_back(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {}", quote_name(a.table), column,
                                quote_ident(*o.new_name)));
    return out;
  }

  Out operator()(const op::CreateIndex& c) const {
    const auto& i = c.index.options;
    std::string sql = fmt::format("CREATE {}INDEX {}{}", i.unique ? "UNIQUE " : "", c.concurrently ? "CONCURRENTLY " : "",
                                  c.if_not_exists ? "IF NOT EXISTS " : "");
    if (!c.index.name.empty()) sql += quote_ident(c.index.name) + " ";
    sql += "ON " + quote_name(c.table);
    if (i.method != IndexMethod::BTree) sql += " USING " + std::string(sql_keyword(i.method));
    sql += " (" + key_list(c.index.keys) + ")";
    if (!i.include.empty()) sql += " INCLUDE (" + idents(i.include) + ")";
    if (i.nulls_not_distinct) sql += " NULLS NOT DISTINCT";
    if (i.where) sql += " WHERE " + *i.where;
    return {sql};
  }

  Out operator()(const op::DropIndex& d) const {
    return {fmt::format("DROP INDEX {}{}{}{}", d.concurrently ? "CONCURRENTLY " : "", if_exists(d.options),
                        quote_name(d.index), drop_suffix(d.options))};
  }

  Out operator()(const op::AddConstraint& a) const {
    return {fmt::format("ALTER TABLE {} ADD {}", quote_name(a.table), constraint_definition(a.constraint, true))};
  }

  Out operator()(const op::DropConstraint& d) const {
    return {fmt::format("ALTER TABLE {} DROP CONSTRAINT {}{}{}", quote_name(d.table), if_exists(d.options),
                        quote_ident(d.name), drop_suffix(d.options))};
  }

  Out operator()(const op::ValidateConstraint& v) const {
    return {fmt::format("ALTER TABLE {} VALIDATE CONSTRAINT {}", quote_name(v.table), quote_ident(v.name))};
  }

  Out operator()(const op::CreateEnum& e) const {
    return {fmt::format("CREATE TYPE {} AS ENUM ({})", quote_name(e.type), literals(e.values))};
  }

  Out operator()(const op::ReplaceEnum& r) const {
    const QualifiedName aside(r.type.schema, name_aside(r.type.name));
    Out out{fmt::format("ALTER TYPE {} RENAME TO {}", quote_name(r.type), quote_ident(aside.name)),
            fmt::format("CREATE TYPE {} AS ENUM ({})", quote_name(r.type), literals(r.values))};
    for (const auto& c : r.columns) {
      const std::string column = fmt::format("ALTER TABLE {} ALTER COLUMN {}", quote_name(c.table), quote_ident(c.column));
      if (c.existing_server_default) out.push_back(column + " DROP DEFAULT");
      const std::string type = quote_name(r.type) + (c.array ? "[]" : "");
      out.push_back(fmt::format("{} TYPE {} USING {}::text{}::{}", column, type, quote_ident(c.column),
                                c.array ? "[]" : "", type));
      if (c.server_default) out.push_back(column + " SET DEFAULT " + *c.server_default);
    }
    out.push_back("DROP TYPE " + quote_name(aside));
    return out;
  }

  Out operator()(const op::DropEnum& d) const {
    return {fmt::format("DROP TYPE {}{}{}", if_exists(d.options), quote_name(d.type), drop_suffix(d.options))};
  }

  Out operator()(const op::AddEnumValue& a) const {
    std::string position;
    if (!a.before.empty()) position = " BEFORE " + quote_literal(a.before);
    else if (!a.after.empty()) position = " AFTER " + quote_literal(a.after);
    return {fmt::format("ALTER TYPE {} ADD VALUE {}{}{}", quote_name(a.type), a.if_not_exists ? "IF NOT EXISTS " : "",
                        quote_literal(a.value), position)};
  }

  Out operator()(const op::RenameEnumValue& r) const {
    return {fmt::format("ALTER TYPE {} RENAME VALUE {} TO {}", quote_name(r.type), quote_literal(r.old_value),
                        quote_literal(r.new_value))};
  }

  Out operator()(const op::CreateSequence& s) const {
    const auto& o = s.options;
    std::string sql = "CREATE SEQUENCE " + quote_name(s.sequence);
    if (o.as) sql += " AS " + o.as->sql();
    if (o.increment) sql += fmt::format(" INCREMENT BY {}", *o.increment);
    if (o.min_value) sql += fmt::format(" MINVALUE {}", *o.min_value);
    if (o.max_value) sql += fmt::format(" MAXVALUE {}", *o.max_value);
    if (o.start) sql += fmt::format(" START WITH {}", *o.start);
    if (o.cache) sql += fmt::format(" CACHE {}", *o.cache);
    if (o.cycle) sql += " CYCLE";
    return {sql};
  }

  Out operator()(const op::DropSequence& d) const {
    return {fmt::format("DROP SEQUENCE {}{}{}", if_exists(d.options), quote_name(d.sequence), drop_suffix(d.options))};
  }

  Out operator()(const op::TableComment& c) const {
    return {fmt::format("COMMENT ON TABLE {} IS {}", quote_name(c.table), comment_literal(c.comment))};
  }

  Out operator()(const op::BulkInsert& b) const {
    if (b.rows.empty()) return {};
    std::vector<std::string> rows;
    for (const auto& row : b.rows) {
      std::vector<std::string> values;
      for (const auto& v : row) values.push_back(value_literal(v));
      rows.push_back("(" + join(values) + ")");
    }
    return {fmt::format("INSERT INTO {} ({}) VALUES\n    {}", quote_name(b.table), idents(b.columns),
                        join(rows, ",\n    "))};
  }
};

}  // namespace

std::string column_definition(const Column& column, bool inline_primary_key) {
  const auto& o = column.options;
  std::string sql = quote_ident(column.name) + " " + column.type.sql();
  if (o.collation) sql += " COLLATE " + quote_ident(*o.collation);
  if (o.identity) {
    sql += o.identity->always ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY";
    std::vector<std::string> seq;
    if (o.identity->start) seq.push_back(fmt::format("START WITH {}", *o.identity->start));
    if (o.identity->increment) seq.push_back(fmt::format("INCREMENT BY {}", *o.identity->increment));
    if (!seq.empty()) sql += " (" + join(seq, " ") + ")";
  }
  if (o.generated) sql += " GENERATED ALWAYS AS (" + *o.generated + ") STORED";
  if (o.server_default) sql += " DEFAULT " + *o.server_default;
  if (!o.nullable) sql += " NOT NULL";
  if (o.primary_key && inline_primary_key) sql += " PRIMARY KEY";
  if (o.unique) sql += " UNIQUE";
  if (o.references) {
    const auto& r = *o.references;
    sql += " " + constraint_prefix(r.name) + "REFERENCES " + quote_name(r.table) + " (" + quote_ident(r.column) + ")" +
           references_options(r.options, false);
  }
  return sql;
}

std::string constraint_definition(const Constraint& constraint, bool with_not_valid) {
  return std::visit(
      [&](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        std::string sql = constraint_prefix(c.name);
        if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) {
          sql += "PRIMARY KEY (" + idents(c.columns) + ")";
        } else if constexpr (std::is_same_v<T, UniqueConstraint>) {
          sql += std::string("UNIQUE ") + (c.options.nulls_not_distinct ? "NULLS NOT DISTINCT " : "") + "(" +
                 idents(c.columns) + ")" + deferrability(c.options.deferrable, c.options.initially_deferred);
        } else if constexpr (std::is_same_v<T, CheckConstraint>) {
          sql += "CHECK (" + c.expression + ")";
          if (with_not_valid && c.options.not_valid) sql += " NOT VALID";
        } else {
          sql += "FOREIGN KEY (" + idents(c.columns) + ") REFERENCES " + quote_name(c.referred_table) + " (" +
                 idents(c.referred_columns) + ")";
          sql += references_options(c.options, with_not_valid);
        }
        return sql;
      },
      constraint);
}

std::vector<std::string> render_sql(const Operation& operation) { return std::visit(Renderer{}, operation); }

}  // namespace migrate::ops
