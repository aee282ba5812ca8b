// The compiled revisions belong to the binary: a copy run from an empty folder or a moved
// checkout knows them, and never reports success for work it did not do.
#include <catch2/catch.hpp>

#include <filesystem>

#include "alembic_project.hpp"
#include "cli_project.hpp"

using cli_test::contains;
using cli_test::copy_binary;
using cli_test::copy_checkout;
using test_support::TestDatabase;
namespace fs = std::filesystem;

namespace {

constexpr const char* head = "f4a0b3d7e1c8";

int revision_files() {
  int files = 0;
  for (const auto& e : fs::directory_iterator(std::string(test_config::source_dir) + "/migrations/versions"))
    files += e.path().extension() == ".cpp";
  return files;
}

}  // namespace

TEST_CASE("the compiled revision count equals the files in migrations/versions", "[cli][identity]") {
  auto r = test_support::run_migrate({"-c", cli_test::repo_ini(), "history"});
  REQUIRE(r.exit_code == 0);
  CHECK(cli_test::lines(r.out) == revision_files());
}

TEST_CASE("a copied binary with only its ini migrates a fresh database", "[cli][identity]") {
  TestDatabase db;
  test_support::TempDir dir;
  auto bin = copy_binary(dir);
  fs::copy_file(cli_test::repo_ini(), dir.path() + "/migrate.ini");
  REQUIRE_FALSE(fs::exists(dir.path() + "/migrations"));

  // From the folder itself, as `cd /deploy && ./migrate ...` (./migrate.ini is found).
  auto heads = test_support::run_program({bin, "heads"}, dir.path());
  INFO(heads.err);
  REQUIRE(heads.exit_code == 0);
  CHECK(heads.out == std::string(head) + " (head)\n");

  auto up = test_support::run_program({bin, "--url", db.url(), "upgrade", "head"}, dir.path());
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  CHECK(contains(up.err, "Upgraded <base> -> " + std::string(head) + " (" + std::to_string(revision_files()) + " revisions"));
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == head);
  CHECK(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'ecommerce'") != "0");

  // `show` names where the revision came from without pretending a file is there.
  auto show = test_support::run_program({bin, "show", head}, dir.path());
  CHECK(contains(show.out, "Path: migrations/versions/f4a0b3d7e1c8_create_archive_tables.cpp (compiled in)"));

  // From elsewhere, with -c.
  auto current = test_support::run_program({bin, "-c", dir.path() + "/migrate.ini", "--url", db.url(), "current"}, "/");
  CHECK(current.exit_code == 0);
  CHECK(current.out == std::string(head) + " (head)\n");
}

TEST_CASE("a moved checkout runs its revisions and still catches a missed rebuild", "[cli][identity]") {
  TestDatabase db;
  test_support::TempDir dir;
  auto bin = copy_binary(dir);
  copy_checkout(dir);
  auto up = test_support::run_program({bin, "--url", db.url(), "upgrade", "head"}, dir.path());
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == head);
  auto show = test_support::run_program({bin, "show", head}, dir.path());
  CHECK(contains(show.out, "Path: " + dir.path() + "/migrations/versions/f4a0b3d7e1c8_create_archive_tables.cpp\n"));

  // A revision written after the build: refused before anything runs.
  std::string versions = dir.path() + "/migrations/versions/";
  dir.write("migrations/versions/0a0a0a0a0a0a_new.cpp", "// written after the last build\n");
  auto added = test_support::run_program({bin, "--url", db.url(), "downgrade", "-1"}, dir.path());
  CHECK(added.exit_code == 4);
  CHECK(contains(added.err, "0a0a0a0a0a0a_new.cpp is not compiled into this binary: rebuild"));
  fs::remove(versions + "0a0a0a0a0a0a_new.cpp");

  // A compiled revision whose file was deleted: refused too.
  fs::remove(versions + "d2f6a8c4e0b5_create_audit_log.cpp");
  auto gone = test_support::run_program({bin, "--url", db.url(), "downgrade", "-1"}, dir.path());
  CHECK(gone.exit_code == 4);
  CHECK(contains(gone.err, "revision d2f6a8c4e0b5 is compiled into this binary but " + versions +
                               "d2f6a8c4e0b5_create_audit_log.cpp is gone"));
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == head);
}

