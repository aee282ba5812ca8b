// SQL for the version table, shared by online runs and offline (--sql) output.
#include "migrate/ops/version_table.hpp"

#include <fmt/format.h>

#include "migrate/ops/quote.hpp"

namespace migrate::ops {

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

std::string VersionTable::exists_sql() const {
  return fmt::format("SELECT to_regclass({}) IS NOT NULL", quote_literal(qualified()));
}

std::string VersionTable::select_sql() const { return "SELECT version_num FROM " + qualified(); }

}  // namespace migrate::ops
