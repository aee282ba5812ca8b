// lock_mode = table, for servers behind PgBouncer in transaction pooling where a session
// advisory lock means nothing: a lease row, renewed while the run lasts, taken over only
// once it has expired.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

bool running_on_server(const TestDatabase& db, const std::string& text) {
  for (int i = 0; i < 400; ++i) {
    if (db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                  "pg_backend_pid() AND state = 'active' AND position('" + text + "' in query) > 0") != "0")
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

void write_slow(const cli_test::SqlProject& p, int seconds) {
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001",
             "CREATE TABLE t2 (id int);\nSELECT pg_sleep(" + std::to_string(seconds) + ");", "DROP TABLE t2;", "slow");
}

}  // namespace

TEST_CASE("lock_mode = table: a lease renewed while the run lasts keeps a second run out", "[cli][lock][lease]") {
  TestDatabase db;
  cli_test::SqlProject p("lock_mode = table\nlock_lease = 3\n");
  write_slow(p, 6);
  auto first = test_support::start_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  REQUIRE(running_on_server(db, "pg_sleep(6)"));
  // No advisory lock: the lease row is the lock.
  CHECK(db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                  "(SELECT oid FROM pg_database WHERE datname = current_database())") == "0");
  CHECK(db.scalar("SELECT owner LIKE 'migrate 0.1.0 upgrade (pid %' FROM alembic_version_lock") == "t");
  // Past the first lease of 3 s: only renewal keeps it.
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  auto second = p.run(db, {"upgrade", "head"});
  INFO("second: " << second.err);
  CHECK(second.exit_code == 6);
  CHECK(contains(second.err, "FAILED: another migrate run holds the lease in alembic_version_lock: migrate 0.1.0 "
                             "upgrade (pid "));
  auto r = first.wait();
  INFO("first: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "bbbb00000002");
  CHECK(db.scalar("SELECT count(*) FROM alembic_version_lock") == "0");  // released
}

TEST_CASE("lock_mode = table: an expired lease is taken over, a live one waited for", "[cli][lock][lease]") {
  TestDatabase db;
  cli_test::SqlProject p("lock_mode = table\n");
  write_slow(p, 0);
  db.exec("CREATE TABLE alembic_version_lock (lock_key varchar(128) PRIMARY KEY, owner text NOT NULL, "
          "acquired timestamptz NOT NULL, expires timestamptz NOT NULL)");
  // A live lease of a run elsewhere: refused, naming it.
  db.exec("INSERT INTO alembic_version_lock VALUES ('migrate:alembic_version', 'migrate 0.1.0 upgrade (pid 7 on pod-a)', "
          "now(), now() + interval '1 hour')");
  auto r = p.run(db, {"upgrade", "head"});
  CHECK(r.exit_code == 6);
  CHECK(contains(r.err, "holds the lease in alembic_version_lock: migrate 0.1.0 upgrade (pid 7 on pod-a) since 20"));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
  // The same owner died an hour ago: its lease ran out, and the run takes over.
  db.exec("UPDATE alembic_version_lock SET expires = now() - interval '1 hour'");
  r = p.run(db, {"upgrade", "head"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "took over the run lock's lease in alembic_version_lock from migrate 0.1.0 upgrade (pid 7 on "
                        "pod-a), whose lease had run out"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "bbbb00000002");
  CHECK(db.scalar("SELECT count(*) FROM alembic_version_lock") == "0");
}

TEST_CASE("lock_mode = table: a lease lost mid-run aborts the run where it stands", "[cli][errors][lease]") {
  TestDatabase db;
  cli_test::SqlProject p("lock_mode = table\nlock_lease = 3\ntransaction_per_migration = true\n");
  write_slow(p, 30);
  auto run = test_support::start_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  REQUIRE(running_on_server(db, "pg_sleep(30)"));
  // Another run took it over (as it would after this one stalled past its lease).
  db.exec("UPDATE alembic_version_lock SET owner = 'someone else'");
  auto r = run.wait();
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 5);
  CHECK(contains(r.err, "the run lock's lease in alembic_version_lock was lost (the row is gone or has another "
                        "owner): another run may hold it now; rolled back, database remains at aaaa00000001"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  CHECK(db.scalar("SELECT owner FROM alembic_version_lock") == "someone else");  // not ours to delete
}

TEST_CASE("check leaves the lease table out", "[cli][lease]") {
  TestDatabase db;
  cli_test::SqlProject p("lock_mode = table\ninclude_schemas = public\n");
  write_slow(p, 0);
  REQUIRE(p.run(db, {"upgrade", "head"}).exit_code == 0);
  CHECK(db.scalar("SELECT to_regclass('alembic_version_lock') IS NOT NULL") == "t");
  auto r = p.run(db, {"check"});
  INFO("stderr: " << r.err << "\nstdout: " << r.out);
  CHECK(contains(r.out + r.err, "t1"));  // public was compared: no model declares t1
  CHECK_FALSE(contains(r.out + r.err, "alembic_version_lock"));
}
