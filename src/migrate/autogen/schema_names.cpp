// Schema renaming over a whole Catalog, names and expression text alike.
#include "migrate/autogen/schema_names.hpp"

#include <utility>
#include <vector>

#include "migrate/ops/quote.hpp"

namespace migrate::autogen {

namespace {

bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

void rename(std::string& schema, const SchemaNames& names) {
  if (auto it = names.find(schema); it != names.end()) schema = it->second;
}

void rename(QualifiedName& name, const SchemaNames& names) { rename(name.schema, names); }

void rename(Type& type, const SchemaNames& names) {
  if (type.kind == Type::Kind::Enum) rename(type.schema, names);
  // Introspection gives a user-defined type as format_type() spells it: "schema.name".
  if (type.kind == Type::Kind::Raw) type.name = rename_in_sql(type.name, names);
  for (auto& element : type.element) rename(element, names);
}

void rename(std::optional<std::string>& sql, const SchemaNames& names) {
  if (sql) *sql = rename_in_sql(*sql, names);
}

void rename(std::vector<IndexKey>& keys, const SchemaNames& names) {
  for (auto& key : keys)
    if (key.expression) key.expression->sql = rename_in_sql(key.expression->sql, names);
}

}  // namespace

std::string rename_in_sql(const std::string& sql, const SchemaNames& names) {
  // Each name as the server and render_sql spell it before a '.', quoted where PostgreSQL
  // needs it ("Sales".orders, "user".t; a bare Sales. is another schema, sales), and a
  // needlessly quoted "ecommerce". too; the replacement is spelled the same way.
  std::vector<std::pair<std::string, std::string>> spellings;
  for (const auto& [from, to] : names) {
    const std::string spelled = ops::quote_ident(from);
    spellings.emplace_back(spelled, ops::quote_ident(to));
    if (spelled == from) spellings.emplace_back("\"" + from + "\"", ops::quote_ident(to));
  }
  std::string out;
  out.reserve(sql.size());
  for (size_t i = 0; i < sql.size();) {
    // A string literal is text (a comment, a label) unless it is one name, as in
    // nextval('ecommerce.order_number_seq'::regclass): only then is its schema renamed.
    if (sql[i] == '\'') {
      size_t end = i + 1;
      while (end < sql.size() && !(sql[end] == '\'' && (end + 1 >= sql.size() || sql[end + 1] != '\'')))
        end += sql[end] == '\'' ? 2 : 1;
      if (end < sql.size()) {
        const std::string content = sql.substr(i + 1, end - i - 1);
        const bool one_name = content.find_first_of(" \t\n\r'") == std::string::npos;
        out += '\'';
        out += one_name ? rename_in_sql(content, names) : content;
        out += '\'';
        i = end + 1;
        continue;
      }
      // An apostrophe with no end (a message's "can't"): just a character.
    }
    bool replaced = false;
    if (i == 0 || !identifier_char(sql[i - 1])) {
      for (const auto& [from, to] : spellings) {
        if (sql.compare(i, from.size(), from) == 0 && i + from.size() < sql.size() && sql[i + from.size()] == '.') {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += sql[i++];
  }
  return out;
}

schema::Catalog rename_schemas(schema::Catalog catalog, const SchemaNames& names) {
  if (catalog.schemas)
    for (auto& s : *catalog.schemas)
      if (auto it = names.find(s); it != names.end()) s = it->second;
  for (auto& e : catalog.enums) rename(e.name, names);
  for (auto& s : catalog.sequences) rename(s.name, names);
  for (auto& t : catalog.tables) {
    rename(t.name, names);
    for (auto& c : t.columns) {
      rename(c.type, names);
      rename(c.options.server_default, names);
      rename(c.options.generated, names);
      if (c.options.references) rename(c.options.references->table, names);
    }
    for (auto& constraint : t.constraints) {
      std::visit(
          [&](auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, CheckConstraint>) c.expression = rename_in_sql(c.expression, names);
            if constexpr (std::is_same_v<T, ForeignKeyConstraint>) rename(c.referred_table, names);
          },
          constraint);
    }
    for (auto& index : t.indexes) {
      rename(index.keys, names);
      rename(index.options.where, names);
    }
    if (t.partition_by) rename(t.partition_by->keys, names);
    for (auto& p : t.partitions) rename(p.name, names);
  }
  return catalog;
}

}  // namespace migrate::autogen
