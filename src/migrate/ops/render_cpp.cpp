// Each Operation printed as the `op.` call that records it again: autogenerate's output.
#include "migrate/ops/render_cpp.hpp"

#include <cmath>

#include <fmt/format.h>

namespace migrate::ops {

namespace {

std::string join(const std::vector<std::string>& parts, const char* separator = ", ") {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

// Designated initializers, printing only the fields that differ from their defaults, in
// declaration order (C++20 requires it).
struct Designated {
  std::vector<std::string> fields;
  Designated& add(const char* name, const std::string& value) {
    fields.push_back(fmt::format(".{} = {}", name, value));
    return *this;
  }
  Designated& flag(const char* name, bool value) {
    if (value) add(name, "true");
    return *this;
  }
  Designated& str(const char* name, const std::string& value) {
    if (!value.empty()) add(name, cpp_string(value));
    return *this;
  }
  // An enumerator, unless it is the default that PostgreSQL leaves unsaid.
  template <class E>
  Designated& enumerator(const char* name, E value) {
    if (value != E{}) add(name, cpp_enum(value));
    return *this;
  }
  Designated& opt(const char* name, const std::optional<std::string>& value) {
    if (value) add(name, cpp_string(*value));
    return *this;
  }
  // A nested options struct, left out when all of it has its defaults.
  Designated& nested(const char* name, const Designated& inner) {
    if (!inner.empty()) add(name, inner.str());
    return *this;
  }
  template <class T>
  Designated& num(const char* name, const std::optional<T>& value) {
    if (value) add(name, std::to_string(*value));
    return *this;
  }
  bool empty() const { return fields.empty(); }
  std::string str() const { return "{" + join(fields) + "}"; }
  // ", {...}" as a trailing argument, or nothing when every option has its default.
  std::string arg() const { return empty() ? "" : ", " + str(); }
};

Designated unique_options(const UniqueOptions& o) {
  Designated d;
  d.flag("nulls_not_distinct", o.nulls_not_distinct).flag("deferrable", o.deferrable);
  d.flag("initially_deferred", o.initially_deferred);
  return d;
}

Designated check_options(const CheckOptions& o) {
  Designated d;
  d.flag("not_valid", o.not_valid);
  return d;
}

Designated foreign_key_options(const ForeignKeyOptions& o) {
  Designated d;
  d.enumerator("on_delete", o.on_delete).enumerator("on_update", o.on_update).enumerator("match", o.match);
  d.flag("deferrable", o.deferrable).flag("initially_deferred", o.initially_deferred).flag("not_valid", o.not_valid);
  return d;
}

Designated index_options(const IndexOptions& o) {
  Designated d;
  d.flag("unique", o.unique).opt("where", o.where).enumerator("method", o.method);
  if (!o.include.empty()) d.add("include", cpp_strings(o.include));
  d.flag("nulls_not_distinct", o.nulls_not_distinct);
  return d;
}

std::string name(const QualifiedName& n) {
  if (n.schema.empty()) return cpp_string(n.name);
  return "{" + cpp_string(n.schema) + ", " + cpp_string(n.name) + "}";
}

// A plain key as the string or text() it converts from; one with a sort order or operator
// class as IndexKey(...).desc()..., the calls a person writes.
std::string key(const IndexKey& k) {
  std::string base = k.expression ? "text(" + cpp_string(k.expression->sql) + ")" : cpp_string(k.column);
  if (!k.descending && k.nulls == NullsOrder::Default && k.operator_class.empty()) return base;
  std::string out = "IndexKey(" + base + ")";
  if (k.descending) out += ".desc()";
  if (k.nulls == NullsOrder::First) out += ".nulls_first()";
  else if (k.nulls == NullsOrder::Last) out += ".nulls_last()";
  if (!k.operator_class.empty()) out += ".opclass(" + cpp_string(k.operator_class) + ")";
  return out;
}

std::string keys(const std::vector<IndexKey>& ks) {
  std::vector<std::string> parts;
  for (const auto& k : ks) parts.push_back(key(k));
  return "{" + join(parts) + "}";
}

std::string partition_by(const PartitionBy& p) {
  const char* method = p.method == PartitionBy::Method::Range ? "range"
                       : p.method == PartitionBy::Method::List ? "list"
                                                               : "hash";
  return fmt::format("PartitionBy::{}({})", method, keys(p.keys));
}

std::string bound(const PartitionBound& b) {
  switch (b.kind) {
    case PartitionBound::Kind::Range: return fmt::format("PartitionBound::range({}, {})", cpp_strings(b.from), cpp_strings(b.to));
    case PartitionBound::Kind::List: return fmt::format("PartitionBound::list({})", cpp_strings(b.in));
    case PartitionBound::Kind::Hash: return fmt::format("PartitionBound::hash({}, {})", b.modulus, b.remainder);
    case PartitionBound::Kind::Default: return "PartitionBound::default_partition()";
  }
  return "PartitionBound::default_partition()";
}

std::string column(const Column& c) {
  const auto& o = c.options;
  std::string out = fmt::format("Column({}, {})", cpp_string(c.name), c.type.cpp());
  // primary_key() and identity() already make it NOT NULL; say only what differs from that.
  bool implied_not_null = o.primary_key || o.identity;
  if (!o.nullable && !implied_not_null) out += ".not_null()";
  if (o.primary_key) out += ".primary_key()";
  if (o.identity) {
    Designated d;
    d.flag("always", o.identity->always).num("start", o.identity->start).num("increment", o.identity->increment);
    out += ".identity(" + (d.empty() ? "" : d.str()) + ")";
  }
  if (o.generated) out += ".generated(" + cpp_string(*o.generated) + ")";
  if (o.server_default) out += ".server_default(" + cpp_string(*o.server_default) + ")";
  if (o.collation) out += ".collate(" + cpp_string(*o.collation) + ")";
  if (o.unique) out += ".unique()";
  if (o.references) {
    const auto& r = *o.references;
    Designated d;
    d.add("table", name(r.table)).str("column", r.column).str("name", r.name);
    d.nested("options", foreign_key_options(r.options));
    out += ".references(" + d.str() + ")";
  }
  if (o.comment) out += ".comment(" + cpp_string(*o.comment) + ")";
  if (o.nullable && implied_not_null) out += ".nullable()";
  return out;
}

std::string constraint(const Constraint& k) {
  return std::visit(
      [](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        Designated d;
        if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) {
          d.add("columns", cpp_strings(c.columns)).str("name", c.name);
          return "PrimaryKeyConstraint" + d.str();
        } else if constexpr (std::is_same_v<T, UniqueConstraint>) {
          d.add("columns", cpp_strings(c.columns)).str("name", c.name).nested("options", unique_options(c.options));
          return "UniqueConstraint" + d.str();
        } else if constexpr (std::is_same_v<T, CheckConstraint>) {
          d.str("expression", c.expression).str("name", c.name).nested("options", check_options(c.options));
          return "CheckConstraint" + d.str();
        } else {
          d.add("columns", cpp_strings(c.columns)).add("referred_table", name(c.referred_table));
          d.add("referred_columns", cpp_strings(c.referred_columns)).str("name", c.name);
          d.nested("options", foreign_key_options(c.options));
          return "ForeignKeyConstraint" + d.str();
        }
      },
      k);
}

std::string drop_options(const DropOptions& o) {
  Designated d;
  d.flag("if_exists", o.if_exists).flag("cascade", o.cascade);
  return d.arg();
}

std::string value(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) return "nullptr";
        else if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t>) {
          // The most negative value has no literal of its own.
          if (x == INT64_MIN) return "(-9223372036854775807LL - 1)";
          return std::to_string(x) + "LL";
        } else if constexpr (std::is_same_v<T, double>) {
          if (std::isnan(x)) return "std::numeric_limits<double>::quiet_NaN()";
          if (std::isinf(x)) return x > 0 ? "std::numeric_limits<double>::infinity()" : "-std::numeric_limits<double>::infinity()";
          std::string s = fmt::format("{}", x);  // shortest text that reads back to the same double
          if (s.find_first_of(".eE") == std::string::npos) s += ".0";
          return s;
        } else if constexpr (std::is_same_v<T, std::string>) return cpp_string(x);
        else return "text(" + cpp_string(x.sql) + ")";
      },
      v.v);
}

