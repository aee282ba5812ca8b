// Ctrl-C and a deploy tool's SIGTERM or SIGHUP during a long statement: the statement is
// cancelled on the server, the transaction rolled back, the lock released, one line says
// where the database stays, and the exit code is 128 + the signal.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

// Waits until a backend of `db` (other than ours) runs pg_sleep; false after 20 s.
bool sleeping_on_server(const TestDatabase& db) {
  for (int i = 0; i < 400; ++i) {
    if (db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                  "AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(30)%'") != "0")
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// What the server still holds for `db` once the run is gone: sessions running the sleep,
// and advisory locks (the run lock). A closed session ends a moment after its client, so
// this waits up to 5 s for "0,0".
std::string left_on_server(const TestDatabase& db) {
  std::string left;
  for (int i = 0; i < 100; ++i) {
    left = db.scalar("SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep(30)%' AND state = 'active') || ',' || "
                     "(SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                     "(SELECT oid FROM pg_database WHERE datname = current_database()))");
    if (left == "0,0") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return left;
}

// The error is one line, the last: progress lines ("Running upgrade ...") come before it.
bool one_error_line_last(const std::string& err) {
  auto last = err.rfind("\nFAILED: ");
  std::size_t at = err.rfind("FAILED: ", 0) == 0 ? 0 : last == std::string::npos ? std::string::npos : last + 1;
  return at != std::string::npos && err.find("FAILED: ") == at && err.find('\n', at) == err.size() - 1;
}

struct Case {
  int signal;
  const char* name;
};

}  // namespace

TEST_CASE("a signal during a long statement cancels it, rolls back, releases the lock and says so",
          "[cli][errors][signals]") {
  auto [sig, name] = GENERATE(Case{SIGINT, "SIGINT"}, Case{SIGTERM, "SIGTERM"}, Case{SIGHUP, "SIGHUP"});
  auto per_migration = GENERATE(false, true);
  INFO(name << (per_migration ? ", a transaction per migration" : ", one transaction"));
  TestDatabase db;
  cli_test::SqlProject p(per_migration ? "transaction_per_migration = true\n" : "");
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);\nSELECT pg_sleep(30);",
             "DROP TABLE t2;", "slow");

  auto run = test_support::start_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  REQUIRE(sleeping_on_server(db));
  auto started = std::chrono::steady_clock::now();
  run.signal(sig);
  auto r = run.wait();
  INFO("stderr: " << r.err);

  CHECK(r.exit_code == 128 + sig);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));  // not the 30 s sleep
  CHECK(one_error_line_last(r.err));
  CHECK(contains(r.err, std::string("FAILED: interrupted by ") + name));
  CHECK(contains(r.err, "upgrade aaaa00000001 -> bbbb00000002"));
  if (per_migration) {
    CHECK(contains(r.err, "rolled back, database remains at aaaa00000001"));
    CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
    CHECK(db.scalar("SELECT to_regclass('t1') IS NOT NULL AND to_regclass('t2') IS NULL") == "t");
  } else {
    CHECK(contains(r.err, "rolled back, database remains at <base>"));
    CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('t2') IS NULL "
                    "AND to_regclass('alembic_version') IS NULL") == "t");
  }
  // Nothing keeps running or holding the lock: the next run is free to start at once.
  CHECK(left_on_server(db) == "0,0");
  auto again = p.run(db, {"upgrade", "aaaa00000001"});
  CHECK(again.exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
}

TEST_CASE("a signal in an autocommit block names the statements that completed there", "[cli][errors][signals]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  p.dir.write("versions/b.sql",
              "-- revision: bbbb00000002\n-- down_revision: aaaa00000001\n-- message: outside\n"
              "-- transactional: false\n-- migrate:up\nCREATE TABLE t2 (id int);\nSELECT pg_sleep(30);\n"
              "CREATE TABLE t3 (id int);\n-- migrate:down\nDROP TABLE t2;\n");
  auto run = test_support::start_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  REQUIRE(sleeping_on_server(db));
  run.signal(SIGTERM);
  auto r = run.wait();
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 143);
  CHECK(one_error_line_last(r.err));
  CHECK(contains(r.err, "interrupted by SIGTERM"));
  CHECK(contains(r.err, "stay committed while the version table says aaaa00000001; "
                        "completed there: [CREATE TABLE t2 (id int)]"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  CHECK(db.scalar("SELECT to_regclass('t2') IS NOT NULL AND to_regclass('t3') IS NULL") == "t");
  CHECK(left_on_server(db) == "0,0");
}

TEST_CASE("a second signal ends the run at once when the first cannot", "[cli][errors][signals]") {
  TestDatabase db;
  cli_test::SqlProject p;
  // A statement that swallows the cancel request: the first signal cannot end it, so only
  // the second one ends the process (the server session goes with the test database).
  p.revision("a.sql", "aaaa00000001", "",
             "DO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(30); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; "
             "END $$;",
             "SELECT 1;", "stubborn");
  auto run = test_support::start_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  REQUIRE(sleeping_on_server(db));
  run.signal(SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // Cancelled once, and sleeping again: the run is still waiting for it.
  REQUIRE(sleeping_on_server(db));
  auto started = std::chrono::steady_clock::now();
  run.signal(SIGINT);
  auto r = run.wait();
  CHECK(r.exit_code == 130);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}
