// Runs a recipe of a justfile as a developer types `just ...`, on this test's build tree.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli_project.hpp"
#include "support/run_binary.hpp"
#include "test_config.hpp"

namespace cli_test {

// What every recipe run by a test gets: the build tree the tests were built in
// (MIGRATE_BUILD_DIR), whose migrate binary is current, so the recipes' build step has
// nothing to do but it still runs and prints, as it does for a developer.
inline std::map<std::string, std::string> recipe_env(std::map<std::string, std::string> env = {}) {
  env.try_emplace("MIGRATE_BUILD_DIR", test_config::build_dir);
  env.try_emplace("CI", "");
  // Tests never inherit a developer's DATABASE_URL by accident.
  env.try_emplace("DATABASE_URL", "");
  return env;
}

// `just ARGS...` with `project`'s justfile, in `project` (the repository by default).
inline test_support::Result just(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {},
                                 const std::string& project = test_config::source_dir) {
  std::vector<std::string> argv{"just", "--justfile", project + "/justfile", "--working-directory", project};
  argv.insert(argv.end(), args.begin(), args.end());
  return test_support::run_program(argv, project, recipe_env(env));
}

// Recipes against a test database as the dev database: db-up finds it answering and
// starts nothing.
struct RecipeDatabase {
  test_support::TestDatabase db;
  test_support::TempDir unused_cluster_dir;  // where db.sh would create a cluster if the test one did not answer
  std::map<std::string, std::string> env() const {
    return {{"DATABASE_URL", db.url()},
            {"MIGRATE_DB_MODE", "local"},
            {"MIGRATE_DB_DIR", unused_cluster_dir.path()},
            {"PGPASSWORD", ""},
            {"PGSERVICE", ""}};
  }
  // `just ARGS...` in `project` (the repository by default) on this database.
  test_support::Result run(const std::vector<std::string>& args,
                           const std::string& project = test_config::source_dir) const {
    return just(args, env(), project);
  }
};

// A scratch copy of the project whose recipes run against the test's build tree: the
// checkout's migrate.ini and migrations/, plus the justfile, scripts and dev database set-up.
inline void copy_project(const test_support::TempDir& dir) {
  namespace fs = std::filesystem;
  copy_checkout(dir);
  const fs::path src = test_config::source_dir, into = dir.path();
  for (const char* file : {"justfile", "docker-compose.yml"}) fs::copy_file(src / file, into / file);
  for (const char* folder : {"scripts", "docker"}) fs::copy(src / folder, into / folder, fs::copy_options::recursive);
}

}  // namespace cli_test