std::string params(const std::vector<std::optional<std::string>>& ps) {
  std::vector<std::string> parts;
  for (const auto& p : ps) parts.push_back(p ? cpp_string(*p) : "std::nullopt");
  return "{" + join(parts) + "}";
}

std::string enum_columns(const std::vector<op::EnumColumn>& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) {
    Designated d;
    d.add("table", name(c.table)).add("column", cpp_string(c.column));
    d.opt("server_default", c.server_default).opt("existing_server_default", c.existing_server_default);
    d.flag("array", c.array);
    out.push_back(d.str());
  }
  return "{" + join(out) + "}";
}

struct Printer {
  std::string operator()(const op::Execute& e) const {
    return "op.execute(" + cpp_string(e.sql) + (e.params.empty() ? "" : ", " + params(e.params)) + ");";
  }
  // Markers are printed by the list renderer as an autocommit_block; alone they are comments.
  std::string operator()(const op::BeginAutocommit&) const { return "// begin autocommit block"; }
  std::string operator()(const op::EndAutocommit&) const { return "// end autocommit block"; }
  std::string operator()(const op::Irreversible& i) const { return "op.irreversible(" + cpp_string(i.reason) + ");"; }
  // A note is a comment for the reviewer, one `//` line per line of it.
  std::string operator()(const op::Note& n) const {
    std::string out = "// ";
    for (char c : n.text) out += c == '\n' ? std::string("\n// ") : std::string(1, c);
    return out;
  }
  std::string operator()(const op::CreateSchema& s) const {
    return "op.create_schema(" + cpp_string(s.name) + (s.if_not_exists ? ", true" : "") + ");";
  }
  std::string operator()(const op::DropSchema& d) const {
    return "op.drop_schema(" + cpp_string(d.name) + drop_options(d.options) + ");";
  }

