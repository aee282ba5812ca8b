// `migrate import alembic`: the same graph as Alembic's, the same schema and version rows
// from a fresh database, flagged revisions that refuse to run, and no file lost or half-written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "alembic_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

// The branches and merge, plus a second root that depends on one branch.
void full_graph(const cli_test::AlembicProject& p) {
  p.branches_and_merge();
  p.revision("eee5_reports.py", "eee5", "None", "reports schema",
             "op.create_table('reports', sa.Column('id', sa.BigInteger, primary_key=True), "
             "sa.Column('title', sa.String(80), nullable=False, unique=True))",
             "op.drop_table('reports')", "('reports',)", "'ccc3'");
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  std::sort(out.begin(), out.end());
  return out;
}

const char* columns =
    "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '-'), "
    "coalesce(character_maximum_length, 0) FROM information_schema.columns "
    "WHERE table_schema = 'public' AND table_name <> 'migrate_history' ORDER BY 1, 2";
const char* constraints =
    "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints "
    "WHERE table_schema = 'public' AND table_name <> 'migrate_history' AND constraint_type <> 'CHECK' ORDER BY 1, 2";

}  // namespace

TEST_CASE("imported revisions give the graph Alembic shows", "[cli][alembic][import]") {
  TestDatabase db;
  cli_test::AlembicProject p(db.url());
  full_graph(p);
  auto r = p.migrate(db, {"import", "alembic"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* id : {"aaa1_users", "bbb2_email", "ccc3_orders", "ddd4_merge", "eee5_reports"}) {
    CHECK(std::filesystem::exists(p.versions() + "/" + id + ".sql"));
    CHECK(contains(r.out, "wrote " + p.versions() + "/" + id + ".sql"));
  }
  CHECK_FALSE(contains(r.out, "port by hand"));
  CHECK(contains(p.dir.read("alembic/versions/eee5_reports.sql"),
                 "-- revision: eee5\n-- down_revision: \n-- branch_labels: reports\n-- depends_on: ccc3\n"
                 "-- message: reports schema\n-- create_date: 2026-01-02 03:04:05.000000\n"));

  for (const char* command : {"history", "heads"}) {
    auto ours = p.migrate(db, {command});
    auto theirs = p.alembic({command});
    INFO(command << "\nmigrate: " << ours.out << ours.err << "\nalembic: " << theirs.out << theirs.err);
    REQUIRE(theirs.exit_code == 0);
    CHECK(ours.exit_code == 0);
    CHECK(ours.err.empty());  // nothing left unported: no warning
    // The same entries, each with the same edges, labels and markers; the order of unrelated
    // lines is each tool's own traversal.
    CHECK(sorted_lines(ours.out) == sorted_lines(theirs.out));
    CHECK(cli_test::lines(theirs.out) >= 2);
  }
}

TEST_CASE("after import, a fresh database gets Alembic's tables and version rows", "[cli][alembic][import]") {
  TestDatabase by_alembic, by_migrate;
  cli_test::AlembicProject p(by_alembic.url());
  full_graph(p);
  REQUIRE(p.migrate(by_migrate, {"import", "alembic"}).exit_code == 0);

  auto theirs = p.alembic({"upgrade", "heads"});
  INFO("alembic: " << theirs.err);
  REQUIRE(theirs.exit_code == 0);
  auto ours = p.migrate(by_migrate, {"upgrade", "heads"});
  INFO("migrate: " << ours.err);
  REQUIRE(ours.exit_code == 0);

  CHECK(by_migrate.rows(columns) == by_alembic.rows(columns));
  CHECK(by_migrate.rows(constraints) == by_alembic.rows(constraints));
  CHECK(by_alembic.rows(columns).find("orders|note|text|YES|'none'::text") != std::string::npos);
  const char* versions = "SELECT version_num FROM alembic_version ORDER BY 1";
  CHECK(by_migrate.rows(versions) == by_alembic.rows(versions));
  CHECK(by_migrate.rows(versions) == "ddd4\neee5");
  CHECK(p.migrate(by_migrate, {"current"}).exit_code == 0);

  // The hand-back: Alembic, with the .py files kept, carries on from the rows migrate wrote.
  const char* tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                       "AND table_name NOT IN ('alembic_version', 'migrate_history')";
  p.dir.write("handback.ini", "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = " + by_migrate.url() + "\n");
  auto handback = test_support::run_program({"alembic", "-c", p.dir.path() + "/handback.ini", "downgrade", "base"},
                                            p.dir.path());
  INFO("alembic downgrade: " << handback.err);
  REQUIRE(handback.exit_code == 0);
  CHECK(by_migrate.scalar(tables) == "0");
  CHECK(by_migrate.scalar("SELECT count(*) FROM alembic_version") == "0");

  // The imported downgrades: up again with migrate, all the way down leaves no table behind.
  REQUIRE(p.migrate(by_migrate, {"upgrade", "heads"}).exit_code == 0);
  CHECK(by_migrate.rows(columns) == by_alembic.rows(columns));
  REQUIRE(p.migrate(by_migrate, {"downgrade", "base"}).exit_code == 0);
  CHECK(by_migrate.scalar(tables) == "0");
}

TEST_CASE("a revision that reads the database is marked, listed and refuses to run", "[cli][alembic][import]") {
  TestDatabase db;
  cli_test::AlembicProject p(db.url());
  p.revision("aaa1_users.py", "aaa1", "None", "create users",
             "op.create_table('users', sa.Column('id', sa.Integer, primary_key=True))", "op.drop_table('users')");
  p.revision("bbb2_backfill.py", "bbb2", "'aaa1'", "backfill",
             "n = op.get_bind().execute(sa.text('SELECT count(*) FROM users')).scalar()", "pass");
  auto r = p.migrate(db, {"import", "alembic"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "wrote " + p.versions() + "/bbb2_backfill.sql (bbb2)\n"
                        "  port by hand: reads the database (get_bind); reads query results (scalar)"));
  auto text = p.dir.read("alembic/versions/bbb2_backfill.sql");
  CHECK(text.rfind("-- migrate:port-by-hand: reads the database (get_bind)\n"
                   "-- migrate:port-by-hand: reads query results (scalar)\n", 0) == 0);
  CHECK_FALSE(contains(p.dir.read("alembic/versions/aaa1_users.sql"), "port-by-hand"));

  auto history = p.migrate(db, {"history"});
  CHECK(history.exit_code == 0);
  CHECK(contains(history.out, "aaa1 -> bbb2 (head), backfill"));
  auto up = p.migrate(db, {"upgrade", "head"});
  CHECK(up.exit_code == 4);
  CHECK(contains(up.err, "bbb2_backfill.sql is marked `-- migrate:port-by-hand: reads the database (get_bind)`"));
  CHECK(cli_test::lines(up.err) == 1);
  CHECK(db.scalar("SELECT to_regclass('users') IS NULL AND to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("import keeps existing files unless --force and writes nothing when a revision fails", "[cli][alembic][import]") {
  TestDatabase db;
  cli_test::AlembicProject p(db.url());
  p.branches_and_merge();
  REQUIRE(p.migrate(db, {"import", "alembic"}).exit_code == 0);
  const std::string ported = "alembic/versions/aaa1_users.sql";
  const std::string edited = p.dir.read(ported) + "-- reviewed\n";
  p.dir.write(ported, edited);

  auto again = p.migrate(db, {"import", "alembic"});
  CHECK(again.exit_code == 0);
  CHECK(contains(again.out, "kept " + p.versions() + "/aaa1_users.sql (aaa1): it exists; --force overwrites it"));
  CHECK(p.dir.read(ported) == edited);
  auto json = p.migrate(db, {"--format", "json", "import", "alembic"});
  CHECK(contains(json.out, "\"written\": false"));
  REQUIRE(p.migrate(db, {"import", "alembic", "--force"}).exit_code == 0);
  CHECK_FALSE(contains(p.dir.read(ported), "-- reviewed"));

  // A body that fails offline with nothing flagging it: one line, and no file of it.
  p.revision("fff6_broken.py", "fff6", "'ddd4'", "broken", "raise RuntimeError('boom')", "pass");
  auto broken = p.migrate(db, {"import", "alembic", "--to", p.dir.path() + "/out"});
  CHECK(broken.exit_code == 4);
  CHECK(contains(broken.err, "FAILED: Alembic could not render " + p.versions() +
                                 "/fff6_broken.py offline: RuntimeError: boom (nothing written)"));
  CHECK(cli_test::lines(broken.err) == 1);
  CHECK_FALSE(std::filesystem::exists(p.dir.path() + "/out"));
}

TEST_CASE("import without Alembic installed says so in one line", "[cli][alembic][import]") {
  TestDatabase db;
  cli_test::AlembicProject p(db.url());
  p.branches_and_merge();
  auto r = p.migrate(db, {"import", "alembic"}, {{"PATH", "/nonexistent"}});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "FAILED: `alembic` is not on PATH: migrate import alembic renders revisions with Alembic itself "
                 "(apt-get install alembic)\n");
  CHECK_FALSE(std::filesystem::exists(p.versions() + "/aaa1_users.sql"));
}
