// `migrate init -t cpp`: the scaffold configures and builds with plain cmake against this
// build tree's engine (find_package(migrate), nothing of the engine compiled again) or an
// installed one (`cmake --install`), and its own binary writes, compiles in and runs its revisions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::Result;

namespace fs = std::filesystem;

namespace {

Result ok(const Result& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// cmake configure of the scaffold, with MIGRATE_SOURCE_DIR unset so only the arguments choose the engine.
Result configure(const std::string& source, const std::string& build, std::vector<std::string> args) {
  std::vector<std::string> argv{"cmake", "-S", source, "-B", build, "-G", "Ninja"};
  argv.insert(argv.end(), args.begin(), args.end());
  return test_support::run_program(argv, ".", {{"MIGRATE_SOURCE_DIR", ""}, {"CMAKE_PREFIX_PATH", ""}});
}

// The empty bodies of a revision written by `migrate revision` filled in: it creates widgets.
void fill_in_widgets(const fs::path& revision) {
  std::string text = read(revision);
  const std::string empty_up = "void upgrade([[maybe_unused]] Ops& op) override {\n  }";
  const std::string empty_down = "void downgrade([[maybe_unused]] Ops& op) override {\n  }";
  REQUIRE(contains(text, empty_up));
  REQUIRE(contains(text, empty_down));
  text.replace(text.find(empty_up), empty_up.size(),
               "void upgrade(Ops& op) override {\n    op.execute(\"CREATE TABLE widgets (id integer)\");\n  }");
  text.replace(text.find(empty_down), empty_down.size(),
               "void downgrade(Ops& op) override {\n    op.execute(\"DROP TABLE widgets\");\n  }");
  std::ofstream(revision) << text;
}

}  // namespace

TEST_CASE("init -t cpp scaffolds a project that builds with cmake and runs its own revisions", "[cli][init][cpp]") {
  test_support::TempDir dir;
  const std::string root = dir.path() + "/shop";
  ok(test_support::run_migrate({"init", "-t", "cpp", root}));
  const std::string cmake_lists = read(root + "/CMakeLists.txt");
  // Nothing of the checkout it was made from: it builds wherever it is.
  CHECK_FALSE(contains(cmake_lists, test_config::source_dir));
  CHECK_FALSE(contains(cmake_lists, test_config::build_dir));

  const std::string build = root + "/build";
  ok(configure(root, build, {std::string("-Dmigrate_DIR=") + test_config::build_dir}));
  ok(test_support::run_program({"cmake", "--build", build}));
  const std::string bin = build + "/migrate";
  REQUIRE(fs::is_regular_file(bin));
  auto run = [&](std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), {"-c", root + "/migrate.ini"});
    args.insert(args.begin(), bin);
    return test_support::run_program(args, ".", env);
  };
  CHECK(ok(run({"heads"})).out.empty());

  // The scaffold's own revision command writes a C++ revision and says how to compile it in.
  auto written = ok(run({"revision", "-m", "create widgets", "--rev-id", "aaaa00000001"}));
  const fs::path revision = root + "/versions/aaaa00000001_create_widgets.cpp";
  REQUIRE(fs::is_regular_file(revision));
  CHECK(contains(written.err, "rebuild (cmake --build build)"));
  CHECK_FALSE(contains(written.err, "just "));
  fill_in_widgets(revision);

  test_support::TestDatabase db;
  // Not rebuilt yet: refused, with this project's build command rather than the repository's recipes.
  auto stale = run({"--url", db.url(), "upgrade", "head"});
  CHECK(stale.exit_code == 4);
  CHECK(contains(stale.err, "is not compiled into this binary: rebuild (cmake --build build)"));
  CHECK_FALSE(contains(stale.err, "just "));

  ok(test_support::run_program({"cmake", "--build", build}));
  CHECK(ok(run({"heads"})).out == "aaaa00000001 (head)\n");
  ok(run({"upgrade", "head"}, {{"DATABASE_URL", db.url()}}));
  CHECK(db.scalar("SELECT string_agg(version_num, ',') FROM alembic_version") == "aaaa00000001");
  CHECK(db.scalar("SELECT to_regclass('public.widgets') IS NOT NULL") == "t");
}

