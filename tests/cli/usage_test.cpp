// The binary's contract with a shell: help, unknown commands, exit codes.
#include <catch2/catch.hpp>

#include "cli_project.hpp"

using test_support::run_migrate;

TEST_CASE("--help lists the commands and exits 0", "[cli][usage]") {
  auto r = run_migrate({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("upgrade") != std::string::npos);
  CHECK(r.out.find("downgrade") != std::string::npos);
}

TEST_CASE("an unknown command is a usage error: one line on stderr, exit 2", "[cli][usage]") {
  auto r = run_migrate({"frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("frobnicate") != std::string::npos);
}

TEST_CASE("global options may follow the command and its arguments", "[cli][usage]") {
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\n");
  dir.write("versions/a.sql", "-- revision: aaaa00000001\n-- down_revision:\n-- message: one\n-- migrate:up\nSELECT 1;\n"
                              "-- migrate:down\nSELECT 1;\n");
  const std::string ini = dir.path() + "/migrate.ini";
  auto after = run_migrate({"heads", "-c", ini});
  CHECK(after.exit_code == 0);
  CHECK(after.out == "aaaa00000001 (head)\n");
  // Mixed with the command's own options and positionals, in any order.
  auto mixed = run_migrate({"show", "aaaa", "--format", "json", "-c", ini});
  CHECK(mixed.exit_code == 0);
  CHECK(mixed.out.find("\"revision\": \"aaaa00000001\"") != std::string::npos);
  auto offline = run_migrate({"upgrade", "--sql", "-c", ini, "head", "-q"});
  CHECK(offline.exit_code == 0);
  CHECK(offline.err.empty());
  CHECK(offline.out.find("SELECT 1;") != std::string::npos);
  // What neither the command nor the top knows is still refused.
  auto unknown = run_migrate({"heads", "-c", ini, "--bogus"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("--bogus") != std::string::npos);
  auto extra = run_migrate({"heads", "-c", ini, "upgrade"});
  CHECK(extra.exit_code == 2);
}

TEST_CASE("migrate current --url URL reads that database", "[cli][usage]") {
  test_support::TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  const std::string ini = p.dir.path() + "/migrate.ini";
  auto up = run_migrate({"upgrade", "head", "--url", db.url(), "-c", ini});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  auto r = run_migrate({"current", "--url", db.url(), "-c", ini});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "aaaa00000001 (head)\n");
}
