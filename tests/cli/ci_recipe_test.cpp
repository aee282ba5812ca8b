// `just ci`, the pipeline's deploy check: every step on a scratch database of the dev
// server, which is dropped whatever happened, and the configured database left alone.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli_project.hpp"
#include "just_recipe.hpp"

using cli_test::contains;
using cli_test::RecipeDatabase;
using test_support::Result;
using test_support::TempDir;

namespace {

// The steps in the order the pipeline relies on, each announced on its own line.
const std::vector<std::string> all_steps = {
    "ci: migrate upgrade head\n",   "ci: migrate check\n",        "ci: migrate verify\n",
    "ci: migrate downgrade base\n", "ci: migrate upgrade head\n", "ci: migrate check\n",
};

// Whether `text` holds the `steps` lines in this order.
bool in_order(const std::string& text, const std::vector<std::string>& steps) {
  size_t at = 0;
  for (const auto& step : steps) {
    at = text.find(step, at);
    if (at == std::string::npos) return false;
    at += step.size();
  }
  return true;
}

// The scratch database's name, from "ci: creating the scratch database NAME ...".
std::string scratch_name(const Result& r) {
  const std::string intro = "ci: creating the scratch database ";
  auto start = r.err.find(intro);
  REQUIRE(start != std::string::npos);
  start += intro.size();
  auto name = r.err.substr(start, r.err.find(' ', start) - start);
  REQUIRE(name.rfind("migrate_ci_", 0) == 0);
  return name;
}

bool database_exists(const RecipeDatabase& rdb, const std::string& name) {
  return rdb.db.scalar("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'") != "0";
}

// A marker the configured database holds before `just ci`, which must find it unchanged.
void plant_marker(const RecipeDatabase& rdb) {
  rdb.db.exec("CREATE TABLE ci_marker (note text); INSERT INTO ci_marker VALUES ('kept')");
}

// A copy of the project with one more SQL revision after the repository's head.
void add_revision_after_head(const TempDir& project, const std::string& up_sql, const std::string& down_sql) {
  auto heads = test_support::run_migrate({"-c", cli_test::repo_ini(), "heads"});
  REQUIRE(heads.exit_code == 0);
  const std::string head = heads.out.substr(0, heads.out.find(' '));
  project.write("migrations/versions/c1c1c1c1c1c1_ci_probe.sql",
                "-- revision: c1c1c1c1c1c1\n-- down_revision: " + head + "\n-- message: ci probe\n-- migrate:up\n" +
                    up_sql + "\n-- migrate:down\n" + down_sql + "\n");
}

}  // namespace

TEST_CASE("just ci runs every revision up, down and up on a scratch database, and drops it", "[cli][recipes][ci]") {
  RecipeDatabase rdb;
  plant_marker(rdb);

  auto ci = rdb.run({"ci"});
  INFO(ci.err);
  REQUIRE(ci.exit_code == 0);
  CHECK(ci.out.empty());  // every line is the log's
  CHECK(in_order(ci.err, all_steps));
  CHECK(contains(ci.err, "No new upgrade operations detected."));  // check's answer, on stderr
  CHECK(contains(ci.err, "Running downgrade"));                    // downgrade base ran revisions down
  CHECK_FALSE(contains(ci.out + ci.err, test_support::test_password));

  const auto scratch = scratch_name(ci);
  CHECK(contains(ci.err, "ci: dropped the scratch database " + scratch));
  CHECK_FALSE(database_exists(rdb, scratch));
  // The configured database: its data as it was, and no revision ran there.
  CHECK(rdb.db.scalar("SELECT string_agg(note, ',') FROM ci_marker") == "kept");
  CHECK(rdb.db.scalar("SELECT to_regclass('alembic_version')") == "NULL");
  CHECK(rdb.db.scalar("SELECT to_regclass('ecommerce.customers')") == "NULL");
}

TEST_CASE("just ci fails at check with exit 1 when a revision and the models disagree", "[cli][recipes][ci]") {
  RecipeDatabase rdb;
  TempDir project;
  cli_test::copy_project(project);
  // A table the revisions create and no model declares: the drift a forgotten model makes.
  add_revision_after_head(project, "CREATE TABLE ecommerce.ci_orphan (id int);", "DROP TABLE ecommerce.ci_orphan;");

  auto ci = rdb.run({"ci"}, project.path());
  INFO(ci.err);
  CHECK(ci.exit_code == 1);  // check's own code, not the clean-up's
  CHECK(ci.out.empty());
  CHECK(contains(ci.err, "ci_orphan"));  // check names the difference
  CHECK(contains(ci.err, "ci: FAILED: migrate check exited 1 (drift: the models and the revisions disagree"));
  CHECK_FALSE(contains(ci.err, "ci: migrate downgrade base"));  // the first failure ends the run
  const auto scratch = scratch_name(ci);
  CHECK(contains(ci.err, "ci: dropped the scratch database " + scratch));
  CHECK_FALSE(database_exists(rdb, scratch));
}

TEST_CASE("just ci fails at downgrade base with the database's exit code when a downgrade breaks",
          "[cli][recipes][ci]") {
  RecipeDatabase rdb;
  plant_marker(rdb);
  TempDir project;
  cli_test::copy_project(project);
  // Up is harmless and changes no schema, so check passes; down fails on the server.
  add_revision_after_head(project, "SELECT 1;", "SELECT 1 / 0;");

  auto ci = rdb.run({"ci"}, project.path());
  INFO(ci.err);
  CHECK(ci.exit_code == 5);
  CHECK(in_order(ci.err,
                 {"ci: migrate check\n", "ci: migrate verify\n", "ci: migrate downgrade base\n", "division by zero",
                  "ci: FAILED: migrate downgrade base exited 5 (database: a statement failed"}));
  CHECK_FALSE(contains(ci.out + ci.err, test_support::test_password));
  const auto scratch = scratch_name(ci);
  CHECK_FALSE(database_exists(rdb, scratch));  // dropped although the failed run had it open
  CHECK(rdb.db.scalar("SELECT string_agg(note, ',') FROM ci_marker") == "kept");
}
