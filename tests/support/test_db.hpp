// A fresh database per test, cloned from the template that has init_dependencies.sql.
#pragma once
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "migrate/db/introspect.hpp"
#include "migrate/schema/catalog.hpp"

namespace test_support {

// Connection string (libpq key=value form) to a database of the test cluster.
std::string conninfo(const std::string& dbname);

// The same database as a URL with a password, for tests of the URL and masking paths.
std::string url_with_password(const std::string& dbname);
inline constexpr const char* test_password = "Sup3r-S3cret-Pw";

class TestDatabase {
 public:
  TestDatabase();  // CREATE DATABASE t_... TEMPLATE migrate_template
  ~TestDatabase(); // DROP DATABASE ... WITH (FORCE)
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  std::string conninfo() const { return test_support::conninfo(name_); }
  std::string url() const { return url_with_password(name_); }

  // Runs one query and returns the first column of the first row ("" when no row; "NULL").
  std::string scalar(const std::string& sql) const;
  // Runs one query; returns every row, columns joined by '|', rows by '\n'.
  std::string rows(const std::string& sql) const;
  void exec(const std::string& sql) const;
  // pg_dump -s --no-owner of `schemas` (all when empty), without its \restrict lines, which
  // carry a random key per run (PostgreSQL 15.14+); std::runtime_error when pg_dump fails.
  std::string schema_dump(const std::vector<std::string>& schemas = {}) const;
  // The schemas read back with db::introspect, on a connection from db::connect.
  migrate::schema::Catalog introspect(const std::vector<std::string>& schemas) const;
  migrate::schema::Catalog introspect(const migrate::db::IntrospectOptions& options) const;

 private:
  std::string name_;
};

}  // namespace test_support
