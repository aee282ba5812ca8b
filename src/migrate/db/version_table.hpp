// The Alembic-compatible version table: one row per current head.
#pragma once
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace migrate::db {

struct VersionTable {
  std::string name = "alembic_version";
  std::string schema;  // empty: unqualified, found through search_path

  std::string qualified() const;  // quoted where needed
  // Byte-compatible with Alembic's: version_num VARCHAR(32) NOT NULL, PK alembic_version_pkc.
  std::string create_sql() const;
  std::string insert_sql(const std::string& version) const;
  std::string delete_sql(const std::string& version) const;
  std::string update_sql(const std::string& from, const std::string& to) const;
};

bool version_table_exists(pqxx::transaction_base& tx, const VersionTable& table);

// The current heads, sorted; empty when the table is missing or empty (base).
std::vector<std::string> read_heads(pqxx::transaction_base& tx, const VersionTable& table);

}  // namespace migrate::db
