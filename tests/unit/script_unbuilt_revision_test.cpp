// A .cpp revision not yet compiled in: refused for writing, left out (and named) for reading.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <migrate/compiled_project.hpp>
#include <migrate/error.hpp>

#include "migrate/script/project.hpp"

namespace fs = std::filesystem;
using migrate::RevisionError;
using migrate::script::Project;

namespace {
// A version location holding `files` (name -> text); the config reading it.
migrate::config::Config folder(const std::vector<std::pair<std::string, std::string>>& files) {
  static int n = 0;
  fs::path dir = fs::temp_directory_path() / ("migrate-unit-unbuilt-" + std::to_string(getpid()) + "-" + std::to_string(++n));
  fs::create_directories(dir);
  for (const auto& [name, text] : files) std::ofstream(dir / name) << text;
  migrate::config::Config cfg;
  cfg.version_locations = {dir.string()};
  return cfg;
}

std::string sql(const std::string& id, const std::string& down) {
  return "-- revision: " + id + "\n-- down_revision: " + down + "\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n";
}
}  // namespace

TEST_CASE("an unbuilt .cpp stops writing, and reading answers without it", "[unit][script]") {
  auto cfg = folder({{"aaaa00000001_a.sql", sql("aaaa00000001", "")}, {"bbbb00000002_new.cpp", "// not built\n"}});
  const std::string cpp = cfg.version_locations[0] + "/bbbb00000002_new.cpp";
  CHECK_THROWS_WITH(Project(cfg, {}), cpp + " is not compiled into this binary: " + migrate::rebuild_advice() + " before running revisions");
  Project read(cfg, {}, false, Project::Use::Read);
  CHECK(read.map().heads() == std::vector<std::string>{"aaaa00000001"});
  CHECK(read.unbuilt() == std::vector<std::string>{cpp});
  CHECK(Project(folder({{"aaaa00000001_a.sql", sql("aaaa00000001", "")}}), {}, false, Project::Use::Read).unbuilt().empty());
}

TEST_CASE("a graph broken by the revision left out says which file is missing", "[unit][script]") {
  auto cfg = folder({{"aaaa00000001_a.sql", sql("aaaa00000001", "")}, {"bbbb00000002_new.cpp", "// not built\n"},
                     {"cccc00000003_c.sql", sql("cccc00000003", "bbbb00000002")}});
  CHECK_THROWS_AS(Project(cfg, {}, false, Project::Use::Read), RevisionError);
  CHECK_THROWS_WITH(Project(cfg, {}, false, Project::Use::Read),
                    Catch::EndsWith("(" + cfg.version_locations[0] +
                                    "/bbbb00000002_new.cpp not compiled into this binary: " + migrate::rebuild_advice() + ")"));
}
