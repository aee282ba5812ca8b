// --from-revisions: the models compared with a scratch database the revisions bring to the
// heads; the developer's database may be anywhere, and the scratch database never stays.
// One test case, so that no other run's scratch database is counted.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;
namespace fs = std::filesystem;

namespace {

std::string scratch_databases(const TestDatabase& db) {
  return db.scalar("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrate_scratch_%'");
}

// What the models need in any database they are created in (uuid_generate_v7()).
std::string bootstrap() { return std::string(test_config::source_dir) + "/docker/postgres/init_dependencies.sql"; }

}  // namespace

TEST_CASE("check and autogenerate --from-revisions build their own database at the heads", "[cli][check][from_revisions]") {
  TestDatabase db;  // at base: no revision applied
  REQUIRE(scratch_databases(db) == "0");
  CHECK(cli_test::run_repo(db, {"check"}).exit_code == 4);  // the usual refusal

  auto r = cli_test::run_repo(db, {"check", "--from-revisions"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "No new upgrade operations detected."));
  CHECK(scratch_databases(db) == "0");
  // The developer's database was not touched.
  CHECK(db.scalar("SELECT to_regclass('public.alembic_version') IS NULL") == "t");
  CHECK(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'ecommerce'") == "0");

  // One revision below the head: the same.
  REQUIRE(cli_test::run_repo(db, {"upgrade", "head"}).exit_code == 0);
  REQUIRE(cli_test::run_repo(db, {"downgrade", "-1"}).exit_code == 0);
  CHECK(cli_test::run_repo(db, {"check", "--from-revisions"}).exit_code == 0);
  CHECK(scratch_databases(db) == "0");

  // autogenerate writes a revision (empty: the revisions and the models agree).
  {
    test_support::TempDir dir;
    auto bin = cli_test::copy_binary(dir);
    cli_test::copy_checkout(dir);
    fs::create_directories(dir.path() + "/docker/postgres");
    fs::copy_file(std::string(test_config::source_dir) + "/docker/postgres/init_dependencies.sql",
                  dir.path() + "/docker/postgres/init_dependencies.sql");
    auto gen = test_support::run_program({bin, "--url", db.url(), "revision", "--autogenerate", "--from-revisions",
                                          "--sql", "-m", "nothing new", "--rev-id", "cccc0000cccc"},
                                         dir.path());
    INFO(gen.out << gen.err);
    CHECK(gen.exit_code == 0);
    CHECK(contains(gen.err, "No changes in schema detected."));
    CHECK(fs::exists(dir.path() + "/migrations/versions/cccc0000cccc_nothing_new.sql"));
    CHECK(scratch_databases(db) == "0");
  }

  // What the revisions build is what is compared: a table no model has is drift, whatever
  // the developer's database holds.
  {
    cli_test::SqlProject p("include_schemas = public\nfrom_revisions_bootstrap = " + bootstrap() + "\n");
    p.revision("a1_extra.sql", "aaaa00000001", "", "CREATE TABLE public.extra (id int)", "DROP TABLE public.extra");
    auto drift = p.run(db, {"check", "--from-revisions"});
    INFO(drift.out << drift.err);
    CHECK(drift.exit_code == 1);
    CHECK(drift.out == "drop table public.extra\n");
    CHECK(db.scalar("SELECT to_regclass('public.extra') IS NULL") == "t");
    auto gen = p.run(db, {"revision", "--autogenerate", "--from-revisions", "--sql", "-m", "drop extra", "--rev-id",
                          "aaaa00000002"});
    INFO(gen.err);
    CHECK(gen.exit_code == 0);
    CHECK(contains(p.dir.read("versions/aaaa00000002_drop_extra.sql"), "DROP TABLE public.extra;"));
    CHECK(scratch_databases(db) == "0");
  }

  // A revision that fails: the error says where, and the scratch database is dropped anyway.
  {
    cli_test::SqlProject p;
    p.revision("b1_broken.sql", "bbbb00000001", "", "SELECT 1/0", "SELECT 1");
    auto broken = p.run(db, {"check", "--from-revisions"});
    CHECK(broken.exit_code == 5);
    CHECK(contains(broken.err, "--from-revisions: upgrading the scratch database to the heads"));
    CHECK(contains(broken.err, "division by zero"));
    CHECK(cli_test::lines(broken.err.substr(broken.err.find("FAILED:"))) == 1);
    CHECK(scratch_databases(db) == "0");
  }
  // A bootstrap file that fails: the same.
  {
    test_support::TempDir files;
    files.write("bootstrap.sql", "CREATE SCHEMA ok; SELECT no_such_function();");
    cli_test::SqlProject p("from_revisions_bootstrap = " + files.path() + "/bootstrap.sql\n");
    p.revision("c1.sql", "cccc00000001", "", "SELECT 1", "SELECT 1");
    auto broken = p.run(db, {"check", "--from-revisions"});
    CHECK(broken.exit_code == 5);
    CHECK(contains(broken.err, "from_revisions_bootstrap"));
    CHECK(scratch_databases(db) == "0");
  }
  // Without --autogenerate the flag means nothing: a usage error.
  CHECK(cli_test::run_repo(db, {"revision", "--from-revisions", "-m", "x"}).exit_code == 2);
}
