// Per-test databases on the throwaway cluster started by tests/support/pg_cluster.sh.
#include "support/test_db.hpp"

#include <atomic>
#include <chrono>
#include <random>

#include <unistd.h>

#include <sstream>
#include <stdexcept>

#include "migrate/db/connection.hpp"
#include "migrate/db/introspect.hpp"
#include "support/run_binary.hpp"
#include "test_config.hpp"

namespace test_support {

std::string conninfo(const std::string& dbname) {
  return std::string("host=") + test_config::pg_host + " port=" + test_config::pg_port +
         " user=postgres dbname=" + dbname;
}

std::string url_with_password(const std::string& dbname) {
  return std::string("postgresql://migrate_app:") + test_password + "@127.0.0.1:" +
         test_config::pg_port + "/" + dbname;
}

namespace {
std::string unique_name() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return "t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}
}  // namespace

TestDatabase::TestDatabase() : name_(unique_name()) {
  pqxx::connection admin(test_support::conninfo("postgres"));
  pqxx::nontransaction tx(admin);
  tx.exec("CREATE DATABASE " + tx.quote_name(name_) + " TEMPLATE migrate_template");
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection admin(test_support::conninfo("postgres"));
    pqxx::nontransaction tx(admin);
    tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
  } catch (...) {
    // The cluster is thrown away after the run; a leftover database harms nothing.
  }
}

std::string TestDatabase::scalar(const std::string& sql) const {
  pqxx::connection c(conninfo());
  pqxx::nontransaction tx(c);
  auto r = tx.exec(sql);
  if (r.empty()) return "";
  return r[0][0].is_null() ? "NULL" : r[0][0].c_str();
}

std::string TestDatabase::schema_dump(const std::vector<std::string>& schemas) const {
  std::vector<std::string> args = {"/usr/lib/postgresql/15/bin/pg_dump", "-s", "--no-owner"};
  for (const auto& s : schemas) args.insert(args.end(), {"-n", s});
  args.insert(args.end(), {"-d", conninfo()});
  auto r = run_program(args);
  if (r.exit_code != 0) throw std::runtime_error("pg_dump failed: " + r.err);
  std::istringstream in(r.out);
  std::string out;
  for (std::string line; std::getline(in, line);)
    if (line.rfind("\\restrict", 0) != 0 && line.rfind("\\unrestrict", 0) != 0) out += line + "\n";
  return out;
}

std::string TestDatabase::rows(const std::string& sql) const {
  pqxx::connection c(conninfo());
  pqxx::nontransaction tx(c);
  std::string out;
  for (const auto& row : tx.exec(sql)) {
    if (!out.empty()) out += '\n';
    for (pqxx::row::size_type i = 0; i < row.size(); ++i) {
      if (i) out += '|';
      out += row[i].is_null() ? "NULL" : row[i].c_str();
    }
  }
  return out;
}

void TestDatabase::exec(const std::string& sql) const {
  pqxx::connection c(conninfo());
  pqxx::nontransaction tx(c);
  tx.exec(sql);
}

migrate::schema::Catalog TestDatabase::introspect(const std::vector<std::string>& schemas) const {
  return introspect(migrate::db::IntrospectOptions{.schemas = schemas});
}

migrate::schema::Catalog TestDatabase::introspect(const migrate::db::IntrospectOptions& options) const {
  auto c = migrate::db::connect(conninfo());
  pqxx::read_transaction tx(*c);
  return migrate::db::introspect(tx, options);
}

}  // namespace test_support
