// A binary built with EMBED_SQL (tests/embedded: two .sql revisions around one .cpp) is the
// whole deploy: copied alone into an empty folder it migrates a database; run beside its
// folder, the folder must agree with what it carries.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;
namespace fs = std::filesystem;

namespace {

constexpr const char* head = "3e0000000003";

// The fixture binary copied into `dir`, as a deploy step copies it.
std::string copy_fixture(const test_support::TempDir& dir) {
  std::string bin = dir.path() + "/migrate";
  fs::copy_file(test_config::embedded_fixture_bin, bin);
  return bin;
}

}  // namespace

TEST_CASE("a binary with embedded SQL revisions migrates from an empty folder", "[cli][embedded]") {
  TestDatabase db;
  test_support::TempDir dir;
  auto bin = copy_fixture(dir);
  REQUIRE(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);  // no ini, no folder
  const std::map<std::string, std::string> env{{"DATABASE_URL", db.url()}};

  auto up = test_support::run_program({bin, "upgrade", "head"}, dir.path(), env);
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  CHECK(contains(up.err, "Upgraded <base> -> " + std::string(head) + " (3 revisions"));
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == head);
  CHECK(db.scalar("SELECT to_regclass('shoppers') IS NOT NULL AND to_regclass('baskets') IS NOT NULL") == "t");
  // The text ran byte for byte: quotes, a backslash and UTF-8 through the generated C++.
  CHECK(db.scalar("SELECT obj_description('shoppers'::regclass, 'pg_class')") ==
        "K\u00e4ufer \u2013 who \"shops\" \\ here \u2713");
  CHECK(db.scalar("SELECT count(*) FROM migrate_history WHERE checksum IS NOT NULL") == "3");

  auto history = test_support::run_program({bin, "history"}, dir.path(), env);
  CHECK(history.exit_code == 0);
  CHECK(history.out ==
        "2e0000000002 -> 3e0000000003 (head), describe shoppers\n"
        "1e0000000001 -> 2e0000000002, create baskets\n"
        "<base> -> 1e0000000001, create shoppers\n");
  auto show = test_support::run_program({bin, "show", "1e0000000001"}, dir.path(), env);
  CHECK(contains(show.out, "Path: migrations/versions/1e0000000001_create_shoppers.sql (embedded)\n"));

  auto down = test_support::run_program({bin, "--url", db.url(), "downgrade", "base"}, dir.path());
  INFO(down.err);
  CHECK(down.exit_code == 0);
  CHECK(db.scalar("SELECT to_regclass('shoppers') IS NULL") == "t");
}

TEST_CASE("migrate --version -v lists what the binary carries, and --version alone stays one line", "[cli][embedded][version]") {
  test_support::TempDir dir;
  auto bin = copy_fixture(dir);
  auto plain = test_support::run_program({bin, "--version"}, dir.path());
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == test_support::run_migrate({"--version"}).out);
  CHECK(cli_test::lines(plain.out) == 1);

  for (const char* flag : {"-v", "--verbose"}) {
    auto verbose = test_support::run_program({bin, "--version", flag}, dir.path());
    CHECK(verbose.exit_code == 0);
    CHECK(verbose.err.empty());
    CHECK(contains(verbose.out, plain.out + "revisions: 1 compiled, 2 embedded\nhead: 3e0000000003 describe shoppers\nbuild: "));
  }
  auto json = test_support::run_program({bin, "--version", "-v", "--format", "json"}, dir.path());
  CHECK(json.exit_code == 0);
  auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["compiled"] == 1);
  CHECK(doc["embedded"] == 2);
  CHECK(doc["heads"] == nlohmann::json::parse(R"([{"id": "3e0000000003", "message": "describe shoppers"}])"));
  const std::string build = doc["build"];
  CHECK(contains(test_support::run_program({bin, "--version", "-v"}, dir.path()).out, "build: " + build + "\n"));
  // Another copy carries the same revisions: the same id. `migrate` carries others.
  test_support::TempDir other;
  auto again = test_support::run_program({copy_fixture(other), "--version", "-v"}, "/");
  CHECK(contains(again.out, "build: " + build + "\n"));
  auto app = test_support::run_migrate({"--version", "-v"});
  CHECK(app.exit_code == 0);
  CHECK(contains(app.out, " embedded\n"));
  CHECK_FALSE(contains(app.out, "build: " + build));
}

TEST_CASE("beside its folder, the binary refuses a .sql edited, added or deleted since the build", "[cli][embedded]") {
  TestDatabase db;
  test_support::TempDir dir;
  auto bin = copy_fixture(dir);
  fs::copy(std::string(test_config::source_dir) + "/tests/embedded/migrations", dir.path() + "/migrations",
           fs::copy_options::recursive);
  const std::string versions = dir.path() + "/migrations/versions/";
  const std::string file = "3e0000000003_describe_shoppers.sql";

  // Agreeing: the files are shown, as without embedding.
  auto show = test_support::run_program({bin, "show", head}, dir.path());
  INFO(show.err);
  CHECK(show.exit_code == 0);
  CHECK(contains(show.out, "Path: " + versions + file + "\n"));

  auto run = [&] { return test_support::run_program({bin, "--url", db.url(), "upgrade", "head"}, dir.path()); };
  const std::string built = dir.read("migrations/versions/" + file);
  dir.write("migrations/versions/" + file, built + "SELECT 2;\n");
  auto edited = run();
  CHECK(edited.exit_code == 4);
  CHECK(edited.out.empty());
  CHECK(edited.err == "FAILED: " + versions + file +
                          " changed since this binary was built: rebuild (just build) before running revisions\n");
  dir.write("migrations/versions/" + file, built);

  dir.write("migrations/versions/4e0000000004_new.sql",
            "-- revision: 4e0000000004\n-- down_revision: 3e0000000003\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  auto added = run();
  CHECK(added.exit_code == 4);
  CHECK(added.err == "FAILED: " + versions +
                         "4e0000000004_new.sql is not compiled into this binary: rebuild (just build) before running revisions\n");
  fs::remove(versions + "4e0000000004_new.sql");

  fs::remove(versions + file);
  auto gone = run();
  CHECK(gone.exit_code == 4);
  CHECK(contains(gone.err, "FAILED: revision 3e0000000003 is compiled into this binary but " + versions + file + " is gone"));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}
