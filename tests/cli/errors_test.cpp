// Bad input: one clear line on stderr, a documented exit code, the database untouched,
// and never a password in any output.
#include <catch2/catch.hpp>

#include <pqxx/pqxx>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {
void no_password(const test_support::Result& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK_FALSE(contains(r.out, test_support::test_password));
  CHECK_FALSE(contains(r.err, test_support::test_password));
}
}  // namespace

TEST_CASE("an unknown revision is a revision error naming it", "[cli][errors]") {
  TestDatabase db;
  auto r = cli_test::run_repo(db, {"upgrade", "nosuchrev"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: Can't locate revision identified by 'nosuchrev'\n");
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("a broken ini names the file, the line and the key", "[cli][errors][config]") {
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\ntransaction_per_migration = maybe\n");
  auto r = test_support::run_migrate({"-c", dir.path() + "/migrate.ini", "heads"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, dir.path() + "/migrate.ini:3: expected true or false, got 'maybe', for 'transaction_per_migration'"));

  dir.write("bad.ini", "[migrate]\nversion_locations = x\nno_such_key = 1\n");
  r = test_support::run_migrate({"-c", dir.path() + "/bad.ini", "heads"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "bad.ini:3: unknown key 'no_such_key'"));

  dir.write("syntax.ini", "[migrate]\nthis line has no equals sign\n");
  r = test_support::run_migrate({"-c", dir.path() + "/syntax.ini", "heads"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "syntax.ini:2: syntax error"));

  r = test_support::run_migrate({"-c", dir.path() + "/missing.ini", "heads"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "missing.ini: no such config file"));
}

TEST_CASE("a password never appears in any output", "[cli][errors][secrets]") {
  TestDatabase db;
  // Success, verbose current, JSON.
  no_password(cli_test::run_repo(db, {"upgrade", "head"}));
  no_password(cli_test::run_repo(db, {"current", "-v"}));
  no_password(cli_test::run_repo(db, {"--format", "json", "current", "-v"}));
  // A failing connection: wrong database, wrong password, malformed URL that libpq quotes back.
  std::string url = db.url();
  auto wrong_db = test_support::run_migrate({"-c", cli_test::repo_ini(), "--url", url + "_nope", "current"});
  CHECK(wrong_db.exit_code == 5);
  CHECK(contains(wrong_db.err, "FAILED: cannot connect to "));
  no_password(wrong_db);
  auto bad_pw = test_support::run_migrate(
      {"-c", cli_test::repo_ini(), "--url",
       "postgresql://migrate_app:" + std::string(test_support::test_password) + "x@127.0.0.1:1/nodb", "current"});
  CHECK(bad_pw.exit_code == 5);
  no_password(bad_pw);
  auto malformed = test_support::run_migrate(
      {"-c", cli_test::repo_ini(), "--url",
       "host=127.0.0.1 password=" + std::string(test_support::test_password) + " bogus_option=1", "current"});
  CHECK(malformed.exit_code == 5);
  no_password(malformed);
  // Through DATABASE_URL too.
  auto env = test_support::run_migrate({"-c", cli_test::repo_ini(), "current", "-v"},
                                       ".", {{"DATABASE_URL", url + "_nope"}});
  CHECK(env.exit_code == 5);
  no_password(env);
}

TEST_CASE("a second concurrent run fails with a lock error and changes nothing", "[cli][errors][lock]") {
  TestDatabase db;
  pqxx::connection holder(db.conninfo());
  pqxx::nontransaction tx(holder);
  tx.exec("SELECT pg_advisory_lock(hashtext('migrate:alembic_version'))");
  auto r = cli_test::run_repo(db, {"upgrade", "head"});
  CHECK(r.exit_code == 6);
  CHECK(contains(r.err, "another migrate run holds the lock"));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
  tx.exec("SELECT pg_advisory_unlock_all()");
  CHECK(cli_test::run_repo(db, {"upgrade", "head"}).exit_code == 0);
}

TEST_CASE("a syntax error in a SQL revision names the file and line before anything runs", "[cli][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a_ok.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  p.revision("b_bad.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);\nCREAT TABLE oops (id int);",
             "DROP TABLE t2;");
  auto r = p.run(db, {"upgrade", "head"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "b_bad.sql:6: syntax error at or near \"CREAT\""));
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("a lost connection mid-run leaves the database at the revision it started from", "[cli][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001",
             "CREATE TABLE t2 (id int);\nSELECT pg_terminate_backend(pg_backend_pid());", "DROP TABLE t2;", "dies");
  auto r = p.run(db, {"upgrade"});
  CHECK(r.exit_code == 5);
  CHECK(contains(r.err, "FAILED: upgrade aaaa00000001 -> bbbb00000002 failed: connection lost"));
  CHECK(contains(r.err, "database remains at <base>"));
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('t2') IS NULL AND to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("a version row no revision defines is named, and stamp --purge recovers", "[cli][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  REQUIRE(p.run(db, {"upgrade"}).exit_code == 0);
  db.exec("UPDATE alembic_version SET version_num = 'f00dcafe0001'");
  auto r = p.run(db, {"upgrade"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "the database is at f00dcafe0001, which no revision of this project defines"));
  // What the row probably is, never the advice to throw it away.
  CHECK(contains(r.err, "a revision of another tool or project sharing this version table"));
  CHECK_FALSE(contains(r.err, "purge"));
  CHECK(p.run(db, {"current"}).exit_code == 4);
  REQUIRE(p.run(db, {"stamp", "--purge", "aaaa00000001"}).exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
}

TEST_CASE("a failure after an autocommit block says what stays committed", "[cli][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  p.dir.write("versions/b.sql",
              "-- revision: bbbb00000002\n-- down_revision: aaaa00000001\n-- message: outside\n"
              "-- transactional: false\n-- migrate:up\nCREATE TABLE t2 (id int);\nCREATE TABLE t1 (id int);\n"
              "-- migrate:down\nDROP TABLE t2;\n");
  auto r = p.run(db, {"upgrade"});
  CHECK(r.exit_code == 5);
  // t2 was created outside any transaction and cannot be rolled back: the message says so
  // instead of claiming a rollback.
  CHECK(contains(r.err, "statements of bbbb00000002 outside a transaction (its autocommit block) stay committed "
                        "while the version table says aaaa00000001"));
  CHECK_FALSE(contains(r.err, "rolled back"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  CHECK(db.scalar("SELECT to_regclass('t2') IS NOT NULL") == "t");
}
