// exclude_tables in the ini: a table the models do not have is left out of check.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

TEST_CASE("check leaves out the tables exclude_tables names", "[cli][check][filter]") {
  TestDatabase db;
  test_support::TempDir dir;
  auto bin = cli_test::copy_binary(dir);
  cli_test::copy_checkout(dir);
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {bin, "--url", db.url()});
    return test_support::run_program(args, dir.path());
  };
  REQUIRE(run({"upgrade", "head"}).exit_code == 0);
  db.exec("CREATE TABLE ecommerce.tmp_import (id int PRIMARY KEY, payload text);"
          "CREATE TABLE audit.scratchpad (id int)");
  auto drift = run({"check"});
  CHECK(drift.exit_code == 1);
  CHECK(contains(drift.out, "drop table ecommerce.tmp_import"));
  CHECK(contains(drift.out, "drop table audit.scratchpad"));

  std::ofstream(dir.path() + "/migrate.ini", std::ios::app) << "exclude_tables = ecommerce.tmp_*, scratch*\n";
  auto clean = run({"check"});
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());

  // Only what a pattern names: another new table is still drift.
  db.exec("CREATE TABLE ecommerce.imports (id int)");
  auto other = run({"check"});
  CHECK(other.exit_code == 1);
  CHECK(other.out == "drop table ecommerce.imports\n");
}
