// What a run shows: log levels, --raiseerr detail, -q, and JSON for machines.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {
void two_revisions(const cli_test::SqlProject& p) {
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);\nINSERT INTO nowhere VALUES (1);",
             "DROP TABLE t2;", "second");
}
}  // namespace

TEST_CASE("raiseerr adds the server's full message and the failing statement", "[cli][output]") {
  TestDatabase db;
  cli_test::SqlProject p;
  two_revisions(p);
  auto plain = p.run(db, {"upgrade"});
  CHECK(plain.exit_code == 5);
  CHECK_FALSE(contains(plain.err, "failing statement"));
  auto full = p.run(db, {"--raiseerr", "upgrade"});
  CHECK(full.exit_code == 5);
  CHECK(contains(full.err, "failing statement:\nINSERT INTO nowhere VALUES (1)"));
  CHECK(contains(full.err, "b.sql"));
}

TEST_CASE("log_level debug shows each statement, warning and -q silence progress", "[cli][output]") {
  TestDatabase db;
  cli_test::SqlProject debug("log_level = debug\n");
  debug.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto r = debug.run(db, {"upgrade"});
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "Running upgrade  -> aaaa00000001, first\nCREATE TABLE t1 (id int);"));

  TestDatabase db2;
  cli_test::SqlProject quiet("log_level = warning\n");
  quiet.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto q = quiet.run(db2, {"upgrade"});
  REQUIRE(q.exit_code == 0);
  CHECK(q.err.empty());
  CHECK(quiet.run(db2, {"-q", "downgrade", "base"}).err.empty());
}

TEST_CASE("json output is one document for a run and for an error", "[cli][output][json]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto r = p.run(db, {"--format", "json", "upgrade"});
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["command"] == "upgrade");
  CHECK(doc["before"].empty());
  CHECK(doc["after"] == nlohmann::json::array({"aaaa00000001"}));
  REQUIRE(doc["steps"].size() == 1);
  CHECK(doc["steps"][0]["revision"] == "aaaa00000001");
  CHECK(doc["steps"][0]["direction"] == "upgrade");
  CHECK(doc["steps"][0]["seconds"].is_number());

  auto e = p.run(db, {"--format", "json", "upgrade", "zzzz"});
  CHECK(e.exit_code == 4);
  auto err = nlohmann::json::parse(e.out);
  CHECK(err["error"]["kind"] == "revision");
  CHECK(err["error"]["code"] == 4);
  CHECK(err["error"]["message"] == "Can't locate revision identified by 'zzzz'");
}
