// `migrate pending [TARGET]`: what an upgrade would run, in its order, read from the database
// and changing nothing; the answer `just migrate-status` prints.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

// a -> b -> c on one line, d a second root.
struct Branched : cli_test::SqlProject {
  Branched() {
    revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
    revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;", "second");
    revision("c.sql", "cccc00000003", "bbbb00000002", "CREATE TABLE t3 (id int);", "DROP TABLE t3;", "third");
    revision("d.sql", "dddd00000004", "", "CREATE TABLE t4 (id int);", "DROP TABLE t4;", "other root");
  }
};

}  // namespace

TEST_CASE("pending lists what upgrade would run, oldest first, and changes nothing", "[cli][pending]") {
  TestDatabase db;
  Branched project;
  REQUIRE(project.run(db, {"upgrade", "aaaa00000001"}).exit_code == 0);

  auto one_line = project.run(db, {"pending", "cccc00000003"});
  INFO(one_line.err);
  REQUIRE(one_line.exit_code == 0);
  CHECK(one_line.out == "aaaa00000001 -> bbbb00000002, second\nbbbb00000002 -> cccc00000003 (head), third\n");
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == "aaaa00000001");  // nothing ran

  // Unlike `history -r current:heads`, the other root's revision counts, and the current one does not.
  auto all = project.run(db, {"--format", "json", "pending", "heads"});
  REQUIRE(all.exit_code == 0);
  auto doc = nlohmann::json::parse(all.out);
  CHECK(doc["command"] == "pending");
  std::vector<std::string> ids;
  for (const auto& r : doc["revisions"]) ids.push_back(r["revision"]);
  CHECK(ids.size() == 3);
  CHECK(std::find(ids.begin(), ids.end(), "aaaa00000001") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "dddd00000004") != ids.end());

  // With two heads, `head` is ambiguous for pending exactly as for upgrade.
  auto ambiguous = project.run(db, {"pending"});
  CHECK(ambiguous.exit_code == project.run(db, {"upgrade"}).exit_code);
  CHECK(ambiguous.exit_code == 4);

  REQUIRE(project.run(db, {"upgrade", "heads"}).exit_code == 0);
  auto none = project.run(db, {"pending", "heads"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
  CHECK(contains(none.err, "Nothing to upgrade: the database is at heads"));
}