  std::string operator()(const op::CreateTable& t) const {
    std::vector<std::string> elements;
    for (const auto& c : t.columns) elements.push_back(column(c));
    for (const auto& k : t.constraints) elements.push_back(constraint(k));
    Designated d;
    d.opt("comment", t.options.comment);
    if (t.options.partition_by) d.add("partition_by", partition_by(*t.options.partition_by));
    d.flag("if_not_exists", t.options.if_not_exists);
    std::string body = elements.empty() ? "{}" : "{\n    " + join(elements, ",\n    ") + "}";
    return "op.create_table(" + name(t.table) + ", " + body + d.arg() + ");";
  }
  std::string operator()(const op::DropTable& t) const {
    return "op.drop_table(" + name(t.table) + drop_options(t.options) + ");";
  }
  std::string operator()(const op::RenameTable& r) const {
    return "op.rename_table(" + name(r.table) + ", " + cpp_string(r.new_name) + ");";
  }
  std::string operator()(const op::CreatePartition& p) const {
    return "op.create_partition(" + name(p.partition) + ", " + name(p.parent) + ", " + bound(p.bound) + ");";
  }
  std::string operator()(const op::AttachPartition& a) const {
    return "op.attach_partition(" + name(a.parent) + ", " + name(a.partition) + ", " + bound(a.bound) + ");";
  }
  std::string operator()(const op::DetachPartition& p) const {
    Designated d;
    d.flag("concurrently", p.concurrently);
    if (p.bound) d.add("bound", bound(*p.bound));
    return "op.detach_partition(" + name(p.parent) + ", " + name(p.partition) + d.arg() + ");";
  }

