// Revision files as `revision` writes them and a run reads them: the SQL header grammar
// both ways, and the C++ template.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <migrate/error.hpp>
#include <migrate/ops.hpp>

#include "migrate/script/cpp_revision.hpp"
#include "migrate/script/sql_revision.hpp"

using namespace migrate;

namespace {

graph::Revision sample_meta() {
  graph::Revision meta;
  meta.id = "3f2a9c1b7d4e";
  meta.down_revisions = {"1a2b3c4d5e6f", "0f0f0f0f0f0f"};
  meta.branch_labels = {"billing"};
  meta.depends_on = {"9e9e9e9e9e9e"};
  meta.message = "add email index to customers";
  meta.create_date = "2026-11-26 10:14:03.000000";
  return meta;
}

std::string write_temp(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("migrate_unit_" + std::to_string(getpid()) + ".sql");
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("a SQL revision written by sql_revision_text reads back the same", "[script][sql]") {
  auto meta = sample_meta();
  auto path = write_temp(script::sql_revision_text(meta, "CREATE TABLE t (id int);\nCREATE INDEX ON t (id);",
                                           "DROP TABLE t;", false));
  auto read = script::read_sql_revision(path);
  std::remove(path.c_str());
  CHECK(read.meta.id == meta.id);
  CHECK(read.meta.down_revisions == meta.down_revisions);
  CHECK(read.meta.branch_labels == meta.branch_labels);
  CHECK(read.meta.depends_on == meta.depends_on);
  CHECK(read.meta.message == meta.message);
  CHECK(read.meta.create_date == meta.create_date);
  CHECK_FALSE(read.transactional);
  CHECK(read.up == std::vector<std::string>{"CREATE TABLE t (id int)", "CREATE INDEX ON t (id)"});
  CHECK(read.down == std::vector<std::string>{"DROP TABLE t"});
}

TEST_CASE("an empty SQL template is a valid revision with nothing to run", "[script][sql]") {
  graph::Revision meta;
  meta.id = "aaaa00000001";
  meta.message = "first";
  meta.create_date = "2026-01-01 00:00:00.000000";
  auto text = script::sql_revision_text(meta);
  CHECK(text ==
        "-- revision: aaaa00000001\n-- down_revision: \n-- message: first\n-- create_date: 2026-01-01 00:00:00.000000\n"
        "-- migrate:up\n\n-- migrate:down\n\n");
  auto path = write_temp(text);
  auto read = script::read_sql_revision(path);
  std::remove(path.c_str());
  CHECK(read.meta.down_revisions.empty());
  CHECK(read.up.empty());
  CHECK(read.down.empty());
  CHECK(read.transactional);
}

TEST_CASE("port-by-hand lines open the header and read back as the revision's reasons", "[script][sql]") {
  auto meta = sample_meta();
  auto text = script::sql_revision_text(meta, "SELECT 1;", "", true,
                                        {"reads the database (get_bind)", "branches on the dialect"});
  CHECK(text.rfind("-- migrate:port-by-hand: reads the database (get_bind)\n"
                   "-- migrate:port-by-hand: branches on the dialect\n-- revision: 3f2a9c1b7d4e\n",
                   0) == 0);
  auto read = script::parse_sql_revision(text, "x.sql");
  CHECK(read.port_by_hand == std::vector<std::string>{"reads the database (get_bind)", "branches on the dialect"});
  CHECK(read.meta.id == meta.id);
  CHECK(read.up == std::vector<std::string>{"SELECT 1"});
  // Any other `-- migrate:` key is still a typo worth stopping for.
  CHECK_THROWS_WITH(script::parse_sql_revision("-- migrate:port-by-hnd: x\n" + text, "x.sql"),
                    Catch::Contains("unknown header key 'migrate'"));
}

TEST_CASE("the C++ template needs no using-directive and prints bodies with render_cpp", "[script][cpp]") {
  auto empty = script::cpp_revision_text(sample_meta());
  CHECK(empty ==
        "// add email index to customers\n//\n// Revision ID: 3f2a9c1b7d4e\n// Revises: 1a2b3c4d5e6f, 0f0f0f0f0f0f\n"
        "// Create Date: 2026-11-26 10:14:03.000000\n#include <migrate/revision.hpp>\n\n"
        "MIGRATE_REVISION(.id = \"3f2a9c1b7d4e\", .down = {\"1a2b3c4d5e6f\", \"0f0f0f0f0f0f\"},\n"
        "    .message = \"add email index to customers\",\n    .created = \"2026-11-26 10:14:03.000000\",\n"
        "    .branch_labels = {\"billing\"},\n    .depends_on = {\"9e9e9e9e9e9e\"}) {\n"
        "  void upgrade([[maybe_unused]] Ops& op) override {\n  }\n\n"
        "  void downgrade([[maybe_unused]] Ops& op) override {\n  }\n};\n");
  CHECK(empty.find("using namespace") == std::string::npos);

  Ops up, down;
  up.execute("SELECT 1");
  down.execute("SELECT 2");
  auto filled = script::cpp_revision_text(sample_meta(), up.operations(), down.operations());
  CHECK(filled.find("  void upgrade(Ops& op) override {\n    op.execute(\"SELECT 1\");\n  }\n") != std::string::npos);
  CHECK(filled.find("  void downgrade(Ops& op) override {\n    op.execute(\"SELECT 2\");\n  }\n") != std::string::npos);
}

TEST_CASE("hostile messages are escaped in the C++ template", "[script][cpp]") {
  auto meta = sample_meta();
  meta.message = "quote \" and backslash \\ and tab \t";
  auto text = script::cpp_revision_text(meta);
  CHECK(text.find(".message = \"quote \\\" and backslash \\\\ and tab \\t\"") != std::string::npos);
}
