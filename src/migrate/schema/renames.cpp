// Declared renames applied to the found catalog, the way PostgreSQL's catalogs follow them.
#include "migrate/schema/renames.hpp"

#include "migrate/ops/quote.hpp"

namespace migrate::schema {

namespace {

bool identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool identifier_char(char c) { return identifier_start(c) || (c >= '0' && c <= '9') || c == '$'; }

// The end of the literal or quoted identifier that starts at `i` (a ' or "), doubled quotes included.
std::size_t closing(const std::string& sql, std::size_t i) {
  const char quote = sql[i];
  for (++i; i < sql.size(); ++i) {
    if (sql[i] != quote) continue;
    if (i + 1 < sql.size() && sql[i + 1] == quote) ++i;
    else return i + 1;
  }
  return sql.size();
}

std::string unquoted(const std::string& quoted) {
  std::string out;
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    out += quoted[i];
    if (quoted[i] == '"') ++i;
  }
  return out;
}

// A reference to the column, not a qualified name's last part or a function of that name.
bool is_reference(const std::string& sql, std::size_t start, std::size_t end) {
  if (start > 0 && sql[start - 1] == '.') return false;
  std::size_t next = end;
  while (next < sql.size() && sql[next] == ' ') ++next;
  return next >= sql.size() || (sql[next] != '(' && sql[next] != '.');
}

void rename_text(std::string& text, const std::string& from, const std::string& to) { text = rename_identifier(text, from, to); }
void rename_text(std::optional<std::string>& text, const std::string& from, const std::string& to) {
  if (text) rename_text(*text, from, to);
}
void rename_names(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  for (auto& n : names)
    if (n == from) n = to;
}
void rename_keys(std::vector<IndexKey>& keys, const std::string& from, const std::string& to) {
  for (auto& k : keys) {
    if (k.expression) rename_text(k.expression->sql, from, to);
    else if (k.column == from) k.column = to;
  }
}

Table* table_in(Catalog& catalog, const QualifiedName& name) {
  for (auto& t : catalog.tables)
    if (t.name == name) return &t;
  return nullptr;
}

void rename_column(Catalog& catalog, Table& table, const std::string& from, const std::string& to) {
  for (auto& c : table.columns) {
    if (c.name == from) c.name = to;
    rename_text(c.options.server_default, from, to);
    rename_text(c.options.generated, from, to);
  }
  for (auto& constraint : table.constraints)
    std::visit(
        [&](auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, CheckConstraint>) rename_text(c.expression, from, to);
          else rename_names(c.columns, from, to);
        },
        constraint);
  for (auto& i : table.indexes) {
    rename_keys(i.keys, from, to);
    rename_names(i.options.include, from, to);
    rename_text(i.options.where, from, to);
  }
  if (table.partition_by) rename_keys(table.partition_by->keys, from, to);
  for (auto& t : catalog.tables)
    for (auto& constraint : t.constraints)
      if (auto* fk = std::get_if<ForeignKeyConstraint>(&constraint); fk && fk->referred_table == table.name)
        rename_names(fk->referred_columns, from, to);
}

}  // namespace

std::string rename_identifier(const std::string& sql, const std::string& from, const std::string& to) {
  std::string out;
  for (std::size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    if (c == '\'') {
      const std::size_t end = closing(sql, i);
      out.append(sql, i, end - i);
      i = end;
    } else if (c == '"') {
      const std::size_t end = closing(sql, i);
      const std::string quoted = sql.substr(i, end - i);
      out += unquoted(quoted) == from && is_reference(sql, i, end) ? ops::quote_ident(to) : quoted;
      i = end;
    } else if (identifier_start(c) && (i == 0 || !identifier_char(sql[i - 1]))) {
      std::size_t end = i;
      while (end < sql.size() && identifier_char(sql[end])) ++end;
      const std::string word = sql.substr(i, end - i);
      out += word == from && is_reference(sql, i, end) ? ops::quote_ident(to) : word;
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

Catalog apply_declared_renames(const Catalog& wanted, Catalog found, std::vector<Operation>& renames) {
  for (const auto& w : wanted.tables) {
    if (!w.renamed_from || found.table(w.name)) continue;
    const QualifiedName old(w.name.schema, *w.renamed_from);
    if (!found.table(old) || wanted.table(old)) continue;
    renames.push_back(op::RenameTable{old, w.name.name});
    for (auto& t : found.tables) {
      if (t.name == old) t.name = w.name;
      for (auto& constraint : t.constraints)
        if (auto* fk = std::get_if<ForeignKeyConstraint>(&constraint); fk && fk->referred_table == old)
          fk->referred_table = w.name;
    }
  }
  for (const auto& w : wanted.tables) {
    Table* t = table_in(found, w.name);
    if (!t) continue;
    for (const auto& [now, before] : w.renamed_columns) {
      if (t->column(now) || !t->column(before) || w.column(before)) continue;
      renames.push_back(op::AlterColumn{w.name, before, AlterColumnOptions{.new_name = now}});
      rename_column(found, *t, before, now);
    }
  }
  return found;
}

void keep_declared_renames(Catalog& wanted, const Catalog& declared) {
  for (auto& t : wanted.tables)
    if (const Table* d = declared.table(t.name)) {
      t.renamed_from = d->renamed_from;
      t.renamed_columns = d->renamed_columns;
    }
}

}  // namespace migrate::schema