TEST_CASE("cmake --install gives a migrate that runs anywhere and a package a cpp project builds against",
          "[cli][init][cpp][install]") {
  test_support::TempDir prefix;
  ok(test_support::run_program({"cmake", "--install", test_config::build_dir, "--prefix", prefix.path()}));

  // bin/migrate is the tool itself, run from a folder that has nothing of the build.
  test_support::TempDir elsewhere;
  auto version = ok(test_support::run_program({prefix.path() + "/bin/migrate", "--version"}, elsewhere.path()));
  CHECK(version.out == test_support::run_migrate({"--version"}).out);

  // The package names only installed files: the build and source trees may be gone.
  const fs::path package = prefix.path() + "/lib/cmake/migrate";
  for (const char* file : {"migrate-config.cmake", "migrate-config-version.cmake", "migrate-targets.cmake",
                           "MigrateRevisions.cmake"}) {
    INFO(file);
    REQUIRE(fs::is_regular_file(package / file));
  }
  for (const auto& entry : fs::directory_iterator(package)) {
    INFO(entry.path());
    const std::string text = read(entry.path());
    CHECK_FALSE(contains(text, test_config::build_dir));
    CHECK_FALSE(contains(text, test_config::source_dir));
  }
  CHECK(fs::is_regular_file(prefix.path() + "/include/migrate/revision.hpp"));

  // A project with one revision (written by this build's migrate: the project's own binary
  // does not exist yet), configured against the installed package and built once.
  test_support::TempDir dir;
  const std::string root = dir.path() + "/shop";
  ok(test_support::run_migrate({"init", "-t", "cpp", root}));
  ok(test_support::run_migrate({"-c", root + "/migrate.ini", "revision", "-m", "create widgets", "--rev-id", "aaaa00000001"}));
  fill_in_widgets(root + "/versions/aaaa00000001_create_widgets.cpp");
  const std::string build = root + "/build";
  ok(configure(root, build, {"-Dmigrate_DIR=" + package.string()}));
  ok(test_support::run_program({"cmake", "--build", build}));

  test_support::TempDir empty;
  test_support::TestDatabase db;
  ok(test_support::run_program({build + "/migrate", "-c", root + "/migrate.ini", "upgrade", "head"}, empty.path(),
                               {{"DATABASE_URL", db.url()}}));
  CHECK(db.scalar("SELECT string_agg(version_num, ',') FROM alembic_version") == "aaaa00000001");
  CHECK(db.scalar("SELECT to_regclass('public.widgets') IS NOT NULL") == "t");
}

TEST_CASE("the cpp scaffold says how to name the engine when cmake is given none", "[cli][init][cpp]") {
  test_support::TempDir dir;
  const std::string root = dir.path() + "/shop";
  ok(test_support::run_migrate({"init", "-t", "cpp", root}));

  auto none = configure(root, root + "/build", {});
  CHECK(none.exit_code != 0);
  // CMake wraps the message: its two halves.
  CHECK(contains(none.err, "migrate not found: configure with -Dmigrate_DIR=<a migrate build dir> or"));
  CHECK(contains(none.err, "-DMIGRATE_SOURCE_DIR=<a migrate checkout>"));

  // A checkout built alongside: the engine's binary folder must not be where the project's
  // executable `migrate` goes (it was: "cannot open output file migrate: Is a directory").
  auto checkout = configure(root, root + "/from-source", {std::string("-DMIGRATE_SOURCE_DIR=") + test_config::source_dir});
  INFO(checkout.err);
  CHECK(checkout.exit_code == 0);
  CHECK(fs::is_directory(root + "/from-source/migrate-engine"));
  CHECK_FALSE(fs::exists(root + "/from-source/migrate"));
}

TEST_CASE("init refuses a folder this binary would take for its own compiled revisions", "[cli][init]") {
  // The application is built from migrations/versions: a new project there would have it
  // claim the folder and fail every command with "compiled into this binary but ... is gone".
  test_support::TempDir dir;
  auto r = test_support::run_migrate({"init", dir.path() + "/migrations"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "would be read as this binary's own migrations/versions"));
  CHECK_FALSE(fs::exists(dir.path() + "/migrations/migrate.ini"));
  ok(test_support::run_migrate({"init", dir.path() + "/scripts"}));
}
