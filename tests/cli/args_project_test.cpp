// `-x key=value` and `--tag` reach a compiled C++ revision (tests/args_project: a project that
// links migrate_cli_main with its own revision, as `init -t cpp` scaffolds), online and in
// `--sql`, and op.execute binds its parameters the same way in both.
#include <catch2/catch.hpp>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

// The project's ini beside its sources: the revision's file is there, as in a checkout.
struct ArgsProject {
  test_support::TempDir dir;
  ArgsProject() {
    dir.write("migrate.ini", "[migrate]\nversion_locations = " + std::string(test_config::source_dir) +
                                 "/tests/args_project/versions\n");
  }
  test_support::Result run(std::vector<std::string> args, const std::string& url = "") const {
    std::vector<std::string> full{test_config::args_project_bin, "-c", dir.path() + "/migrate.ini"};
    if (!url.empty()) full.insert(full.end(), {"--url", url});
    full.insert(full.end(), args.begin(), args.end());
    return test_support::run_program(full, dir.path());
  }
};

}  // namespace

TEST_CASE("a compiled revision reads -x and --tag online", "[cli][args]") {
  TestDatabase db;
  ArgsProject p;
  auto up = p.run({"upgrade", "head", "-x", "name=foo", "--tag", "release-7"}, db.url());
  REQUIRE(up.exit_code == 0);
  CHECK(db.scalar("SELECT to_regclass('public.foo') IS NOT NULL") == "t");
  // $1 and $2 bound to the values; the '$1' literal and the /* $2 */ comment left as written.
  CHECK(db.rows("SELECT name, tag, note FROM args_runs") == "foo|release-7|$1 is text");
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "a1b2c3d4e5f6");
  auto down = p.run({"downgrade", "base", "-x", "name=foo"}, db.url());
  CHECK(down.exit_code == 0);
  CHECK(db.scalar("SELECT to_regclass('public.foo') IS NULL AND to_regclass('public.args_runs') IS NULL") == "t");
}

TEST_CASE("a compiled revision reads -x and --tag in --sql", "[cli][args]") {
  ArgsProject p;
  auto sql = p.run({"upgrade", "--sql", "head", "-x", "name=foo", "--tag", "release-7"});
  REQUIRE(sql.exit_code == 0);
  CHECK(contains(sql.out, "CREATE TABLE foo ("));
  CHECK(contains(sql.out, "INSERT INTO args_runs (name, tag, note) /* $2 */ VALUES ('foo', 'release-7', "
                          "'$1 is text');\n"));
  // Without --tag the revision reads an empty tag.
  auto untagged = p.run({"upgrade", "--sql", "head", "-x", "name=bar"});
  CHECK(contains(untagged.out, "CREATE TABLE bar ("));
  CHECK(contains(untagged.out, "VALUES ('bar', '', '$1 is text');\n"));
}

TEST_CASE("a compiled revision that needs an -x argument fails before anything runs", "[cli][args]") {
  TestDatabase db;
  ArgsProject p;
  auto r = p.run({"upgrade", "head"}, db.url());
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "run with -x name=<table>"));
  CHECK(db.scalar("SELECT to_regclass('public.args_runs') IS NULL") == "t");
}
