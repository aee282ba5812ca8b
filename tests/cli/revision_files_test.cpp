// Where `revision` writes and what it refuses to write: --version-path with several version
// locations (a folder that is not one is refused, as Alembic does), and ids or labels the
// graph would refuse on the next load.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_project.hpp"

using cli_test::contains;

namespace fs = std::filesystem;

namespace {

struct TwoLocations {
  test_support::TempDir dir;
  TwoLocations() {
    dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/one %(here)s/two\n");
    dir.write("one/a.sql", "-- revision: aaaa00000001\n-- down_revision:\n-- message: first\n-- migrate:up\n"
                           "SELECT 1;\n-- migrate:down\nSELECT 1;\n");
  }
  test_support::Result run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"-c", dir.path() + "/migrate.ini"});
    return test_support::run_migrate(args, dir.path());
  }
};

}  // namespace

TEST_CASE("revision --version-path writes into the version location named", "[cli][revision]") {
  TwoLocations p;
  auto second = p.run({"revision", "--sql", "-m", "second", "--rev-id", "bbbb00000002", "--version-path",
                       p.dir.path() + "/two"});
  REQUIRE(second.exit_code == 0);
  CHECK(fs::exists(p.dir.path() + "/two/bbbb00000002_second.sql"));
  CHECK(contains(second.out, p.dir.path() + "/two/bbbb00000002_second.sql"));
  // Relative to the current folder, trailing slash and all, as Alembic reads it.
  auto third = p.run({"revision", "--sql", "-m", "third", "--rev-id", "cccc00000003", "--version-path", "two/"});
  REQUIRE(third.exit_code == 0);
  CHECK(fs::exists(p.dir.path() + "/two/cccc00000003_third.sql"));
  CHECK(std::distance(fs::directory_iterator(p.dir.path() + "/one"), fs::directory_iterator()) == 1);
  // Both are read back from two/ as the chain the project continues.
  CHECK(p.run({"heads"}).out == "cccc00000003 (head)\n");
  CHECK(p.run({"history"}).out == "bbbb00000002 -> cccc00000003 (head), third\n"
                                  "aaaa00000001 -> bbbb00000002, second\n"
                                  "<base> -> aaaa00000001, first\n");
  // Without --version-path the first location.
  REQUIRE(p.run({"revision", "--sql", "-m", "fourth", "--rev-id", "dddd00000004"}).exit_code == 0);
  CHECK(fs::exists(p.dir.path() + "/one/dddd00000004_fourth.sql"));
}

TEST_CASE("revision --version-path refuses a folder that is not a version location", "[cli][revision]") {
  TwoLocations p;
  auto r = p.run({"revision", "--sql", "-m", "lost", "--version-path", p.dir.path() + "/elsewhere"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "Path " + p.dir.path() + "/elsewhere is not represented in current version locations"));
  // Nothing written where the project would never read it.
  CHECK_FALSE(fs::exists(p.dir.path() + "/elsewhere"));
}

TEST_CASE("revision refuses an id or label the graph refuses on load, and writes nothing", "[cli][revision]") {
  TwoLocations p;
  auto colon = p.run({"revision", "--sql", "-m", "x", "--rev-id", "x:y"});
  CHECK(colon.exit_code == 4);
  CHECK(contains(colon.err, "Character(s) ':' not allowed in revision identifier 'x:y'"));
  auto reserved = p.run({"revision", "--sql", "-m", "x", "--rev-id", "head"});
  CHECK(reserved.exit_code == 4);
  CHECK(contains(reserved.err, "Revision identifier 'head' is reserved"));
  auto label = p.run({"revision", "--sql", "-m", "x", "--rev-id", "eeee00000005", "--branch-label", "my@label"});
  CHECK(label.exit_code == 4);
  CHECK(contains(label.err, "Branch name 'my@label' in revision eeee00000005 is not usable as a target"));
  CHECK(std::distance(fs::directory_iterator(p.dir.path() + "/one"), fs::directory_iterator()) == 1);
  CHECK_FALSE(fs::exists(p.dir.path() + "/two"));
  CHECK(p.run({"heads"}).out == "aaaa00000001 (head)\n");
}
