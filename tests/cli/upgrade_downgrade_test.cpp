// The walking skeleton's promises, through the real binary against a real database.
#include <catch2/catch.hpp>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {
const char* kFirst = "7d1f4c2a9b3e";  // create products: the repository's first revision
}

TEST_CASE("upgrade head creates the version table and applies every revision", "[cli][upgrade]") {
  TestDatabase db;
  auto r = cli_test::run_repo(db, {"upgrade", "head"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, std::string("Running upgrade  -> ") + kFirst + ", create products"));
  // Alembic's exact table: VARCHAR(32) NOT NULL with primary key alembic_version_pkc.
  CHECK(db.rows("SELECT data_type, character_maximum_length, is_nullable FROM information_schema.columns "
                "WHERE table_name = 'alembic_version'") == "character varying|32|NO");
  CHECK(db.scalar("SELECT conname FROM pg_constraint WHERE conrelid = 'alembic_version'::regclass") ==
        "alembic_version_pkc");
  auto heads = cli_test::run_repo(db, {"heads"});
  CHECK(db.scalar("SELECT version_num FROM alembic_version") + " (head)\n" == heads.out);
  CHECK(db.scalar("SELECT to_regclass('ecommerce.products') IS NOT NULL") == "t");
}

TEST_CASE("a second upgrade is a no-op", "[cli][upgrade]") {
  TestDatabase db;
  REQUIRE(cli_test::run_repo(db, {"upgrade", "head"}).exit_code == 0);
  auto before = db.rows("SELECT version_num FROM alembic_version");
  auto r = cli_test::run_repo(db, {"upgrade"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "Running upgrade"));
  CHECK(contains(r.err, "Nothing to do"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == before);
}

TEST_CASE("downgrade -1 reverts the last revision, downgrade base reverts all", "[cli][downgrade]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a_first.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  p.revision("b_second.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;", "second");
  REQUIRE(p.run(db, {"upgrade", "head"}).exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "bbbb00000002");

  auto down = p.run(db, {"downgrade", "-1"});
  INFO(down.err);
  REQUIRE(down.exit_code == 0);
  CHECK(contains(down.err, "Running downgrade bbbb00000002 -> aaaa00000001, second"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  CHECK(db.scalar("SELECT to_regclass('t2') IS NULL") == "t");
  CHECK(db.scalar("SELECT to_regclass('t1') IS NOT NULL") == "t");

  auto base = p.run(db, {"downgrade", "base"});
  REQUIRE(base.exit_code == 0);
  // As Alembic: the table stays, empty.
  CHECK(db.scalar("SELECT count(*) FROM alembic_version") == "0");
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL") == "t");
}

TEST_CASE("the repository's revisions downgrade to base and upgrade again", "[cli][downgrade]") {
  TestDatabase db;
  REQUIRE(cli_test::run_repo(db, {"upgrade", "head"}).exit_code == 0);
  auto down = cli_test::run_repo(db, {"downgrade", "base"});
  INFO(down.err);
  REQUIRE(down.exit_code == 0);
  CHECK(db.scalar("SELECT count(*) FROM alembic_version") == "0");
  CHECK(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname IN ('ecommerce','audit','archive')") == "0");
  REQUIRE(cli_test::run_repo(db, {"upgrade", "head"}).exit_code == 0);
}

TEST_CASE("a failing statement rolls the whole run back", "[cli][upgrade][failure]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a_ok.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "creates t1");
  p.revision("b_bad.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);\nINSERT INTO missing VALUES (1);",
             "DROP TABLE t2;", "breaks");
  auto r = p.run(db, {"upgrade", "head"});
  CHECK(r.exit_code == 5);
  CHECK(r.out.empty());
  // One line: which revision, the server's words, where the database is.
  CHECK(cli_test::lines(r.err.substr(r.err.find("FAILED:"))) == 1);
  CHECK(contains(r.err, "FAILED: upgrade aaaa00000001 -> bbbb00000002 (breaks) failed: relation \"missing\" does not exist"));
  CHECK(contains(r.err, "database remains at <base>"));
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('t2') IS NULL AND to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("with transaction_per_migration a failure keeps the revisions before it", "[cli][upgrade][failure]") {
  TestDatabase db;
  cli_test::SqlProject p("transaction_per_migration = true\n");
  p.revision("a_ok.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  p.revision("b_bad.sql", "bbbb00000002", "aaaa00000001", "SELECT 1/0;", "SELECT 1;");
  auto r = p.run(db, {"upgrade", "head"});
  CHECK(r.exit_code == 5);
  CHECK(contains(r.err, "division by zero"));
  CHECK(contains(r.err, "database remains at aaaa00000001"));
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
  CHECK(db.scalar("SELECT to_regclass('t1') IS NOT NULL") == "t");
}
