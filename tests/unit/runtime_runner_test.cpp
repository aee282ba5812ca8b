// The Runner on the offline sink: one path for every writing command, every step recorded
// and rendered before the first statement, heads derived from the plan.
#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

#include <migrate/error.hpp>
#include <migrate/revision.hpp>

#include "migrate/graph/plan.hpp"
#include "migrate/graph/stamp.hpp"
#include "migrate/runtime/offline_sink.hpp"
#include "migrate/runtime/run.hpp"
#include "migrate/runtime/runner.hpp"

using namespace migrate;

namespace {

struct CreatesTable : Migration {
  void upgrade(Ops& op) override { op.execute("CREATE TABLE t (id int)"); }
  void downgrade(Ops& op) override { op.execute("DROP TABLE t"); }
};
struct Throws : Migration {
  void upgrade(Ops&) override { throw std::runtime_error("bad body"); }
  void downgrade(Ops&) override {}
};
struct ReadsTag : Migration {
  void upgrade(Ops& op) override { op.execute("SELECT '" + op.tag() + "'"); }
  void downgrade(Ops&) override {}
};

// A project of compiled revisions whose folder is not on disk, as in a deployed binary.
script::Project project(std::vector<CompiledRevision> compiled) {
  config::Config cfg;
  cfg.version_locations = {"/nonexistent/deploy/migrations/versions"};
  return script::Project(cfg, compiled);
}

CompiledRevision rev(std::string id, std::vector<std::string> down, MigrationFactory make) {
  return {RevisionInfo{.id = id, .down = down, .message = "m " + id}, "migrations/versions/" + id + ".cpp", make};
}

struct Quiet : runtime::StepObserver {};

}  // namespace

TEST_CASE("a body that throws in a later step fails before any statement is written", "[runtime][runner]") {
  auto p = project({rev("aaaa", {}, &make_migration<CreatesTable>), rev("bbbb", {"aaaa"}, &make_migration<Throws>)});
  std::ostringstream out;
  runtime::OfflineSink sink(out);
  Quiet quiet;
  runtime::Runner runner(p, sink, quiet);
  auto steps = graph::plan_upgrade(p.map(), {}, "head");
  REQUIRE(steps.size() == 2);
  CHECK_THROWS_WITH(runner.run({}, steps, true), Catch::Contains("upgrade aaaa -> bbbb") && Catch::Contains("bad body"));
  CHECK(out.str().empty());
}

TEST_CASE("committed and pending heads follow the plan", "[runtime][runner]") {
  auto p = project({rev("aaaa", {}, &make_migration<CreatesTable>), rev("bbbb", {"aaaa"}, &make_migration<ReadsTag>)});
  std::ostringstream out;
  runtime::OfflineSink sink(out);
  Quiet quiet;
  runtime::Runner runner(p, sink, quiet, "release-7");
  sink.begin();
  auto reports = runner.run({}, graph::plan_upgrade(p.map(), {}, "head"), true);
  CHECK(reports.size() == 2);
  // Inside the open transaction nothing is durable yet.
  CHECK(runner.committed_heads().empty());
  CHECK(runner.pending_heads() == std::vector<std::string>{"bbbb"});
  sink.commit();
  runner.mark_committed();
  CHECK(runner.committed_heads() == std::vector<std::string>{"bbbb"});
  CHECK(out.str().find("SELECT 'release-7';") != std::string::npos);
  CHECK(out.str().find("UPDATE alembic_version SET version_num='bbbb' WHERE alembic_version.version_num = 'aaaa';") !=
        std::string::npos);
}

TEST_CASE("stamp and ensure_version run through the same runner offline", "[runtime][runner]") {
  auto p = project({rev("aaaa", {}, &make_migration<CreatesTable>), rev("bbbb", {"aaaa"}, &make_migration<Throws>)});
  Quiet quiet;
  std::ostringstream stamp;
  auto r = runtime::run_offline(p, {runtime::Goal::Stamp, {"heads"}, false, {}}, {}, stamp, quiet);
  CHECK(r.after == std::vector<std::string>{"bbbb"});
  // The script records the stamp in the history table, which it creates if missing, and
  // leaves the time and the client host to the server that runs it.
  CHECK(stamp.str() ==
        "BEGIN;\n\nCREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT "
        "alembic_version_pkc PRIMARY KEY (version_num)\n);\n\n" +
            p.history_table().create_sql() +
            ";\n\nINSERT INTO alembic_version (version_num) VALUES ('bbbb');\n\n"
            "INSERT INTO migrate_history (revision, direction, checksum, outcome, started_at, finished_at, duration_ms, "
            "tool_version, client_host) VALUES ('bbbb', 'up', NULL, 'stamped', clock_timestamp(), clock_timestamp(), "
            "NULL, 'migrate 0.1.0', inet_client_addr()::text);\n\nCOMMIT;\n\n");
  CHECK(p.history_table().create_sql().starts_with("CREATE TABLE IF NOT EXISTS migrate_history ("));
  std::ostringstream ensure;
  auto e = runtime::run_offline(p, {runtime::Goal::EnsureVersion, {}, false, {}}, {}, ensure, quiet);
  CHECK(e.steps.empty());
  CHECK(ensure.str().find("CREATE TABLE alembic_version") != std::string::npos);
}

TEST_CASE("a writing command on an empty graph is an error", "[runtime][runner]") {
  config::Config cfg;
  cfg.version_locations = {"/nonexistent/deploy/migrations/versions"};
  script::Project empty(cfg, {}, /*may_be_new=*/true);
  Quiet quiet;
  std::ostringstream out;
  CHECK_THROWS_AS(runtime::run_offline(empty, {runtime::Goal::Upgrade, {"head"}, false, {}}, {}, out, quiet),
                  RevisionError);
  CHECK(out.str().empty());
  CHECK_THROWS_AS(script::Project(cfg, {}), ConfigError);
}

TEST_CASE("plan_stamp keeps other branches and replaces the line it stamps", "[graph][stamp]") {
  graph::RevisionMap map({{"a", {}, {}, {}, "", "", ""}, {"b", {"a"}, {}, {}, "", "", ""},
                          {"c", {}, {}, {}, "", "", ""}});
  auto same_line = graph::plan_stamp(map, {"a", "c"}, {"b"}, false);
  REQUIRE(same_line.size() == 1);
  CHECK(same_line[0].stamp);
  CHECK(same_line[0].remove_versions == std::vector<std::string>{"a"});
  CHECK(same_line[0].add_versions == std::vector<std::string>{"b"});
  CHECK(graph::plan_stamp(map, {"b"}, {"b"}, false).empty());
  auto purge = graph::plan_stamp(map, {"zzzz", "c"}, {"b"}, true);
  REQUIRE(purge.size() == 1);
  CHECK(purge[0].remove_versions == std::vector<std::string>{"zzzz", "c"});
  CHECK(purge[0].add_versions == std::vector<std::string>{"b"});
  auto base = graph::plan_stamp(map, {"b", "c"}, {"base"}, false);
  REQUIRE(base.size() == 1);
  CHECK(base[0].add_versions.empty());
  CHECK(base[0].remove_versions == std::vector<std::string>{"b", "c"});
}
