// What `migrate import alembic` removes from Alembic's offline SQL: exactly the statements
// migrate's runner writes itself, nothing that merely looks like them.
#include <catch2/catch.hpp>

#include "migrate/importer/version_statements.hpp"

using migrate::importer::VersionTableName;
using migrate::importer::without_version_statements;

TEST_CASE("Alembic's transaction and version-table statements are removed from a root's SQL", "[importer]") {
  // As `alembic upgrade base:aaa1 --sql` writes it for a root (the marker line already gone).
  const std::string up =
      "BEGIN;\n\nCREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n"
      "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n);\n\n\n"
      "CREATE TABLE users (\n    id SERIAL NOT NULL, \n    PRIMARY KEY (id)\n);\n\n"
      "INSERT INTO alembic_version (version_num) VALUES ('aaa1') RETURNING alembic_version.version_num;\n\nCOMMIT;\n\n";
  CHECK(without_version_statements(up, {}, "a.py") ==
        "CREATE TABLE users (\n    id SERIAL NOT NULL, \n    PRIMARY KEY (id)\n);\n");

  const std::string down =
      "BEGIN;\n\nDROP TABLE users;\n\nDELETE FROM alembic_version WHERE alembic_version.version_num = 'aaa1';\n\n"
      "DROP TABLE alembic_version;\n\nCOMMIT;\n";
  CHECK(without_version_statements(down, {}, "a.py") == "DROP TABLE users;\n");

  const std::string merge =
      "BEGIN;\nDELETE FROM alembic_version WHERE alembic_version.version_num = 'bbb2';\n"
      "UPDATE alembic_version SET version_num='ddd4' WHERE alembic_version.version_num = 'ccc3';\nCOMMIT;\n";
  CHECK(without_version_statements(merge, {}, "m.py").empty());
}

TEST_CASE("statements that only resemble Alembic's stay", "[importer]") {
  const std::string sql =
      "BEGIN;\n"
      "INSERT INTO alembic_version_log (v) VALUES ('x');\n"         // another table
      "UPDATE audit.alembic_version SET version_num = 'y';\n"       // another schema's table
      "SELECT 'INSERT INTO alembic_version';\n"                     // only text
      "COMMIT;\n"                                                   // inside: an autocommit block's
      "CREATE INDEX CONCURRENTLY i ON users (name);\n"
      "BEGIN;\n"
      "DROP TABLE alembic_version, users;\n"                        // not only the version table
      "COMMIT;\n";
  CHECK(without_version_statements(sql, {}, "x.py") ==
        "INSERT INTO alembic_version_log (v) VALUES ('x');\n\n"
        "UPDATE audit.alembic_version SET version_num = 'y';\n\n"
        "SELECT 'INSERT INTO alembic_version';\n\n"
        "COMMIT;\n\n"
        "CREATE INDEX CONCURRENTLY i ON users (name);\n\n"
        "BEGIN;\n\n"
        "DROP TABLE alembic_version, users;\n");
}

TEST_CASE("a version table in a schema is matched by schema and name", "[importer]") {
  VersionTableName table{"versions", "meta"};
  const std::string sql =
      "BEGIN;\nCREATE TABLE meta.versions (version_num VARCHAR(32) NOT NULL);\n"
      "INSERT INTO meta.versions (version_num) VALUES ('a');\n"
      "INSERT INTO versions (version_num) VALUES ('a');\n"
      "DROP TABLE meta.versions;\nCOMMIT;\n";
  CHECK(without_version_statements(sql, table, "s.py") == "INSERT INTO versions (version_num) VALUES ('a');\n");
}