  std::string operator()(const op::AddColumn& a) const {
    return "op.add_column(" + name(a.table) + ", " + column(a.column) +
           (a.if_not_exists ? ", {.if_not_exists = true}" : "") + ");";
  }
  std::string operator()(const op::DropColumn& c) const {
    return "op.drop_column(" + name(c.table) + ", " + cpp_string(c.column) + drop_options(c.options) + ");";
  }
  std::string operator()(const op::AlterColumn& a) const {
    const auto& o = a.options;
    Designated d;
    if (o.nullable) d.add("nullable", *o.nullable ? "true" : "false");
    if (o.type) d.add("type", o.type->cpp());
    d.opt("using_expr", o.using_expr).opt("server_default", o.server_default).flag("drop_server_default", o.drop_server_default);
    d.opt("comment", o.comment).flag("drop_comment", o.drop_comment).opt("new_name", o.new_name);
    if (o.existing_type) d.add("existing_type", o.existing_type->cpp());
    if (o.existing_nullable) d.add("existing_nullable", *o.existing_nullable ? "true" : "false");
    d.opt("existing_server_default", o.existing_server_default).opt("existing_comment", o.existing_comment);
    return "op.alter_column(" + name(a.table) + ", " + cpp_string(a.column) + ", " + d.str() + ");";
  }

  std::string operator()(const op::CreateIndex& c) const {
    const auto& i = c.index;
    Designated index = index_options(i.options);
    Designated build;
    build.flag("concurrently", c.concurrently).flag("if_not_exists", c.if_not_exists);
    // The build options come second: an index with default options still prints its {}.
    std::string options = build.empty() ? index.arg() : ", " + index.str() + build.arg();
    return "op.create_index(" + cpp_string(i.name) + ", " + name(c.table) + ", " + keys(i.keys) + options + ");";
  }
  std::string operator()(const op::DropIndex& i) const {
    Designated d;
    d.str("schema", i.index.schema).flag("concurrently", i.concurrently);
    d.flag("if_exists", i.options.if_exists).flag("cascade", i.options.cascade);
    return "op.drop_index(" + cpp_string(i.index.name) + d.arg() + ");";
  }

