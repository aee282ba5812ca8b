// Breaking runs on purpose against the real server: concurrent deploys, kill -9 at random
// moments, a terminated session, a server restart, a failing revision deep in a chain. After
// each, the schema matches the version table, nothing is left holding a session or the
// lock, and a rerun finishes. Bounded by MIGRATE_FAULT_ROUNDS; MIGRATE_FAULT_SEED repeats
// a run's random choices.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <vector>

#include "fault_support.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

std::vector<std::string> run_args(const cli_test::SqlProject& p, const TestDatabase& db,
                                  std::vector<std::string> args) {
  std::vector<std::string> full{"-c", p.dir.path() + "/migrate.ini", "--url", db.url()};
  full.insert(full.end(), args.begin(), args.end());
  return full;
}

// The schema agrees with the version table: revisions 1..n applied, each exactly once, and
// nothing of n+1.. present.
void consistent(const TestDatabase& db, int count) {
  int at = fault_test::version_position(db);
  INFO("version table at position " << at);
  CHECK(fault_test::tables_present(db, count) == at);
  if (at > 0) {
    CHECK(db.scalar("SELECT count(*) FROM applied") == std::to_string(at));
    CHECK(db.scalar("SELECT count(DISTINCT revision) FROM applied") == std::to_string(at));
  }
}

}  // namespace

TEST_CASE("concurrent upgrade head: every revision applied exactly once", "[fault]") {
  std::mt19937 random(fault_test::seed());
  INFO("MIGRATE_FAULT_SEED=" << fault_test::seed());
  const int count = 12;
  for (int round = 0, n = fault_test::rounds(); round < n; ++round) {
    TestDatabase db;
    auto per_migration = random() % 2 == 0;
    cli_test::SqlProject p(std::string("run_lock_timeout = 60\n") +
                           (per_migration ? "transaction_per_migration = true\n" : ""));
    fault_test::write_chain(p, count, 20);
    std::vector<test_support::Process> runs;
    for (int i = 0; i < 4; ++i) runs.push_back(test_support::start_migrate(run_args(p, db, {"upgrade", "head"})));
    int applied_by = 0;
    for (auto& run : runs) {
      auto r = run.wait();
      INFO("round " << round << ": exit " << r.exit_code << ", stderr: " << r.err);
      CHECK(r.exit_code == 0);  // each waited for the lock, then found the work done
      applied_by += contains(r.err, "Running upgrade");
    }
    CHECK(applied_by == 1);
    CHECK(fault_test::version_position(db) == count);
    consistent(db, count);
  }
}

TEST_CASE("kill -9 at a random moment of a long upgrade leaves a consistent database", "[fault]") {
  std::mt19937 random(fault_test::seed() + 1);
  INFO("MIGRATE_FAULT_SEED=" << fault_test::seed());
  const int count = 10;
  for (int round = 0, n = fault_test::rounds(4); round < n; ++round) {
    const bool per_migration = round % 2 == 1;
    const int kill_after_ms = static_cast<int>(random() % 900);
    INFO("round " << round << (per_migration ? ", per migration" : ", one transaction") << ", kill after "
                  << kill_after_ms << " ms");
    TestDatabase db;
    cli_test::SqlProject p(per_migration ? "transaction_per_migration = true\n" : "");
    fault_test::write_chain(p, count, 80);
    auto run = test_support::start_migrate(run_args(p, db, {"upgrade", "head"}));
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
    run.signal(SIGKILL);
    run.wait();
    // The killed client's session ends with its statement, and takes the lock with it.
    REQUIRE(fault_test::sessions_gone(db));
    CHECK(db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                    "(SELECT oid FROM pg_database WHERE datname = current_database())") == "0");
    consistent(db, count);
    if (!per_migration) CHECK((fault_test::version_position(db) == 0 || fault_test::version_position(db) == count));
    auto rerun = test_support::run_migrate(run_args(p, db, {"upgrade", "head"}));
    INFO("rerun: " << rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK(fault_test::version_position(db) == count);
    consistent(db, count);
  }
}

TEST_CASE("the run's session terminated by the server: one line, non-zero, nothing half-applied", "[fault]") {
  const int count = 8;
  for (bool per_migration : {false, true}) {
    INFO((per_migration ? "per migration" : "one transaction"));
    TestDatabase db;
    cli_test::SqlProject p(per_migration ? "transaction_per_migration = true\n" : "");
    fault_test::write_chain(p, count, 150);
    auto run = test_support::start_migrate(run_args(p, db, {"upgrade", "head"}));
    // Once it is a few revisions in, an administrator ends its session.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    db.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND "
            "application_name LIKE 'migrate %'");
    auto r = run.wait();
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 5);
    CHECK(contains(r.err, "FAILED: "));
    CHECK(contains(r.err, "connection lost"));
    CHECK(contains(r.err, "database remains at"));
    consistent(db, count);
    if (!per_migration) CHECK(fault_test::version_position(db) == 0);
    REQUIRE(test_support::run_migrate(run_args(p, db, {"upgrade", "head"})).exit_code == 0);
    consistent(db, count);
    CHECK(fault_test::version_position(db) == count);
  }
}

TEST_CASE("a server restart during a run: one line, non-zero, a rerun finishes", "[fault]") {
  const int count = 8;
  TestDatabase db;
  cli_test::SqlProject p("transaction_per_migration = true\n");
  fault_test::write_chain(p, count, 150);
  auto run = test_support::start_migrate(run_args(p, db, {"upgrade", "head"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // The server keeps pg_ctl's stdout: it goes to the cluster's log, not to our pipe.
  std::string dir = std::filesystem::path(test_config::pg_host).parent_path().string();
  auto restart = test_support::run_program(
      {"bash", "-c", "bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname \"$(command -v pg_ctl)\"); "
                     "as_pg() { if [ \"$(id -u)\" = 0 ]; then runuser -u postgres -- \"$@\"; else \"$@\"; fi; }; "
                     "as_pg \"$bin/pg_ctl\" -D " + dir + "/data -m fast -w restart >>" + dir + "/server.log 2>&1"});
  REQUIRE(restart.exit_code == 0);
  auto r = run.wait();
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 5);
  CHECK(cli_test::lines(r.err) >= 1);
  CHECK(contains(r.err, "FAILED: "));
  CHECK(contains(r.err, "database remains at"));
  consistent(db, count);
  auto rerun = test_support::run_migrate(run_args(p, db, {"upgrade", "head"}));
  INFO("rerun: " << rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(fault_test::version_position(db) == count);
  consistent(db, count);
}

TEST_CASE("a failing statement in revision k of many", "[fault]") {
  std::mt19937 random(fault_test::seed() + 2);
  INFO("MIGRATE_FAULT_SEED=" << fault_test::seed());
  const int count = 15;
  for (bool per_migration : {false, true}) {
    const int k = 2 + static_cast<int>(random() % (count - 1));
    INFO((per_migration ? "per migration" : "one transaction") << ", failing revision " << k);
    TestDatabase db;
    cli_test::SqlProject p(per_migration ? "transaction_per_migration = true\n" : "");
    fault_test::write_chain(p, count, 0, k);
    auto r = test_support::run_migrate(run_args(p, db, {"upgrade", "head"}));
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 5);
    CHECK(contains(r.err, "division by zero"));
    CHECK(contains(r.err, "upgrade " + fault_test::id(k - 1) + " -> " + fault_test::id(k)));
    // One transaction leaves nothing of the run; per migration stops exactly at k-1.
    CHECK(fault_test::version_position(db) == (per_migration ? k - 1 : 0));
    consistent(db, count);
  }
}
