// Offline mode (--sql): stdout is clean SQL that, applied by psql, leaves a database exactly
// where an online run leaves it (same pg_dump -s, same version table), with the same
// transaction structure.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

const char* kPsql = "/usr/bin/psql";

void psql_apply(const TestDatabase& db, const std::string& sql) {
  REQUIRE_FALSE(sql.empty());
  auto r = test_support::run_program({kPsql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.conninfo(), "-f", "-"}, ".",
                                     {}, sql);
  INFO("psql stderr: " << r.err << "\nSQL:\n" << sql);
  REQUIRE(r.exit_code == 0);
}

std::string schema_dump(const TestDatabase& db) { return db.schema_dump(); }

std::string versions(const TestDatabase& db) {
  return db.scalar("SELECT coalesce(string_agg(version_num, ',' ORDER BY version_num), '') FROM alembic_version");
}

// Every "Running ..." on stdout is a SQL comment; progress and timings stay on stderr.
void only_sql(const test_support::Result& r) {
  INFO("stdout:\n" << r.out);
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (contains(line, "Running ")) CHECK(line.rfind("-- Running ", 0) == 0);
    CHECK_FALSE(contains(line, "done in"));
    CHECK_FALSE(contains(line, "Upgraded"));
  }
  CHECK(contains(r.err, "Running upgrade"));
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The repository's head revision, whatever revisions it has today.
std::string repo_head(const TestDatabase& db) {
  auto r = cli_test::run_repo(db, {"--format", "json", "heads"});
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["heads"].size() == 1);
  return doc["heads"][0]["revision"];
}

// SQL revisions beside the repository's C++ ones: two branches off the C++ head (one
// labelled, one with a DO block and a function body), then a merge.
struct MixedProject {
  test_support::TempDir dir;
  explicit MixedProject(const std::string& cpp_head) {
    dir.write("migrate.ini", "[migrate]\nversion_locations = " + std::string(test_config::source_dir) +
                                 "/migrations/versions %(here)s/versions\n");
    dir.write("versions/s1_notes.sql",
              "-- revision: 5e1000000001\n-- down_revision: " + cpp_head +
                  "\n-- branch_labels: notes\n-- message: add notes\n-- migrate:up\n"
                  "CREATE TABLE ecommerce.notes (id bigserial PRIMARY KEY, body text NOT NULL);\n"
                  "COMMENT ON TABLE ecommerce.notes IS 'free text; with a semicolon';\n"
                  "-- migrate:down\nDROP TABLE ecommerce.notes;\n");
    dir.write("versions/s2_fn.sql",
              "-- revision: 5e2000000002\n-- down_revision: " + cpp_head +
                  "\n-- message: add a function\n-- migrate:up\n"
                  "CREATE FUNCTION ecommerce.twice(i int) RETURNS int LANGUAGE plpgsql AS $$\n"
                  "BEGIN\n  RETURN i * 2; -- a comment; with a semicolon\nEND;\n$$;\n"
                  "DO $$ BEGIN PERFORM 1; END $$;\n"
                  "-- migrate:down\nDROP FUNCTION ecommerce.twice(int);\n");
    dir.write("versions/s3_merge.sql",
              "-- revision: 5e3000000003\n-- down_revision: 5e1000000001, 5e2000000002\n-- message: merge notes and "
              "function\n-- migrate:up\nCREATE INDEX ix_notes_body ON ecommerce.notes (body);\n"
              "-- migrate:down\nDROP INDEX ecommerce.ix_notes_body;\n");
  }
  test_support::Result run(const TestDatabase& db, std::vector<std::string> args) const {
    std::vector<std::string> full{"-c", dir.path() + "/migrate.ini", "--url", db.url()};
    full.insert(full.end(), args.begin(), args.end());
    return test_support::run_migrate(full);
  }
};

}  // namespace

