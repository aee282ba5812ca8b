// The environment hook's include_object reaches compare_database: what it refuses, on
// either side, is not drift.
#include <catch2/catch.hpp>

#include <migrate/environment.hpp>

#include "migrate/autogen/compare_database.hpp"
#include "migrate/config/config.hpp"
#include "migrate/ops/describe.hpp"
#include "support/run_binary.hpp"
#include "support/test_db.hpp"

using namespace migrate;
using test_support::TestDatabase;

namespace {

std::vector<std::string> described(const std::vector<Operation>& operations) {
  std::vector<std::string> out;
  for (const auto& o : operations) out.push_back(ops::describe(o));
  return out;
}

// Leaves out what only the database has and a person keeps by hand.
void hook(EnvironmentContext& ctx) {
  ctx.include_object = [](const SchemaObject& o) {
    if (o.reflected && o.kind == SchemaObject::Kind::Table) return o.name != "legacy";
    if (o.reflected && o.kind == SchemaObject::Kind::Column) return o.name != "note";
    return true;
  };
}

}  // namespace

TEST_CASE("include_object set by the environment hook leaves objects out of compare_database",
          "[integration][autogen][filter]") {
  TestDatabase db;
  db.exec("CREATE SCHEMA s; CREATE TABLE s.keep (id int, note text); CREATE TABLE s.legacy (id int)");
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\ninclude_schemas = s\n");
  dir.write("versions/.keep", "");
  auto cfg = config::load(dir.path() + "/migrate.ini", {.url = db.conninfo(), .section = {}, .x_arguments = {}});
  script::Project project(cfg, {});

  // The models: s.keep (id) only.
  schema::Catalog models;
  schema::Table keep;
  keep.name = QualifiedName("s", "keep");
  keep.columns = {Column("id", Integer())};
  models.tables.push_back(keep);

  auto* before = environment_hook();
  set_environment_hook(nullptr);
  CHECK(described(autogen::compare_database(project, models)) ==
        std::vector<std::string>{"drop column s.keep.note", "drop table s.legacy"});
  set_environment_hook(&hook);
  CHECK(autogen::compare_database(project, models).empty());
  set_environment_hook(before);
}
