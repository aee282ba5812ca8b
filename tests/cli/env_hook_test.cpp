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
