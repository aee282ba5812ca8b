// SQL revisions embedded in the binary (EMBED_SQL): read from it where their version
// location is not on disk; where it is, the folder must agree with the binary, as for
// compiled .cpp revisions, or the run is refused as a missed rebuild.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <migrate/compiled_project.hpp>
#include <migrate/embedded_sql.hpp>
#include <migrate/error.hpp>

#include "migrate/script/project.hpp"
#include "migrate/script/source_checksum.hpp"
#include "scratch_files.hpp"

namespace fs = std::filesystem;
using migrate::RevisionError;
using migrate::script::Project;

namespace {

std::string sql(const std::string& id, const std::string& down) {
  return "-- revision: " + id + "\n-- down_revision: " + down + "\n-- message: " + id +
         "\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n";
}

const std::string a_sql = sql("aaaa00000001", ""), b_sql = sql("bbbb00000002", "aaaa00000001");

// What a binary built with EMBED_SQL over embedtest/versions registers, for one test.
struct EmbeddingBinary {
  explicit EmbeddingBinary(bool embeds = true) {
    migrate::compiled_projects().push_back({"embedtest/versions", "just build", embeds});
    if (embeds)
      migrate::embedded_sql() = {{"embedtest/versions/a.sql", a_sql}, {"embedtest/versions/b.sql", b_sql}};
  }
  ~EmbeddingBinary() {
    migrate::compiled_projects().pop_back();
    migrate::embedded_sql().clear();
  }
};

// The config of a project whose only location is <fresh>/app/embedtest/versions (not created).
migrate::config::Config config() {
  migrate::config::Config cfg;
  cfg.version_locations = {(unit_test::fresh_dir() / "app/embedtest/versions").string()};
  return cfg;
}

void write(const migrate::config::Config& cfg, const std::string& name, const std::string& text) {
  fs::create_directories(cfg.version_locations[0]);
  std::ofstream(cfg.version_locations[0] + "/" + name, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("embedded SQL revisions run from the binary where their location is not on disk", "[unit][script][embedded]") {
  EmbeddingBinary binary;
  Project project(config(), {});
  CHECK(project.map().heads() == std::vector<std::string>{"bbbb00000002"});
  CHECK(project.revision("aaaa00000001").meta.path == "embedtest/versions/a.sql (embedded)");
  // The checksum the history records is the text's, by the one rule.
  CHECK(project.revision("bbbb00000002").checksum == migrate::script::source_checksum(b_sql));
}

TEST_CASE("where the location exists, it must hold exactly the embedded .sql files as built", "[unit][script][embedded]") {
  EmbeddingBinary binary;
  auto cfg = config();
  const std::string dir = cfg.version_locations[0];
  write(cfg, "a.sql", a_sql);
  write(cfg, "b.sql", b_sql);
  Project agreed(cfg, {});
  CHECK(agreed.revision("aaaa00000001").meta.path == dir + "/a.sql");  // the file, as without embedding

  // Line endings are not an edit.
  std::string crlf;
  for (char c : a_sql) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  write(cfg, "a.sql", crlf);
  CHECK_NOTHROW(Project(cfg, {}));

  // Edited since the build: the binary carries other text. Reading is refused too, as for a .cpp.
  write(cfg, "a.sql", a_sql + "SELECT 2;\n");
  const std::string changed = dir + "/a.sql changed since this binary was built: " + migrate::rebuild_advice() +
                              " before running revisions";
  CHECK_THROWS_WITH(Project(cfg, {}), changed);
  CHECK_THROWS_WITH(Project(cfg, {}, false, Project::Use::Read), changed);
  write(cfg, "a.sql", a_sql);

  // Written after the build: not in the binary. Writing is refused; reading leaves it out.
  write(cfg, "c.sql", sql("cccc00000003", "bbbb00000002"));
  CHECK_THROWS_WITH(Project(cfg, {}), dir + "/c.sql is not compiled into this binary: " + migrate::rebuild_advice() +
                                          " before running revisions");
  Project read(cfg, {}, false, Project::Use::Read);
  CHECK(read.map().heads() == std::vector<std::string>{"bbbb00000002"});
  CHECK(read.unbuilt() == std::vector<std::string>{dir + "/c.sql"});
  fs::remove(dir + "/c.sql");

  // Deleted after the build: the binary would run what the folder no longer shows.
  fs::remove(dir + "/b.sql");
  CHECK_THROWS_WITH(Project(cfg, {}, false, Project::Use::Read),
                    "revision bbbb00000002 is compiled into this binary but " + dir + "/b.sql is gone: " +
                        migrate::rebuild_advice());
}

TEST_CASE("without EMBED_SQL the folder's .sql revisions are read at run time as before", "[unit][script][embedded]") {
  EmbeddingBinary binary(false);
  auto cfg = config();
  CHECK_THROWS_AS(Project(cfg, {}), migrate::ConfigError);  // nothing on disk, nothing carried
  write(cfg, "a.sql", a_sql);
  write(cfg, "c.sql", sql("cccc00000003", "aaaa00000001"));
  Project project(cfg, {});
  CHECK(project.map().heads() == std::vector<std::string>{"cccc00000003"});
}

TEST_CASE("embedded revisions stay out of another project's folder", "[unit][script][embedded]") {
  EmbeddingBinary binary;
  auto cfg = config();
  // Alembic's .py revisions and no .cpp: not this binary's, however its path ends.
  write(cfg, "x1_first.py", "revision = 'x1'\ndown_revision = None\n");
  write(cfg, "x1_first.sql", sql("x1", ""));
  Project project(cfg, {}, false, Project::Use::Read);
  CHECK(project.map().heads() == std::vector<std::string>{"x1"});
}
