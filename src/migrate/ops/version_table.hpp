// The Alembic-compatible version table (one row per current head) and its SQL, the same
// text online and offline.
#pragma once
#include <string>

namespace migrate::ops {

struct VersionTable {
  std::string name = "alembic_version";
  std::string schema;  // empty: unqualified, found through search_path

  std::string qualified() const;  // quoted where needed
  // Byte-compatible with Alembic's: version_num VARCHAR(32) NOT NULL, PK alembic_version_pkc.
  std::string create_sql() const;
  std::string insert_sql(const std::string& version) const;
  std::string delete_sql(const std::string& version) const;
  std::string update_sql(const std::string& from, const std::string& to) const;
  // Whether the table exists: one boolean.
  std::string exists_sql() const;
  // Its rows: one text column.
  std::string select_sql() const;
};

}  // namespace migrate::ops
