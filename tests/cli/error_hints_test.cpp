// Errors that say what to do next: which URL failed and where it came from, Alembic's
// placeholder URL, a downgrade at base, the failing statement, the ids a typo was near,
// what to name at a branch or merge point, and read-only answers despite a missed rebuild.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli_project.hpp"

using cli_test::contains;
using cli_test::lines;
using test_support::run_migrate;
using test_support::TempDir;
using test_support::TestDatabase;

namespace {
// No DATABASE_URL from the test's environment, and libpq's own defaults pointed at a closed port.
const std::map<std::string, std::string> no_env_url = {{"DATABASE_URL", ""}, {"PGPORT", "1"}};

// The repository's migrate.ini, its dev URL moved to a port where nothing listens.
std::string repo_ini_unreachable() {
  std::ifstream in(cli_test::repo_ini());
  std::stringstream text;
  text << in.rdbuf();
  std::string ini = text.str();
  auto at = ini.find("127.0.0.1:54329");
  REQUIRE(at != std::string::npos);
  return ini.replace(at, 15, "127.0.0.1:1");
}
}  // namespace

TEST_CASE("a refused connection names the URL, masked, and where it came from", "[cli][errors][config]") {
  TempDir dir;
  dir.write("versions/a.sql", "-- revision: aaaa00000001\n-- down_revision:\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  dir.write("migrate.ini", std::string("[migrate]\nversion_locations = %(here)s/versions\n") +
                               "url = postgresql://app:" + test_support::test_password + "@127.0.0.1:1/shop\n" +
                               "connect_hint = start it with: make db\n");
  const std::string ini = dir.path() + "/migrate.ini";

  auto from_ini = run_migrate({"-c", ini, "current"}, ".", no_env_url);
  CHECK(from_ini.exit_code == 5);
  CHECK(contains(from_ini.err, "FAILED: cannot connect to postgresql://app:***@127.0.0.1:1/shop (from url in " + ini +
                                   " [migrate]): "));
  CHECK(contains(from_ini.err, "; start it with: make db\n"));
  CHECK(lines(from_ini.err) == 1);

  // The hint is about the ini's own URL: another one gets none.
  auto env = no_env_url;
  env["DATABASE_URL"] = "postgresql://app:" + std::string(test_support::test_password) + "@127.0.0.1:1/other";
  auto from_env = run_migrate({"-c", ini, "upgrade"}, ".", env);
  CHECK(from_env.exit_code == 5);
  CHECK(contains(from_env.err, "FAILED: cannot connect to postgresql://app:***@127.0.0.1:1/other (from DATABASE_URL): "));
  CHECK_FALSE(contains(from_env.err, "make db"));

  auto from_flag = run_migrate({"-c", ini, "--url", "postgresql://127.0.0.1:1/flag", "current"}, ".", no_env_url);
  CHECK(from_flag.exit_code == 5);
  CHECK(contains(from_flag.err, "FAILED: cannot connect to postgresql://127.0.0.1:1/flag (from --url): "));
  CHECK_FALSE(contains(from_flag.err, "make db"));
  for (const auto* r : {&from_ini, &from_env, &from_flag}) CHECK_FALSE(contains(r->err, test_support::test_password));
}

TEST_CASE("the repository's dev URL hints just db-up, a project made by init does not", "[cli][errors][config]") {
  TempDir dir;
  cli_test::copy_checkout(dir);
  dir.write("migrate.ini", repo_ini_unreachable());
  auto repo = run_migrate({"-c", dir.path() + "/migrate.ini", "current"}, ".", no_env_url);
  CHECK(repo.exit_code == 5);
  CHECK(contains(repo.err, "FAILED: cannot connect to postgresql://migrate:***@127.0.0.1:1/ecommerce (from url in " +
                               dir.path() + "/migrate.ini [migrate]): "));
  CHECK(contains(repo.err, "just db-up"));

  TempDir other;
  REQUIRE(run_migrate({"init", other.path() + "/db", "-t", "sql"}).exit_code == 0);
  auto fresh = run_migrate({"-c", other.path() + "/db/migrate.ini", "upgrade"}, ".", no_env_url);
  INFO(fresh.err);
  CHECK(fresh.exit_code == 5);
  CHECK(contains(fresh.err, "FAILED: cannot connect to "));
  CHECK_FALSE(contains(fresh.err, "just"));
}

