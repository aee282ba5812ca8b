// The config file found upward from a folder, and run_lock_timeout with its old name.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <migrate/error.hpp>

#include "migrate/config/config.hpp"
#include "migrate/config/lookup.hpp"
#include "scratch_files.hpp"

namespace fs = std::filesystem;
using unit_test::fresh_dir;

TEST_CASE("find_config_file: nearest folder first, migrate.ini before alembic.ini", "[unit][config]") {
  auto root = fresh_dir();
  fs::create_directories(root / "a/b/c");
  CHECK_FALSE(migrate::config::find_config_file((root / "a/b/c").string()).has_value());  // nothing here or above
  std::ofstream(root / "alembic.ini") << "[alembic]\n";
  CHECK(migrate::config::find_config_file((root / "a/b/c").string()) == (root / "alembic.ini").string());
  std::ofstream(root / "migrate.ini") << "[migrate]\n";
  CHECK(migrate::config::find_config_file((root / "a/b/c").string()) == (root / "migrate.ini").string());
  std::ofstream(root / "a/b/alembic.ini") << "[alembic]\n";
  CHECK(migrate::config::find_config_file((root / "a/b/c").string()) == (root / "a/b/alembic.ini").string());
  // A folder named migrate.ini is not a config file.
  fs::create_directories(root / "a/b/c/migrate.ini");
  CHECK(migrate::config::find_config_file((root / "a/b/c").string()) == (root / "a/b/alembic.ini").string());
  fs::remove_all(root);
}

TEST_CASE("run_lock_timeout, its deprecated synonym lock_timeout, and the two disagreeing", "[unit][config]") {
  auto dir = fresh_dir();
  auto load = [&](const std::string& keys) {
    std::ofstream(dir / "migrate.ini") << "[migrate]\n" << keys;
    return migrate::config::load((dir / "migrate.ini").string());
  };
  auto renamed = load("run_lock_timeout = 30\n");
  CHECK(renamed.run_lock_timeout_seconds == 30);
  CHECK(renamed.warnings.empty());
  auto old = load("lock_timeout = 20\n");
  CHECK(old.run_lock_timeout_seconds == 20);
  REQUIRE(old.warnings.size() == 1);
  CHECK(old.warnings[0].find("migrate.ini:2: lock_timeout is deprecated, rename it run_lock_timeout") != std::string::npos);
  CHECK(load("run_lock_timeout = 5\nlock_timeout = 5\n").run_lock_timeout_seconds == 5);
  CHECK_THROWS_AS(load("run_lock_timeout = 5\nlock_timeout = 6\n"), migrate::ConfigError);
  CHECK_THROWS_AS(load("run_lock_timeout = soon\n"), migrate::ConfigError);
  fs::remove_all(dir);
}
