// Which config file a plain `migrate` reads: migrate.ini, else Alembic's alembic.ini, here or
// in the nearest folder above; and the ini's renamed key run_lock_timeout.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_project.hpp"

using cli_test::contains;

TEST_CASE("without -c, an Alembic project's alembic.ini is read when there is no migrate.ini", "[cli][config]") {
  test_support::TempDir dir;
  dir.write("alembic.ini", "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = postgresql+psycopg2://u:pw@h/d\n");
  dir.write("alembic/versions/a.sql", "-- revision: aaaa00000001\n-- down_revision:\n-- message: one\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  auto r = test_support::run_migrate({"heads"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "aaaa00000001 (head)\n");

  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/none\n");
  auto ours = test_support::run_migrate({"heads"}, dir.path());
  // migrate.ini wins: the error names its folder, not alembic's.
  CHECK(ours.exit_code == 3);
  CHECK(ours.out.empty());
  CHECK(ours.err.find("version location " + dir.path() + "/none does not exist") != std::string::npos);
}

TEST_CASE("without -c and without either file here or above, the error names both and -c", "[cli][config]") {
  test_support::TempDir dir;
  // A binary that carries no project of its own (built without migrate_add_revisions) has
  // nothing to go on.
  auto r = test_support::run_program({test_config::corpus_bins[0], "heads"}, dir.path());
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "FAILED: no migrate.ini (or alembic.ini) in " + dir.path() + " or any folder above it; give one with -c"));
}

TEST_CASE("without any config file, a binary that carries its project runs with the defaults", "[cli][config]") {
  test_support::TempDir dir;
  // `migrate` carries migrations/versions: its own revisions, as a copy alone in a folder would.
  auto heads = test_support::run_migrate({"heads"}, dir.path());
  INFO(heads.err);
  CHECK(heads.exit_code == 0);
  CHECK(heads.out == test_support::run_migrate({"-c", cli_test::repo_ini(), "heads"}).out);
  CHECK(heads.err.empty());
  // Its folder under here, where it exists, must agree with it (here it holds none of them).
  dir.write("migrations/versions/0a0a0a0a0a0a_new.cpp", "// written after the last build\n");
  auto stale = test_support::run_migrate({"heads"}, dir.path());
  CHECK(stale.exit_code == 4);
  CHECK(contains(stale.err, "is compiled into this binary but " + dir.path() + "/migrations/versions/"));
}

namespace {
const char* revision_one =
    "-- revision: aaaa00000001\n-- down_revision:\n-- message: one\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n";
}

TEST_CASE("without -c, the config is searched upward as git finds .git, and %(here)s is its folder", "[cli][config]") {
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\n");
  dir.write("versions/a.sql", revision_one);
  dir.write("src/deep/folder/.keep", "");
  auto r = test_support::run_migrate({"heads"}, dir.path() + "/src/deep/folder");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "aaaa00000001 (head)\n");
  // The nearest folder wins, and in one folder migrate.ini before alembic.ini.
  dir.write("src/alembic.ini", "[alembic]\nscript_location = %(here)s/alembic\n");
  auto nearer = test_support::run_migrate({"heads"}, dir.path() + "/src/deep");
  CHECK(nearer.exit_code == 3);
  CHECK(contains(nearer.err, "version location " + dir.path() + "/src/alembic/versions does not exist"));
  dir.write("src/migrate.ini", "[migrate]\nversion_locations = %(here)s/../versions\n");
  CHECK(test_support::run_migrate({"heads"}, dir.path() + "/src/deep").out == "aaaa00000001 (head)\n");
  // -c is taken as given, relative to the current folder, with no search.
  auto given = test_support::run_migrate({"-c", "migrate.ini", "heads"}, dir.path() + "/src/deep");
  CHECK(given.exit_code == 3);
  CHECK(contains(given.err, "migrate.ini: no such config file"));
}

TEST_CASE("run_lock_timeout is read, and lock_timeout still works with a one-line warning", "[cli][config]") {
  test_support::TempDir dir;
  dir.write("versions/a.sql", revision_one);
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\nrun_lock_timeout = 30\n");
  auto renamed = test_support::run_migrate({"heads"}, dir.path());
  CHECK(renamed.exit_code == 0);
  CHECK(renamed.err.empty());

  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\nlock_timeout = 30\n");
  auto old = test_support::run_migrate({"heads"}, dir.path());
  CHECK(old.exit_code == 0);
  CHECK(old.out == "aaaa00000001 (head)\n");
  CHECK(old.err == "warning: " + dir.path() +
                       "/migrate.ini:3: lock_timeout is deprecated, rename it run_lock_timeout (PostgreSQL's "
                       "lock_timeout is statement_lock_timeout)\n");
  // JSON keeps stdout to its document; the warning stays on stderr.
  CHECK(nlohmann::json::accept(test_support::run_migrate({"--format", "json", "heads"}, dir.path()).out));

  dir.write("migrate.ini",
            "[migrate]\nversion_locations = %(here)s/versions\nrun_lock_timeout = 30\nlock_timeout = 30\n");
  CHECK(test_support::run_migrate({"heads"}, dir.path()).exit_code == 0);
  dir.write("migrate.ini",
            "[migrate]\nversion_locations = %(here)s/versions\nrun_lock_timeout = 30\nlock_timeout = 10\n");
  auto both = test_support::run_migrate({"heads"}, dir.path());
  CHECK(both.exit_code == 3);
  CHECK(both.out.empty());
  CHECK(contains(both.err, "FAILED: " + dir.path() +
                               "/migrate.ini:4: run_lock_timeout = 30 and its deprecated synonym lock_timeout = 10 "
                               "disagree; keep only run_lock_timeout"));
}