TEST_CASE("Alembic's placeholder URL and other databases' URLs are config errors", "[cli][errors][config]") {
  TempDir dir;
  dir.write("alembic.ini", "[alembic]\nscript_location = %(here)s/alembic\n"
                           "sqlalchemy.url = driver://user:pass@localhost/dbname\n");
  dir.write("alembic/versions/a.sql",
            "-- revision: aaaa00000001\n-- down_revision:\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  const std::string ini = dir.path() + "/alembic.ini";
  auto placeholder = run_migrate({"-c", ini, "upgrade"}, ".", no_env_url);
  CHECK(placeholder.exit_code == 3);
  CHECK(placeholder.err == "FAILED: sqlalchemy.url in " + ini +
                               " [alembic] is still Alembic's placeholder driver://...; set it to a postgresql:// URL, "
                               "or set DATABASE_URL\n");
  // Commands that need no database still answer, as Alembic's do.
  auto heads = run_migrate({"-c", ini, "heads"}, ".", no_env_url);
  CHECK(heads.exit_code == 0);
  CHECK(heads.out == "aaaa00000001 (head)\n");

  auto mysql = run_migrate({"-c", ini, "--url", "mysql+pymysql://u:p@db/shop", "current"}, ".", no_env_url);
  CHECK(mysql.exit_code == 3);
  CHECK(mysql.err == "FAILED: the database URL (--url) has scheme 'mysql+pymysql': migrate speaks PostgreSQL only "
                     "(postgresql://, postgres://, or postgresql+driver://)\n");
}

TEST_CASE("downgrade -1 at base keeps Alembic's words and says the database is at base", "[cli][errors][downgrade]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  auto r = p.run(db, {"downgrade", "-1"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: Relative revision -1 didn't produce 1 migrations: the database is already at base\n");
  REQUIRE(p.run(db, {"upgrade"}).exit_code == 0);
  auto two = p.run(db, {"downgrade", "-2"});
  CHECK(two.exit_code == 4);
  CHECK(two.err == "FAILED: Relative revision -2 didn't produce 2 migrations: the database is only 1 revision above base\n");
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "aaaa00000001");
}

TEST_CASE("a failed statement's error shows its first line, --raiseerr shows it whole", "[cli][errors][upgrade]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);\nINSERT INTO missing (id)\n  VALUES (1);",
             "DROP TABLE t1;", "breaks");
  auto r = p.run(db, {"upgrade"});
  CHECK(r.exit_code == 5);
  CHECK(r.err == "Running upgrade  -> aaaa00000001, breaks\nFAILED: upgrade  -> aaaa00000001 (breaks) failed: relation \"missing\" does not exist (statement: "
                 "INSERT INTO missing (id) ...; --raiseerr shows it whole); rolled back, database remains at <base>\n");
  auto whole = p.run(db, {"--raiseerr", "upgrade"});
  CHECK(whole.exit_code == 5);
  CHECK(contains(whole.err, "INSERT INTO missing (id)\n  VALUES (1)"));
}

