// The history table and checksums as a user meets them: `log` shows what ran and how it
// ended, a revision edited after it was applied is refused until `repair`, and a database
// that Alembic migrated is adopted.
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

TEST_CASE("an applied SQL revision edited afterwards is refused until repair", "[cli][history][checksum]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  REQUIRE(p.run(db, {"upgrade", "head"}).exit_code == 0);
  // Line endings and trailing spaces do not count.
  p.dir.write("versions/a.sql", "-- revision: aaaa00000001  \r\n-- down_revision: \r\n-- message: aaaa00000001\r\n"
                                "-- migrate:up\r\nCREATE TABLE t1 (id int);   \r\n-- migrate:down\r\nDROP TABLE t1;\r\n");
  CHECK(p.run(db, {"verify"}).exit_code == 0);

  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id bigint);", "DROP TABLE t1;");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
  auto v = p.run(db, {"verify"});
  CHECK(v.exit_code == 8);
  CHECK(v.out == "changed  aaaa00000001  " + p.dir.path() + "/versions/a.sql\n");
  auto vj = p.run(db, {"--format", "json", "verify"});
  CHECK(vj.exit_code == 8);
  CHECK(nlohmann::json::parse(vj.out)["changed"][0]["revision"] == "aaaa00000001");

  auto up = p.run(db, {"upgrade", "head"});
  CHECK(up.exit_code == 8);
  CHECK(contains(up.err, "FAILED: refusing to upgrade: aaaa00000001 (" + p.dir.path() +
                             "/versions/a.sql) changed since it was applied"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  CHECK(p.run(db, {"downgrade", "base"}).exit_code == 8);

  // A person decides: once past the flag, or for good with repair.
  CHECK(p.run(db, {"upgrade", "head", "--ignore-changed"}).exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "bbbb00000002");
  CHECK(p.run(db, {"verify"}).exit_code == 8);
  auto repair = p.run(db, {"repair"});
  CHECK(repair.exit_code == 0);
  CHECK(contains(repair.err, "Recorded the current checksum of aaaa00000001"));
  CHECK(p.run(db, {"verify"}).exit_code == 0);
  CHECK(p.run(db, {"downgrade", "base"}).exit_code == 0);
  CHECK(db.scalar("SELECT outcome FROM migrate_history WHERE revision = 'aaaa00000001' AND direction = 'up' "
                  "ORDER BY id DESC LIMIT 1") == "repaired");
}

TEST_CASE("an applied revision whose file is gone is reported by verify", "[cli][history][checksum]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
  REQUIRE(p.run(db, {"upgrade", "head"}).exit_code == 0);
  std::filesystem::remove(p.dir.path() + "/versions/b.sql");
  auto v = p.run(db, {"verify"});
  CHECK(v.exit_code == 8);
  CHECK(v.out == "gone     bbbb00000002\n");
}

TEST_CASE("a database Alembic migrated is adopted on the next run", "[cli][history][adopt]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
  p.revision("c.sql", "cccc00000003", "bbbb00000002", "CREATE TABLE t3 (id int);", "DROP TABLE t3;");
  // What Alembic leaves: its version table at bbbb, no history.
  db.exec("CREATE TABLE t1 (id int); CREATE TABLE t2 (id int); "
          "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)); "
          "INSERT INTO alembic_version VALUES ('bbbb00000002')");
  auto v = p.run(db, {"verify"});
  CHECK(v.exit_code == 0);
  CHECK(contains(v.err, "2 applied revision(s) have no history yet"));

  auto up = p.run(db, {"upgrade", "head"});
  CHECK(up.exit_code == 0);
  CHECK(up.err.find("adopt") == std::string::npos);  // silently
  CHECK(outcomes(db) == "aaaa00000001 up adopted\nbbbb00000002 up adopted\ncccc00000003 up applied");
  CHECK(db.scalar("SELECT count(*) FROM migrate_history WHERE checksum IS NOT NULL") == "3");
  // Adopted checksums are compared like any other.
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int, x int);", "DROP TABLE t1;");
  CHECK(p.run(db, {"verify"}).exit_code == 8);
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
  // What the script recorded is what the file holds: verify agrees.
  CHECK(p.run(db, {"verify"}).exit_code == 0);
}