TEST_CASE("no revisions at all is an error, never 'Nothing to do'", "[cli][identity]") {
  TestDatabase db;
  // A missing folder, and nothing compiled for it.
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/nowhere\n");
  for (const auto& args : std::vector<std::vector<std::string>>{{"heads"}, {"upgrade", "head"}}) {
    std::vector<std::string> full{"-c", dir.path() + "/migrate.ini", "--url", db.url()};
    full.insert(full.end(), args.begin(), args.end());
    auto r = test_support::run_migrate(full);
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "FAILED: no revisions: version location " + dir.path() +
                              "/nowhere does not exist and this binary holds no compiled revisions for it"));
  }
  // A folder that exists but holds none: nothing can be applied, and saying so is an error.
  cli_test::SqlProject empty;
  fs::create_directories(empty.dir.path() + "/versions");
  auto up = empty.run(db, {"upgrade", "head"});
  CHECK(up.exit_code == 4);
  CHECK(contains(up.err, "FAILED: no revisions in " + empty.dir.path() + "/versions: nothing to upgrade"));
  CHECK_FALSE(contains(up.err, "Nothing to do"));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
  // Reading an empty graph is fine, as in Alembic.
  auto heads = empty.run(db, {"heads"});
  CHECK(heads.exit_code == 0);
  CHECK(heads.out.empty());
}

TEST_CASE("a C++ revision edited but not rebuilt is refused, naming the file", "[cli][identity][checksum]") {
  TestDatabase db;
  test_support::TempDir dir;
  auto bin = copy_binary(dir);
  copy_checkout(dir);
  const std::string file = "migrations/versions/f4a0b3d7e1c8_create_archive_tables.cpp";
  const std::string built = dir.read(file);

  // Line endings and trailing blanks are not an edit.
  std::string crlf;
  for (char c : built) crlf += c == '\n' ? std::string(" \r\n") : std::string(1, c);
  dir.write(file, crlf);
  auto same = test_support::run_program({bin, "--url", db.url(), "upgrade", "head"}, dir.path());
  INFO(same.err);
  CHECK(same.exit_code == 0);

  // A changed body is: the binary would run the old one.
  dir.write(file, built + "// one more thought\n");
  for (const auto& args : std::vector<std::vector<std::string>>{{"heads"}, {"--url", db.url(), "downgrade", "-1"}}) {
    std::vector<std::string> full{bin};
    full.insert(full.end(), args.begin(), args.end());
    auto r = test_support::run_program(full, dir.path());
    CHECK(r.exit_code == 4);
    CHECK(contains(r.err, "FAILED: " + dir.path() + "/" + file + " changed since this binary was built: rebuild"));
  }
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == head);
}

// `alembic init migrations` (Flask-Migrate's layout too) makes a migrations/versions whose
// path ends as this binary's own: its .py revisions (and the .sql imported from them) are
// another project's, so the
// compiled revisions stay out of it instead of being reported gone.
TEST_CASE("an Alembic project in migrations/versions is not taken for this binary's revisions", "[cli][identity]") {
  TestDatabase db;
  cli_test::AlembicProject project(db.url(), "migrations");
  project.branches_and_merge();
  auto heads = project.migrate(db, {"heads"});
  INFO(heads.err);
  CHECK(heads.exit_code == 0);
  CHECK(contains(heads.err, "4 Alembic revisions (.py)"));
  CHECK_FALSE(contains(heads.err, "compiled into this binary"));

  auto imported = project.migrate(db, {"import", "alembic"});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  auto up = project.migrate(db, {"upgrade", "head"});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == "ddd4");
  CHECK(db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('users', 'orders')") == "2");
  auto history = project.migrate(db, {"history"});
  CHECK(history.exit_code == 0);
  CHECK(cli_test::lines(history.out) == 4);  // the imported revisions, none of the application's
}
