// SQL for the version table, shared by online runs and offline (--sql) output.
#include "migrate/db/version_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migrate/ops/render_sql.hpp"

namespace migrate::db {

using ops::quote_ident;
using ops::quote_literal;

std::string VersionTable::qualified() const {
  return schema.empty() ? quote_ident(name) : quote_ident(schema) + "." + quote_ident(name);
}

std::string VersionTable::create_sql() const {
  // The primary key's name is Alembic's: "<table>_pkc".
  return fmt::format("CREATE TABLE {} (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT {} PRIMARY KEY (version_num)\n)",
                     qualified(), quote_ident(name + "_pkc"));
}

std::string VersionTable::insert_sql(const std::string& version) const {
  return fmt::format("INSERT INTO {} (version_num) VALUES ({})", qualified(), quote_literal(version));
}

std::string VersionTable::delete_sql(const std::string& version) const {
  return fmt::format("DELETE FROM {} WHERE {}.version_num = {}", qualified(), quote_ident(name),
                     quote_literal(version));
}

std::string VersionTable::update_sql(const std::string& from, const std::string& to) const {
  return fmt::format("UPDATE {} SET version_num={} WHERE {}.version_num = {}", qualified(), quote_literal(to),
                     quote_ident(name), quote_literal(from));
}

bool version_table_exists(pqxx::transaction_base& tx, const VersionTable& table) {
  auto r = tx.exec("SELECT to_regclass(" + tx.quote(table.qualified()) + ") IS NOT NULL");
  return r[0][0].as<bool>();
}

std::vector<std::string> read_heads(pqxx::transaction_base& tx, const VersionTable& table) {
  std::vector<std::string> heads;
  if (!version_table_exists(tx, table)) return heads;
  for (const auto& row : tx.exec("SELECT version_num FROM " + table.qualified())) heads.push_back(row[0].c_str());
  std::sort(heads.begin(), heads.end());
  return heads;
}

}  // namespace migrate::db
