// Lock-safe DDL as production meets it: a long transaction holds a lock on a table a revision
// alters. The statement gives up after statement_lock_timeout instead of queueing every
// other query behind it, the step is retried after a backoff, and with no retries left the
// run fails cleanly where it stood.
#include <catch2/catch.hpp>

#include <pqxx/pqxx>

#include <chrono>
#include <thread>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

// A session of its own holding `lock_sql` in an open transaction, for `seconds` (or until
// destroyed), then committing.
class Blocker {
 public:
  Blocker(const TestDatabase& db, const std::string& lock_sql, double seconds)
      : connection_(db.conninfo()), tx_(connection_) {
    tx_.exec(lock_sql);
    pid_ = std::to_string(connection_.backendpid());
    thread_ = std::thread([this, seconds] {
      auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
      while (!stop_ && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      tx_.commit();
    });
  }
  ~Blocker() {
    stop_ = true;
    thread_.join();
  }
  const std::string& pid() const { return pid_; }

 private:
  pqxx::connection connection_;
  pqxx::work tx_;
  std::string pid_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Revision a creates an unrelated table, b alters t1 (which the test creates first).
void write_altering(const cli_test::SqlProject& p) {
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t2 (id int);", "DROP TABLE t2;", "unrelated");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "ALTER TABLE t1 ADD COLUMN note text;",
             "ALTER TABLE t1 DROP COLUMN note;", "add note");
}

}  // namespace

TEST_CASE("a step blocked by a long transaction is retried and succeeds once the blocker goes", "[cli][lock_safe]") {
  auto per_migration = GENERATE(false, true);
  INFO((per_migration ? "a transaction per migration" : "one transaction"));
  TestDatabase db;
  db.exec("CREATE TABLE t1 (id int)");
  cli_test::SqlProject p(per_migration ? "transaction_per_migration = true\n" : "");
  write_altering(p);
  Blocker blocker(db, "SELECT * FROM t1", 2.0);  // ACCESS SHARE: ADD COLUMN must wait for it
  auto r = p.run(db, {"--statement-lock-timeout", "300ms", "--lock-retries", "6", "upgrade", "head"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "upgrade aaaa00000001 -> bbbb00000002 met lock_timeout; blocked by server pid " +
                            blocker.pid() + " ("));
  CHECK(contains(r.err, "idle in transaction since "));
  CHECK(contains(r.err, ": SELECT * FROM t1); retry 1 of 6 in "));
  // Per migration the first step stays committed and only the blocked one runs again.
  CHECK(contains(r.err, per_migration ? " ms, from aaaa00000001" : " ms, from <base>"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "bbbb00000002");
  CHECK(db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 't1' AND column_name = 'note'") ==
        "1");
}

TEST_CASE("with no retries left a blocked run fails cleanly where it stood", "[cli][errors][lock_safe]") {
  auto per_migration = GENERATE(false, true);
  INFO((per_migration ? "a transaction per migration" : "one transaction"));
  TestDatabase db;
  db.exec("CREATE TABLE t1 (id int)");
  cli_test::SqlProject p(per_migration ? "transaction_per_migration = true\n" : "");
  write_altering(p);
  Blocker blocker(db, "SELECT * FROM t1", 60);
  auto r = p.run(db, {"--statement-lock-timeout", "200ms", "--lock-retries", "1", "upgrade", "head"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 5);
  CHECK(contains(r.err, "retry 1 of 1 in "));
  std::string where = per_migration ? "aaaa00000001" : "<base>";
  CHECK(contains(r.err, "FAILED: upgrade aaaa00000001 -> bbbb00000002 (add note) failed: canceling statement due to "
                        "lock timeout (statement: ALTER TABLE t1 ADD COLUMN note text); rolled back, database remains at " + where + " (after 1 retries)\n"));
  if (per_migration)
    CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  else
    CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL AND to_regclass('t2') IS NULL") == "t");
  CHECK(db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 't1' AND column_name = 'note'") ==
        "0");
}

TEST_CASE("a revision's own lock_timeout holds for its statements only", "[cli][lock_safe]") {
  TestDatabase db;
  db.exec("CREATE TABLE t1 (id int)");
  cli_test::SqlProject p;
  // The run gives up at once; this revision may wait long enough for the blocker to go.
  p.dir.write("versions/a.sql",
              "-- revision: aaaa00000001\n-- down_revision:\n-- message: patient\n-- lock_timeout: 20s\n"
              "-- migrate:up\nALTER TABLE t1 ADD COLUMN note text;\n-- migrate:down\nALTER TABLE t1 DROP COLUMN note;\n");
  Blocker blocker(db, "SELECT * FROM t1", 1.5);
  auto r = p.run(db, {"--statement-lock-timeout", "100ms", "--lock-retries", "0", "upgrade", "head"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "met lock_timeout"));
  // The offline script carries the revision's setting and gives the session's back after it.
  auto sql = p.run(db, {"upgrade", "base:head", "--sql"});
  CHECK(contains(sql.out, "SET lock_timeout = '20s';\n\nALTER TABLE t1 ADD COLUMN note text;\n\nSET lock_timeout TO DEFAULT;"));
}

TEST_CASE("a CREATE INDEX CONCURRENTLY that met lock_timeout leaves no INVALID index", "[cli][lock_safe]") {
  auto retries = GENERATE(0, 6);
  INFO(retries << " retries");
  TestDatabase db;
  db.exec("CREATE TABLE t1 (id int, v text); CREATE TABLE other (id int)");
  cli_test::SqlProject p;
  p.dir.write("versions/a.sql",
              "-- revision: aaaa00000001\n-- down_revision:\n-- message: index\n-- transactional: false\n"
              "-- migrate:up\nCREATE INDEX CONCURRENTLY ix_t1_v ON t1 (v);\n"
              "-- migrate:down\nDROP INDEX CONCURRENTLY ix_t1_v;\n");
  // An old snapshot elsewhere in the database: the build's last phase waits for it, after the
  // index was already created INVALID.
  Blocker blocker(db, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM other",
                  retries ? 1.5 : 60);
  auto r = p.run(db, {"--statement-lock-timeout", "300ms", "--lock-retries", std::to_string(retries), "upgrade", "head"});
  INFO("stderr: " << r.err);
  CHECK(db.scalar("SELECT count(*) FROM pg_index WHERE NOT indisvalid") == "0");
  if (retries) {
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "met lock_timeout; retry 1 of 6"));
    CHECK(contains(r.err, "; dropped the INVALID index public.ix_t1_v it left"));
    CHECK(db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t1_v'::regclass") == "t");
    CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  } else {
    CHECK(r.exit_code == 5);
    CHECK(contains(r.err, "canceling statement due to lock timeout"));
    CHECK(contains(r.err, "; dropped the INVALID index public.ix_t1_v it left\n"));
    CHECK(db.scalar("SELECT to_regclass('ix_t1_v') IS NULL") == "t");
  }
}

TEST_CASE("a bad lock-safe setting is named", "[cli][errors][lock_safe]") {
  cli_test::SqlProject p("statement_lock_timeout = soon\n");
  auto r = test_support::run_migrate({"-c", p.dir.path() + "/migrate.ini", "heads"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "migrate.ini:3: expected a duration such as 5s, 500ms or 2min, got 'soon', for "
                        "'statement_lock_timeout'"));
  cli_test::SqlProject ok;
  r = test_support::run_migrate({"-c", ok.dir.path() + "/migrate.ini", "--lock-retries", "many", "heads"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--lock-retries: expected a whole number up to 9999, got 'many'"));
}
