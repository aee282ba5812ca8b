// Where compiled revisions belong: the location whose path ends as their folder, unless it
// is an Alembic project's (.py revisions, no .cpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "migrate/script/compiled_location.hpp"
#include "scratch_files.hpp"

namespace fs = std::filesystem;
using migrate::script::claimable_locations;
using migrate::script::claimed_location;

TEST_CASE("compiled revisions claim a matching location unless it holds only another project's revisions",
          "[unit][script]") {
  const fs::path root = unit_test::fresh_dir();
  const std::vector<std::string> locations{(root / "other").string(), (root / "app/migrations/versions").string()};
  auto claimed = [&] { return claimed_location(locations, claimable_locations(locations), "migrations/versions"); };

  // Not on disk (a copied binary beside its ini): the compiled set is the location's own.
  CHECK(claimed() == 1);
  // On disk and empty, holding this project's C++ revisions, or only its .sql ones (a deploy
  // folder beside a binary carrying the C++ ones): still its own.
  fs::create_directories(locations[1]);
  CHECK(claimed() == 1);
  std::ofstream(locations[1] + "/a1_x.cpp") << "// a revision\n";
  std::ofstream(locations[1] + "/b2_y.sql") << "-- revision: b2\n";
  CHECK(claimed() == 1);
  fs::remove(locations[1] + "/a1_x.cpp");
  CHECK(claimed() == 1);
  std::ofstream(locations[1] + "/__init__.py") << "";
  std::ofstream(locations[1] + "/.#c3_z.py") << "";  // an editor's lock file, not a revision
  CHECK(claimed() == 1);
  // Alembic's .py revisions and no .cpp (`alembic init migrations`, imported or not): another
  // project's folder.
  std::ofstream(locations[1] + "/c3_z.py") << "revision = 'c3'\n";
  CHECK_FALSE(claimed().has_value());
  std::ofstream(locations[1] + "/a1_x.cpp") << "// a revision\n";
  CHECK(claimed() == 1);
  // A folder that merely ends differently never matches.
  CHECK_FALSE(claimed_location(locations, claimable_locations(locations), "db/versions").has_value());
  fs::remove_all(root);
}