TEST_CASE("offline upgrade of the repository's project applied by psql equals an online upgrade",
          "[cli][offline]") {
  TestDatabase online, offline;
  auto up = cli_test::run_repo(online, {"upgrade", "head"});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);

  auto sql = cli_test::run_repo(offline, {"upgrade", "--sql"});
  INFO(sql.err);
  REQUIRE(sql.exit_code == 0);
  only_sql(sql);
  CHECK(contains(sql.out, "CREATE TABLE alembic_version"));
  // Offline mode never touches the database it was pointed at.
  CHECK(offline.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
  psql_apply(offline, sql.out);

  CHECK(schema_dump(offline) == schema_dump(online));
  CHECK(versions(offline) == versions(online));
  CHECK_FALSE(versions(online).empty());
}

TEST_CASE("offline upgrade of a mixed C++ and SQL project with a merge equals an online upgrade",
          "[cli][offline]") {
  TestDatabase online, offline;
  MixedProject p(repo_head(online));
  auto up = p.run(online, {"upgrade", "head"});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  CHECK(versions(online) == "5e3000000003");

  auto sql = p.run(offline, {"upgrade", "--sql", "head"});
  INFO(sql.err);
  REQUIRE(sql.exit_code == 0);
  only_sql(sql);
  CHECK(contains(sql.out, "-- Running upgrade 5e1000000001, 5e2000000002 -> 5e3000000003"));
  psql_apply(offline, sql.out);
  CHECK(schema_dump(offline) == schema_dump(online));
  CHECK(versions(offline) == versions(online));
  CHECK(offline.scalar("SELECT ecommerce.twice(21)") == "42");

  // And back down, online, through the merge to base.
  auto down = p.run(online, {"downgrade", "base"});
  INFO(down.err);
  REQUIRE(down.exit_code == 0);
  CHECK(versions(online) == "");
  CHECK(online.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'ecommerce'") == "0");
}

TEST_CASE("offline downgrade head:base applied by psql equals an online downgrade", "[cli][offline]") {
  TestDatabase online, offline;
  MixedProject p(repo_head(online));
  REQUIRE(p.run(online, {"upgrade", "head"}).exit_code == 0);
  REQUIRE(p.run(offline, {"upgrade", "head"}).exit_code == 0);

  auto sql = p.run(offline, {"downgrade", "--sql", "head:base"});
  INFO(sql.err);
  REQUIRE(sql.exit_code == 0);
  CHECK(contains(sql.out, "-- Running downgrade 5e3000000003 -> 5e1000000001, 5e2000000002"));
  CHECK_FALSE(contains(sql.out, "CREATE TABLE alembic_version"));
  CHECK(count(sql.out, "BEGIN;") == 1);
  CHECK(count(sql.out, "COMMIT;") == 1);
  // Offline mode reads nothing from the database: still at head until psql runs it.
  CHECK(versions(offline) == "5e3000000003");
  psql_apply(offline, sql.out);

  auto down = p.run(online, {"downgrade", "base"});
  REQUIRE(down.exit_code == 0);
  CHECK(schema_dump(offline) == schema_dump(online));
  CHECK(versions(offline) == "");
  CHECK(versions(online) == "");

  // A partial range: from the merge down to one side's parent.
  TestDatabase third;
  REQUIRE(p.run(third, {"upgrade", "head"}).exit_code == 0);
  auto part = p.run(third, {"downgrade", "--sql", "5e3000000003:5e1000000001"});
  INFO(part.err);
  REQUIRE(part.exit_code == 0);
  psql_apply(third, part.out);
  CHECK(versions(third) == "5e1000000001,5e2000000002");
}

TEST_CASE("downgrade --sql needs a start:end range", "[cli][offline][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  auto r = p.run(db, {"downgrade", "--sql", "base"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "FAILED: downgrade with --sql requires <fromrev>:<torev>\n");
  // Online, a range is the usage error.
  auto online = p.run(db, {"upgrade", "base:head"});
  CHECK(online.exit_code == 2);
  CHECK(contains(online.err, "only allowed with --sql"));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("offline upgrade from a start revision skips the version table's creation", "[cli][offline]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;", "second");
  REQUIRE(p.run(db, {"upgrade", "aaaa"}).exit_code == 0);
  auto r = p.run(db, {"upgrade", "--sql", "aaaa00000001:head"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "CREATE TABLE alembic_version"));
  CHECK_FALSE(contains(r.out, "CREATE TABLE t1"));
  CHECK(contains(r.out, "-- Running upgrade aaaa00000001 -> bbbb00000002\n"));
  CHECK(contains(r.out, "UPDATE alembic_version SET version_num='bbbb00000002' WHERE alembic_version.version_num = "
                        "'aaaa00000001';"));
  psql_apply(db, r.out);
  CHECK(versions(db) == "bbbb00000002");
}

TEST_CASE("transaction_per_migration shows BEGIN and COMMIT around each revision offline", "[cli][offline][transactions]") {
  cli_test::SqlProject p("transaction_per_migration = true\n");
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
  p.revision("c.sql", "cccc00000003", "bbbb00000002", "CREATE TABLE t3 (id int);", "DROP TABLE t3;");
  TestDatabase db;
  auto r = p.run(db, {"upgrade", "--sql"});
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(count(r.out, "BEGIN;") == 3);
  CHECK(count(r.out, "COMMIT;") == 3);
  // Each revision's statements and its version-table change sit inside their own pair.
  for (const std::string id : {"aaaa00000001", "bbbb00000002", "cccc00000003"}) {
    auto running = r.out.find("-> " + id);
    REQUIRE(running != std::string::npos);
    auto begin = r.out.rfind("BEGIN;", running);
    auto commit = r.out.find("COMMIT;", running);
    REQUIRE(begin != std::string::npos);
    REQUIRE(commit != std::string::npos);
    CHECK(r.out.find("COMMIT;", begin) == commit);  // no COMMIT between BEGIN and this revision
    auto version = r.out.find("'" + id + "'", running);
    CHECK(version < commit);
  }
  // Without the option: one pair for the whole run.
  cli_test::SqlProject q;
  q.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  q.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
  auto single = q.run(db, {"upgrade", "--sql"});
  CHECK(count(single.out, "BEGIN;") == 1);
  CHECK(count(single.out, "COMMIT;") == 1);
  psql_apply(db, r.out);
  CHECK(versions(db) == "cccc00000003");
}

TEST_CASE("a SQL revision marked transactional: false runs outside the transaction", "[cli][offline][transactions]") {
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int, v text);", "DROP TABLE t1;", "table");
  p.dir.write("versions/b.sql",
              "-- revision: bbbb00000002\n-- down_revision: aaaa00000001\n-- message: concurrent index\n"
              "-- transactional: false\n-- migrate:up\nCREATE INDEX CONCURRENTLY ix_t1_v ON t1 (v);\n"
              "-- migrate:down\nDROP INDEX CONCURRENTLY ix_t1_v;\n");
  p.revision("c.sql", "cccc00000003", "bbbb00000002", "CREATE TABLE t3 (id int);", "DROP TABLE t3;", "after");

  SECTION("online: CREATE INDEX CONCURRENTLY succeeds, which it cannot inside a transaction") {
    TestDatabase db;
    auto r = p.run(db, {"upgrade", "head"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(versions(db) == "cccc00000003");
    CHECK(db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t1_v'::regclass") == "t");
    auto down = p.run(db, {"downgrade", "aaaa"});
    INFO(down.err);
    REQUIRE(down.exit_code == 0);
    CHECK(db.scalar("SELECT to_regclass('ix_t1_v') IS NULL") == "t");
    CHECK(versions(db) == "aaaa00000001");
  }
  SECTION("offline: the statement sits between a COMMIT and the next BEGIN, and psql runs it") {
    TestDatabase db;
    auto r = p.run(db, {"upgrade", "--sql"});
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    auto stmt = r.out.find("CREATE INDEX CONCURRENTLY");
    REQUIRE(stmt != std::string::npos);
    auto last_begin = r.out.rfind("BEGIN;", stmt);
    auto last_commit = r.out.rfind("COMMIT;", stmt);
    REQUIRE(last_commit != std::string::npos);
    CHECK((last_begin == std::string::npos || last_begin < last_commit));
    auto next_begin = r.out.find("BEGIN;", stmt);
    CHECK(next_begin != std::string::npos);
    CHECK(r.out.find("COMMIT;", stmt) > next_begin);
    psql_apply(db, r.out);
    CHECK(versions(db) == "cccc00000003");
    CHECK(db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t1_v'::regclass") == "t");
  }
}
