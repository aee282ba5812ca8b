// The history table as a user meets it: `log` shows what ran and how it ended.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

std::string outcomes(const TestDatabase& db) {
  return db.rows("SELECT revision || ' ' || direction || ' ' || outcome FROM migrate_history ORDER BY id");
}

}  // namespace

TEST_CASE("every step writes a history row with its checksum, time, user and host", "[cli][history]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
  REQUIRE(p.run(db, {"upgrade", "head"}).exit_code == 0);
  REQUIRE(p.run(db, {"downgrade", "-1"}).exit_code == 0);
  CHECK(outcomes(db) == "aaaa00000001 up applied\nbbbb00000002 up applied\nbbbb00000002 down applied");
  CHECK(db.scalar("SELECT count(*) FROM migrate_history WHERE checksum ~ '^[0-9a-f]{64}$' AND db_user <> '' "
                  "AND tool_version LIKE 'migrate %' AND client_host <> '' AND duration_ms >= 0 "
                  "AND finished_at >= started_at") == "3");

  // log: newest first, -n limits, JSON carries every column.
  auto log = p.run(db, {"log", "-n", "2"});
  CHECK(log.exit_code == 0);
  REQUIRE(cli_test::lines(log.out) == 2);
  CHECK(contains(log.out.substr(0, log.out.find('\n')), "down  bbbb00000002  applied"));
  auto json = p.run(db, {"--format", "json", "log"});
  REQUIRE(json.exit_code == 0);
  auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["history"].size() == 3);
  CHECK(doc["history"][0]["revision"] == "bbbb00000002");
  CHECK(doc["history"][0]["direction"] == "down");
  CHECK(doc["history"][2]["outcome"] == "applied");
  CHECK(doc["history"][2]["checksum"].get<std::string>().size() == 64);
  CHECK(doc["history"][2]["db_user"].is_string());
}

TEST_CASE("a failed run records the failed step and the steps rolled back with it", "[cli][history][failure]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "SELECT 1/0;", "SELECT 1;");
  auto r = p.run(db, {"upgrade", "head"});
  CHECK(r.exit_code == 5);
  // The run left nothing, but its failure is on record.
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL AND to_regclass('t1') IS NULL") == "t");
  CHECK(outcomes(db) == "aaaa00000001 up rolled back\nbbbb00000002 up failed");
  auto log = p.run(db, {"log"});
  CHECK(contains(log.out, "bbbb00000002  failed"));
  CHECK(contains(log.out, "aaaa00000001  rolled back"));

  // Per migration: what committed stays applied, the failing step is failed.
  TestDatabase per;
  cli_test::SqlProject q("transaction_per_migration = true\n");
  q.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  q.revision("b.sql", "bbbb00000002", "aaaa00000001", "SELECT 1/0;", "SELECT 1;");
  CHECK(q.run(per, {"upgrade", "head"}).exit_code == 5);
  CHECK(outcomes(per) == "aaaa00000001 up applied\nbbbb00000002 up failed");
}

TEST_CASE("check and autogenerate ignore the history table", "[cli][history][check]") {
  TestDatabase db;
  REQUIRE(cli_test::run_repo(db, {"upgrade", "head"}).exit_code == 0);
  CHECK(db.scalar("SELECT count(*) FROM migrate_history") != "0");
  auto check = cli_test::run_repo(db, {"check"});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("an offline script records its steps in the history table it creates if missing", "[cli][history][offline]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  auto sql = p.run(db, {"upgrade", "head", "--sql"});
  REQUIRE(sql.exit_code == 0);
  CHECK(contains(sql.out, "CREATE TABLE IF NOT EXISTS migrate_history ("));
  CHECK(contains(sql.out, "INSERT INTO migrate_history (revision, direction, checksum, outcome, started_at, "
                          "finished_at, duration_ms, tool_version, client_host) VALUES ('aaaa00000001', 'up', '"));
  db.exec(sql.out);
  CHECK(outcomes(db) == "aaaa00000001 up applied");
}
