// migrations/env.cpp, the project's environment hook, shapes every run.
#include <catch2/catch.hpp>

#include "cli_project.hpp"

using cli_test::contains;

TEST_CASE("the environment hook's session settings open every run", "[cli][env]") {
  // Without -x lock_timeout the hook sets nothing, and the script is Alembic's: no SET of
  // the ini's statement_lock_timeout either.
  auto r = test_support::run_migrate({"-c", cli_test::repo_ini(), "upgrade", "--sql", "base:head"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("BEGIN;\n\nCREATE TABLE alembic_version", 0) == 0);
  CHECK_FALSE(contains(r.out, "lock_timeout"));

  // Right after BEGIN, before the version table: the same statement an online run sends.
  auto x = test_support::run_migrate({"-c", cli_test::repo_ini(), "-x", "lock_timeout=1min", "upgrade", "--sql", "base:head"});
  REQUIRE(x.exit_code == 0);
  CHECK(x.out.rfind("BEGIN;\n\nSELECT pg_catalog.set_config('lock_timeout', '1min', false);\n\n", 0) == 0);
}

TEST_CASE("an -x argument without '=' is a usage error", "[cli][env]") {
  auto r = test_support::run_migrate({"-c", cli_test::repo_ini(), "-x", "lock_timeout", "heads"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "-x expects key=value, got 'lock_timeout'"));
}

TEST_CASE("the application's hook stays with its project: an init -t sql project runs without it", "[cli][env]") {
  test_support::TempDir dir;
  const std::string root = dir.path() + "/shop";
  REQUIRE(test_support::run_migrate({"init", root}).exit_code == 0);
  // What the session looks like while a revision runs.
  dir.write("shop/versions/aaaa00000001_probe.sql",
            "-- revision: aaaa00000001\n-- down_revision:\n-- message: probe\n-- migrate:up\n"
            "CREATE TABLE probe AS SELECT current_setting('lock_timeout') AS lock_timeout;\n"
            "-- migrate:down\nDROP TABLE probe;\n");
  const std::string ini = root + "/migrate.ini";

  // migrations/env.cpp turns `-x lock_timeout=...` into a session setting: not here.
  auto offline = test_support::run_migrate({"-c", ini, "-x", "lock_timeout=1min", "upgrade", "--sql", "head"});
  REQUIRE(offline.exit_code == 0);
  CHECK_FALSE(contains(offline.out, "set_config('lock_timeout', '1min'"));

  test_support::TestDatabase db;
  auto online = test_support::run_migrate({"-c", ini, "--url", db.url(), "-x", "lock_timeout=1min", "upgrade", "head"});
  INFO(online.err);
  REQUIRE(online.exit_code == 0);
  // The project's own statement_lock_timeout (the template's 5s), not the hook's.
  CHECK(db.scalar("SELECT lock_timeout FROM probe") == "5s");

  // The repository's project, run by the same binary, still gets it.
  auto repo = test_support::run_migrate({"-c", cli_test::repo_ini(), "-x", "lock_timeout=1min", "upgrade", "--sql", "head"});
  REQUIRE(repo.exit_code == 0);
  CHECK(contains(repo.out, "SELECT pg_catalog.set_config('lock_timeout', '1min', false);"));
}