TEST_CASE("an unknown id or label offers the nearest ones", "[cli][errors][graph]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "1a2b3c4d5e6f", "", "SELECT 1;", "SELECT 1;");
  p.dir.write("versions/b.sql", "-- revision: 8e4f2a6d1c93\n-- down_revision: 1a2b3c4d5e6f\n-- branch_labels: billing\n"
                                "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  auto typo = p.run(db, {"upgrade", "8e4f2a6d1c39"});
  CHECK(typo.exit_code == 4);
  CHECK(typo.err == "FAILED: Can't locate revision identified by '8e4f2a6d1c39'; did you mean 8e4f2a6d1c93?\n");
  auto label = p.run(db, {"show", "biling@head"});
  CHECK(label.exit_code == 4);
  CHECK(label.err == "FAILED: No such branch: 'biling'; did you mean billing?\n");
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("at a branch or merge point the error lists what to name, and that works", "[cli][errors][graph]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "SELECT 1;", "SELECT 1;");
  p.revision("b1.sql", "b1b100000002", "aaaa00000001", "CREATE TABLE b1 (id int);", "DROP TABLE b1;");
  p.revision("b2.sql", "b2b200000002", "aaaa00000001", "CREATE TABLE b2 (id int);", "DROP TABLE b2;");
  REQUIRE(p.run(db, {"upgrade", "aaaa00000001"}).exit_code == 0);
  auto up = p.run(db, {"upgrade", "+1"});
  CHECK(up.exit_code == 4);
  CHECK(up.err == "FAILED: Ambiguous walk: revision aaaa00000001 is followed by several revisions; name one instead: "
                  "b1b100000002, b2b200000002 (or narrow with '<branchname>@+N')\n");
  REQUIRE(p.run(db, {"upgrade", "heads"}).exit_code == 0);
  auto down = p.run(db, {"downgrade", "-1"});
  CHECK(down.exit_code == 4);
  CHECK(down.err == "FAILED: Relative downgrade -1 from multiple heads (b1b100000002, b2b200000002) is ambiguous; "
                    "name one instead: b1b100000002@-1, b2b200000002@-1\n");
  REQUIRE(p.run(db, {"downgrade", "b2b200000002@-1"}).exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "b1b100000002");

  p.revision("m.sql", "eeee00000003", "b1b100000002, b2b200000002", "SELECT 1;", "SELECT 1;");
  REQUIRE(p.run(db, {"upgrade", "heads"}).exit_code == 0);
  auto merge = p.run(db, {"downgrade", "eeee00000003-2"});
  CHECK(merge.exit_code == 4);
  CHECK(merge.err == "FAILED: Ambiguous walk: revision eeee00000003 is a merge point; name the revision to go down to "
                     "instead: b1b100000002, b2b200000002\n");
}

TEST_CASE("read-only commands answer despite a .cpp not yet built, writing ones refuse", "[cli][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "one");
  p.dir.write("versions/abc_new.cpp", "// a revision written after the last build\n");
  const std::string warning = "warning: " + p.dir.path() +
                              "/versions/abc_new.cpp is not compiled into this binary, so this answer leaves it out: "
                              "rebuild (just build)\n";
  auto up = p.run(db, {"upgrade"});
  CHECK(up.exit_code == 4);
  CHECK(contains(up.err, "abc_new.cpp is not compiled into this binary: rebuild (just build) before running revisions"));
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('alembic_version') IS NULL") == "t");
  CHECK(p.run(db, {"stamp", "head"}).exit_code == 4);
  CHECK(p.run(db, {"revision", "-m", "x", "--sql"}).exit_code == 4);

  auto heads = p.run(db, {"heads"});
  CHECK(heads.exit_code == 0);
  CHECK(heads.out == "aaaa00000001 (head)\n");
  CHECK(heads.err == warning);
  auto history = p.run(db, {"history"});
  CHECK(history.exit_code == 0);
  CHECK(history.out == "<base> -> aaaa00000001 (head), one\n");
  CHECK(history.err == warning);
  auto show = p.run(db, {"show", "aaaa"});
  CHECK(show.exit_code == 0);
  CHECK(contains(show.out, "Rev: aaaa00000001 (head)"));
  CHECK(show.err == warning);
  auto branches = p.run(db, {"branches"});
  CHECK(branches.exit_code == 0);
  CHECK(branches.err == warning);
  auto current = p.run(db, {"current"});
  CHECK(current.exit_code == 0);
  CHECK(current.err == warning);
  // -q keeps the warning: it says the answer is partial.
  CHECK(p.run(db, {"-q", "heads"}).err == warning);

  // The database at the revision left out (a teammate's, pulled but not built): rebuild, not --purge.
  db.exec("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)");
  db.exec("INSERT INTO alembic_version VALUES ('bbbb00000002')");
  auto unknown = p.run(db, {"current"});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err == warning + "FAILED: the database is at bbbb00000002, which no revision built into this binary "
                                 "defines; " + p.dir.path() + "/versions/abc_new.cpp not compiled in: rebuild (just build)\n");
}
