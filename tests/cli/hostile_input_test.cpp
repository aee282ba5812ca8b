// Input of absurd length or binary content: a clear one-line error and a documented exit
// code, never a crash, and nothing run.
#include <catch2/catch.hpp>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {
void one_clear_line(const test_support::Result& r, int code) {
  INFO("exit " << r.exit_code << "\nstderr (" << r.err.size() << " bytes): " << r.err.substr(0, 2000));
  CHECK(r.exit_code == code);
  CHECK(cli_test::lines(r.err) == 1);
  CHECK(r.err.rfind("FAILED: ", 0) == 0);
  CHECK(r.err.size() < 1200);
}
}  // namespace

TEST_CASE("a database URL of absurd length is a config error, not a crash", "[cli][errors][hostile]") {
  std::string huge = "postgresql://u:" + std::string(100 * 1024, 'p') + "@127.0.0.1:1/db";
  auto r = test_support::run_migrate({"-c", cli_test::repo_ini(), "--url", huge, "current"});
  one_clear_line(r, 3);
  CHECK(contains(r.err, "more than the 8192 a URL may have"));
  CHECK_FALSE(contains(r.err, "ppppp"));

  // The same through DATABASE_URL, and a conninfo string with a long password.
  r = test_support::run_migrate({"-c", cli_test::repo_ini(), "current"}, ".",
                                {{"DATABASE_URL", "host=x password=" + std::string(100 * 1024, 'q')}});
  one_clear_line(r, 3);
  CHECK_FALSE(contains(r.err, "qqqqq"));
}

TEST_CASE("a target or revision id of absurd length gets one short line", "[cli][errors][hostile]") {
  TestDatabase db;
  auto r = cli_test::run_repo(db, {"upgrade", std::string(100 * 1024, 'a')});
  one_clear_line(r, 4);
  CHECK(contains(r.err, "Can't locate revision identified by 'aaaa"));
  CHECK(contains(r.err, " bytes] ..."));

  cli_test::SqlProject p;
  p.revision("a.sql", std::string(50 * 1024, 'b'), "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  r = p.run(db, {"upgrade", "head"});
  one_clear_line(r, 4);
  CHECK(contains(r.err, "is longer than 32 characters"));
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("a SQL revision with a NUL byte or invalid UTF-8 is refused before anything runs",
          "[cli][errors][hostile]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  // The NUL would have cut the statement short and run "CREATE TABLE t2 (id int)" alone.
  std::string header = "-- revision: bbbb00000002\n-- down_revision: aaaa00000001\n-- message: bad\n-- migrate:up\n";
  std::string nul_text = header + "CREATE TABLE t2 (id int);" + std::string(1, '\0') + "DROP TABLE t1;\n-- migrate:down\n";
  p.dir.write("versions/b.sql", nul_text);
  auto r = p.run(db, {"upgrade", "head"});
  one_clear_line(r, 4);
  CHECK(contains(r.err, "b.sql: byte " + std::to_string(header.size() + 25) + ": a NUL byte: not a text file"));
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('alembic_version') IS NULL") == "t");

  // Latin-1 bytes in a comment: not UTF-8.
  p.dir.write("versions/b.sql", header + "-- caf\xe9\nCREATE TABLE t2 (id int);\n-- migrate:down\n");
  r = p.run(db, {"upgrade", "head"});
  one_clear_line(r, 4);
  CHECK(contains(r.err, "b.sql: byte " + std::to_string(header.size() + 6)));
  CHECK(contains(r.err, "invalid UTF-8: not a text file"));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");

  // Valid UTF-8 text runs.
  p.dir.write("versions/b.sql", header + "-- café ☕\nCREATE TABLE t2 (id int);\n-- migrate:down\nDROP TABLE t2;\n");
  r = p.run(db, {"upgrade", "head"});
  CHECK(r.exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "bbbb00000002");
}

TEST_CASE("binary junk as a config file is a config error", "[cli][errors][hostile]") {
  test_support::TempDir dir;
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
  dir.write("migrate.ini", junk);
  auto r = test_support::run_migrate({"-c", dir.path() + "/migrate.ini", "heads"});
  one_clear_line(r, 3);
}
