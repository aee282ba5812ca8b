// Which config file a plain `migrate` reads: ./migrate.ini, else Alembic's ./alembic.ini.
#include <catch2/catch.hpp>

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

TEST_CASE("without -c and without either file, the error names migrate.ini", "[cli][config]") {
  test_support::TempDir dir;
  auto r = test_support::run_migrate({"heads"}, dir.path());
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "migrate.ini: no such config file"));
}