  std::string operator()(const op::AddConstraint& a) const {
    return std::visit(
        [&](const auto& c) -> std::string {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) {
            return fmt::format("op.create_primary_key({}, {}, {});", cpp_string(c.name), name(a.table),
                               cpp_strings(c.columns));
          } else if constexpr (std::is_same_v<T, UniqueConstraint>) {
            return fmt::format("op.create_unique_constraint({}, {}, {}{});", cpp_string(c.name), name(a.table),
                               cpp_strings(c.columns), unique_options(c.options).arg());
          } else if constexpr (std::is_same_v<T, CheckConstraint>) {
            return fmt::format("op.create_check_constraint({}, {}, {}{});", cpp_string(c.name), name(a.table),
                               cpp_string(c.expression), check_options(c.options).arg());
          } else {
            return fmt::format("op.create_foreign_key({}, {}, {}, {}, {}{});", cpp_string(c.name), name(a.table),
                               name(c.referred_table), cpp_strings(c.columns), cpp_strings(c.referred_columns),
                               foreign_key_options(c.options).arg());
          }
        },
        a.constraint);
  }
  std::string operator()(const op::DropConstraint& c) const {
    return "op.drop_constraint(" + cpp_string(c.name) + ", " + name(c.table) + drop_options(c.options) + ");";
  }
  std::string operator()(const op::ValidateConstraint& v) const {
    return "op.validate_constraint(" + cpp_string(v.name) + ", " + name(v.table) + ");";
  }

  std::string operator()(const op::CreateEnum& e) const {
    return "op.create_enum(" + name(e.type) + ", " + cpp_strings(e.values) + ");";
  }
  std::string operator()(const op::ReplaceEnum& r) const {
    Designated d;
    if (!r.existing_values.empty()) d.add("existing_values", cpp_strings(r.existing_values));
    if (!r.columns.empty()) d.add("columns", enum_columns(r.columns));
    return "op.replace_enum(" + name(r.type) + ", " + cpp_strings(r.values) + d.arg() + ");";
  }
  std::string operator()(const op::DropEnum& e) const {
    return "op.drop_enum(" + name(e.type) + drop_options(e.options) + ");";
  }
  std::string operator()(const op::AddEnumValue& a) const {
    Designated d;
    d.str("before", a.before).str("after", a.after).flag("if_not_exists", a.if_not_exists);
    if (!a.existing_values.empty()) d.add("existing_values", cpp_strings(a.existing_values));
    if (!a.columns.empty()) d.add("columns", enum_columns(a.columns));
    return "op.add_enum_value(" + name(a.type) + ", " + cpp_string(a.value) + d.arg() + ");";
  }
  std::string operator()(const op::RenameEnumValue& r) const {
    return "op.rename_enum_value(" + name(r.type) + ", " + cpp_string(r.old_value) + ", " + cpp_string(r.new_value) + ");";
  }

  std::string operator()(const op::CreateSequence& s) const {
    const auto& o = s.options;
    Designated d;
    if (o.as) d.add("as", o.as->cpp());
    d.num("start", o.start).num("increment", o.increment).num("min_value", o.min_value).num("max_value", o.max_value);
    d.num("cache", o.cache).flag("cycle", o.cycle);
    return "op.create_sequence(" + name(s.sequence) + d.arg() + ");";
  }
  std::string operator()(const op::DropSequence& s) const {
    return "op.drop_sequence(" + name(s.sequence) + drop_options(s.options) + ");";
  }

  std::string operator()(const op::TableComment& c) const {
    Designated d;
    d.opt("existing_comment", c.existing_comment);
    if (c.comment) return "op.create_table_comment(" + name(c.table) + ", " + cpp_string(*c.comment) + d.arg() + ");";
    return "op.drop_table_comment(" + name(c.table) + d.arg() + ");";
  }

  std::string operator()(const op::BulkInsert& b) const {
    std::vector<std::string> rows;
    for (const auto& row : b.rows) {
      std::vector<std::string> values;
      for (const auto& v : row) values.push_back(value(v));
      rows.push_back("{" + join(values) + "}");
    }
    std::string body = rows.empty() ? "{}" : "{\n    " + join(rows, ",\n    ") + "}";
    return "op.bulk_insert(" + name(b.table) + ", " + cpp_strings(b.columns) + ", " + body + ");";
  }
};

// Prefixes every line of `text` with `indent` spaces.
std::string indented(const std::string& text, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  std::string out = pad;
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace

std::string render_cpp(const Operation& operation) { return std::visit(Printer{}, operation); }

std::string render_cpp(const std::vector<Operation>& operations, int indent) {
  std::string out;
  int depth = 0;
  for (const auto& o : operations) {
    if (std::holds_alternative<op::BeginAutocommit>(o)) {
      out += indented("op.autocommit_block([&] {", indent + 2 * depth) + "\n";
      ++depth;
    } else if (std::holds_alternative<op::EndAutocommit>(o) && depth > 0) {
      --depth;
      out += indented("});", indent + 2 * depth) + "\n";
    } else {
      out += indented(render_cpp(o), indent + 2 * depth) + "\n";
    }
  }
  // An unbalanced list still prints as C++ that compiles.
  for (; depth > 0; --depth) out += indented("});", indent + 2 * (depth - 1)) + "\n";
  return out;
}

}  // namespace migrate::ops
