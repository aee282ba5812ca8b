// Pointing migrate at an Alembic project before its revisions are imported: the .py files
// are named on every command, writing commands refuse, and a version row Alembic wrote is
// explained instead of being offered to `stamp --purge`.
#include <catch2/catch.hpp>

#include <filesystem>

#include "alembic_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

size_t files_in(const std::string& folder) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(folder)) n += e.is_regular_file();
  return n;
}

}  // namespace

TEST_CASE("an Alembic project's .py revisions are named on read and refused on write", "[cli][alembic]") {
  TestDatabase db;
  cli_test::AlembicProject p(db.url());
  p.branches_and_merge();
  const std::string notice = "4 Alembic revisions (.py) in " + p.versions() +
                             " are not run by migrate: convert them with `migrate import alembic`";

  for (const char* command : {"history", "heads"}) {
    auto r = p.migrate(db, {command});
    INFO(command << "\nstderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "warning: " + notice + "\n");
  }

  auto up = p.migrate(db, {"upgrade", "heads"});
  CHECK(up.exit_code == 4);
  CHECK(up.err == "FAILED: refusing to upgrade: " + notice + "\n");
  auto offline = p.migrate(db, {"upgrade", "heads", "--sql"});
  CHECK(offline.exit_code == 4);
  CHECK(offline.out.empty());
  CHECK(p.migrate(db, {"stamp", "--purge", "heads"}).err == "FAILED: refusing to stamp: " + notice + "\n");
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");

  // A new root beside the team's revisions would fork the history Alembic knows.
  auto rev = p.migrate(db, {"revision", "-m", "new"});
  CHECK(rev.exit_code == 4);
  CHECK(rev.err == "FAILED: refusing to write a revision: " + notice + "\n");
  CHECK(files_in(p.versions()) == 4);
}

TEST_CASE("a version row Alembic wrote is traced to its .py, never to stamp --purge", "[cli][alembic]") {
  TestDatabase db;
  cli_test::AlembicProject p(db.url());
  p.branches_and_merge();
  auto alembic = p.alembic({"upgrade", "head"});
  INFO("alembic: " << alembic.err);
  REQUIRE(alembic.exit_code == 0);
  REQUIRE(db.rows("SELECT version_num FROM alembic_version") == "ddd4");

  auto r = p.migrate(db, {"current"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: the database is at ddd4, which no revision of this project defines: it is the Alembic "
                 "revision " + p.versions() + "/ddd4_merge.py, which migrate does not run: convert it with "
                 "`migrate import alembic`\n");
  CHECK_FALSE(contains(r.err, "purge"));

  // Once imported, migrate reads the same rows as its own: nothing to stamp, nothing to run.
  REQUIRE(p.migrate(db, {"import", "alembic"}).exit_code == 0);
  auto current = p.migrate(db, {"current"});
  CHECK(current.exit_code == 0);
  CHECK(contains(current.out, "ddd4 (head) (mergepoint)"));
  auto up = p.migrate(db, {"upgrade", "heads"});
  CHECK(up.exit_code == 0);
  CHECK(db.rows("SELECT version_num FROM alembic_version") == "ddd4");
}
