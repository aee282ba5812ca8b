// The run lock as a deploy step meets it: several pods start `upgrade head` at once. The one
// that waits says who it waits for, gives up after lock_timeout with exit 6, or finds the
// work done; the lock never blocks the run's own statements.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

// Waits until a session of `db` runs a statement containing `text`; false after 20 s.
bool running_on_server(const TestDatabase& db, const std::string& text) {
  for (int i = 0; i < 400; ++i) {
    if (db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                  "pg_backend_pid() AND state = 'active' AND position('" + text + "' in query) > 0") != "0")
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// Revisions whose second sleeps `seconds` while holding the run lock.
void write_slow(const cli_test::SqlProject& p, int seconds) {
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001",
             "CREATE TABLE t2 (id int);\nSELECT pg_sleep(" + std::to_string(seconds) + ");", "DROP TABLE t2;", "slow");
}

}  // namespace

TEST_CASE("a run that gives up on the lock names the holder as pg_stat_activity shows it", "[cli][errors][lock]") {
  TestDatabase db;
  cli_test::SqlProject p("run_lock_timeout = 1\n");
  write_slow(p, 30);
  auto first = test_support::start_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  REQUIRE(running_on_server(db, "pg_sleep(30)"));
  // The holder is recognisable: its application_name says what it is and what it runs.
  CHECK(db.scalar("SELECT application_name FROM pg_stat_activity WHERE position('pg_sleep(30)' in query) > 0 "
                  "AND pid <> pg_backend_pid()") == "migrate 0.1.0 upgrade");
  std::string pid = db.scalar("SELECT pid FROM pg_stat_activity WHERE position('pg_sleep(30)' in query) > 0 "
                              "AND pid <> pg_backend_pid()");

  auto second = p.run(db, {"upgrade", "head"});
  INFO("stderr: " << second.err);
  CHECK(second.exit_code == 6);
  CHECK(contains(second.err, "waiting for the run lock on 127.0.0.1:"));
  CHECK(contains(second.err, "FAILED: another migrate run holds the lock on 127.0.0.1:"));
  CHECK(contains(second.err, "after 1 s of waiting: server pid " + pid +
                                 " (migrate 0.1.0 upgrade, client 127.0.0.1, connected since 20"));
  CHECK(contains(second.err, "UTC); nothing was changed\n"));

  first.signal(SIGTERM);
  CHECK(first.wait().exit_code == 143);
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("a run waiting for the lock finds the work done and exits 0", "[cli][lock]") {
  TestDatabase db;
  cli_test::SqlProject p("run_lock_timeout = 60\n");
  write_slow(p, 2);
  auto first = test_support::start_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  REQUIRE(running_on_server(db, "pg_sleep(2)"));
  auto second = p.run(db, {"upgrade", "head"});
  auto first_result = first.wait();
  INFO("first: " << first_result.err << "\nsecond: " << second.err);
  CHECK(first_result.exit_code == 0);
  CHECK(second.exit_code == 0);
  CHECK(contains(second.err, "waiting for the run lock on"));
  CHECK_FALSE(contains(second.err, "Running upgrade"));  // nothing left for it to do
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "bbbb00000002");
}

TEST_CASE("an application_name in the URL is kept", "[cli][lock]") {
  TestDatabase db;
  cli_test::SqlProject p;
  write_slow(p, 30);
  auto run = test_support::start_migrate(
      {"-c", p.dir.path() + "/migrate.ini", "--url", db.url() + "?application_name=deployer", "upgrade", "head"});
  REQUIRE(running_on_server(db, "pg_sleep(30)"));
  CHECK(db.scalar("SELECT application_name FROM pg_stat_activity WHERE position('pg_sleep(30)' in query) > 0 "
                  "AND pid <> pg_backend_pid()") == "deployer");
  run.signal(SIGINT);
  CHECK(run.wait().exit_code == 130);
}

TEST_CASE("CREATE INDEX CONCURRENTLY under the run lock does not wait for the lock's own session",
          "[cli][lock]") {
  // Flyway holds its lock in an open transaction, which CREATE INDEX CONCURRENTLY waits for
  // forever. A session lock holds no transaction open between the run's statements.
  auto per_migration = GENERATE(false, true);
  INFO((per_migration ? "a transaction per migration" : "one transaction"));
  TestDatabase db;
  cli_test::SqlProject p(per_migration ? "transaction_per_migration = true\n" : "");
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int, v text);\nINSERT INTO t1 VALUES (1, 'x');",
             "DROP TABLE t1;", "one");
  p.dir.write("versions/b.sql",
              "-- revision: bbbb00000002\n-- down_revision: aaaa00000001\n-- message: index\n"
              "-- transactional: false\n-- migrate:up\nCREATE INDEX CONCURRENTLY ix_t1_v ON t1 (v);\n"
              "-- migrate:down\nDROP INDEX CONCURRENTLY ix_t1_v;\n");
  p.revision("c.sql", "cccc00000003", "bbbb00000002", "ALTER TABLE t1 ADD COLUMN w int;", "ALTER TABLE t1 DROP COLUMN w;",
             "after");
  // Were it to wait for its own lock, the server's lock_timeout ends the wait with an error.
  auto r = test_support::run_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"}, ".",
                                     {{"PGOPTIONS", "-c lock_timeout=10s"}});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t1_v'::regclass") == "t");
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "cccc00000003");
}
