// The just recipes as a developer runs them: what reaches stdout is the command's answer
// (build output goes to stderr), and each recipe does what `just --list` says.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli_project.hpp"
#include "dev_database.hpp"
#include "just_recipe.hpp"

using cli_test::contains;
using cli_test::just;
using cli_test::RecipeDatabase;
using test_support::Result;
using test_support::TempDir;
using test_support::TestDatabase;

namespace fs = std::filesystem;

namespace {

constexpr const char* psql = "/usr/lib/postgresql/15/bin/psql";

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// `migrate history` of the repository: every revision, newest first, one line each.
std::vector<std::string> history_lines() {
  auto r = test_support::run_migrate({"-c", cli_test::repo_ini(), "history"});
  REQUIRE(r.exit_code == 0);
  auto lines = split_lines(r.out);
  REQUIRE(lines.size() >= 3);
  return lines;
}

// "1975ea83b712 -> ae1027a6acf (head), message" -> "ae1027a6acf"
std::string id_of(const std::string& history_line) {
  auto start = history_line.find("-> ") + 3;
  return history_line.substr(start, history_line.find_first_of(" ,", start) - start);
}

// The lines `pending` prints for the newest `count` revisions: oldest first, as they run.
std::string pending_text(const std::vector<std::string>& history, size_t count) {
  std::string out;
  for (size_t i = count; i-- > 0;) out += history[i] + "\n";
  return out;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// Waits for `path` to hold `part`: a background process writes it at its own pace.
bool file_gets(const std::string& path, const std::string& part) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (contains(text, part)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST_CASE("just migrate-sql base:head > upgrade.sql writes SQL that psql applies", "[cli][recipes]") {
  TestDatabase db;
  TempDir dir;
  // As the README has it: the recipe's stdout is the file.
  auto sql = just({"migrate-sql", "base:head"});
  INFO(sql.err);
  REQUIRE(sql.exit_code == 0);
  CHECK_FALSE(contains(sql.out, "ninja"));
  CHECK_FALSE(contains(sql.out, "Re-checking globbed directories"));
  dir.write("upgrade.sql", sql.out);

  auto applied = test_support::run_program(
      {psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.conninfo(), "-f", dir.path() + "/upgrade.sql"});
  INFO(applied.err);
  REQUIRE(applied.exit_code == 0);
  CHECK(db.scalar("SELECT count(to_regclass(t)) FROM unnest(ARRAY['ecommerce.customers', 'ecommerce.orders', "
                  "'ecommerce.payments', 'audit.audit_log', 'archive.orders']) AS t") == "5");
  CHECK(db.scalar("SELECT version_num FROM alembic_version") == id_of(history_lines().front()));
}

TEST_CASE("just migrate-status lists what just migrate would apply, and migrate takes a target", "[cli][recipes]") {
  RecipeDatabase rdb;
  const auto history = history_lines();
  const auto n = history.size();
  const std::string oldest = id_of(history[n - 1]), second = id_of(history[n - 2]), head = id_of(history[0]);

  auto at_base = rdb.run({"migrate-status"});
  INFO(at_base.out << at_base.err);
  REQUIRE(at_base.exit_code == 0);
  CHECK(contains(at_base.err, "up at postgresql://migrate_app:***@127.0.0.1:"));  // db-up found it running
  CHECK(ends_with(at_base.out, pending_text(history, n)));  // everything, oldest first

  auto up_two = rdb.run({"migrate", second});
  INFO(up_two.err);
  REQUIRE(up_two.exit_code == 0);
  CHECK(up_two.out.empty());  // progress is stderr's
  CHECK(rdb.db.scalar("SELECT version_num FROM alembic_version") == second);

  auto midway = rdb.run({"migrate-status"});
  REQUIRE(midway.exit_code == 0);
  CHECK(contains(midway.out, "Rev: " + second));  // current --verbose
  CHECK(ends_with(midway.out, pending_text(history, n - 2)));
  CHECK_FALSE(contains(midway.out, "-> " + second + ","));  // the current revision is not pending

  REQUIRE(rdb.run({"migrate"}).exit_code == 0);
  CHECK(rdb.db.scalar("SELECT version_num FROM alembic_version") == head);
  auto done = rdb.run({"migrate-status"});
  REQUIRE(done.exit_code == 0);
  CHECK(contains(done.err, "Nothing to upgrade: the database is at head"));
  CHECK_FALSE(contains(done.out, " -> "));

  auto hist = rdb.run({"migrate-history"});
  REQUIRE(hist.exit_code == 0);
  CHECK(split_lines(hist.out).size() == n);
  CHECK(contains(split_lines(hist.out).front(), head + " (head) (current)"));
  auto last_two = rdb.run({"migrate-history", "-1:current"});
  REQUIRE(last_two.exit_code == 0);
  CHECK(split_lines(last_two.out).size() == 2);

  auto heads = rdb.run({"migrate-heads"});
  REQUIRE(heads.exit_code == 0);
  CHECK(contains(heads.out, "Rev: " + head + " (head)"));

  auto stamp = rdb.run({"migrate-stamp", oldest});
  INFO(stamp.err);
  REQUIRE(stamp.exit_code == 0);
  CHECK(rdb.db.scalar("SELECT version_num FROM alembic_version") == oldest);
  // The tables of the later revisions are still there: a stamp runs nothing.
  CHECK(rdb.db.scalar("SELECT to_regclass('archive.orders') IS NOT NULL") == "t");
}

TEST_CASE("just migrate-merge writes a revision joining the heads", "[cli][recipes]") {
  TempDir dir;
  cli_test::copy_project(dir);
  const auto history = history_lines();
  const std::string head = id_of(history[0]), oldest = id_of(history.back());
  // A second line of development from the first revision: two heads.
  dir.write("migrations/versions/0b1c2d3e4f5a_side_table.sql",
            "-- revision: 0b1c2d3e4f5a\n-- down_revision: " + oldest +
                "\n-- message: side table\n-- migrate:up\nCREATE TABLE ecommerce.side (id int);\n"
                "-- migrate:down\nDROP TABLE ecommerce.side;\n");

  auto merged = just({"migrate-merge", "join the side table"}, {}, dir.path());
  INFO(merged.out << merged.err);
  REQUIRE(merged.exit_code == 0);
  std::string file;
  for (const auto& entry : fs::directory_iterator(dir.path() + "/migrations/versions"))
    if (contains(entry.path().filename().string(), "join_the_side_table")) file = entry.path();
  REQUIRE_FALSE(file.empty());
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(contains(text, head));
  CHECK(contains(text, "0b1c2d3e4f5a"));
}

// A first `./dev migrate` on a fresh machine waits for the binary alone, not the test suites.
TEST_CASE("the recipes that run migrate build the migrate target, which compiles no test code", "[cli][recipes]") {
  for (const char* recipe : {"migrate", "migrate-new", "migrate-status", "migrate-sql"}) {
    auto dry = just({"--dry-run", recipe, "x"});
    if (dry.exit_code != 0) dry = just({"--dry-run", recipe});  // recipes without a parameter
    INFO(recipe << ": " << dry.err);
    REQUIRE(dry.exit_code == 0);
    std::string builds;
    for (const auto& line : split_lines(dry.err))
      if (line.find("cmake --build") != std::string::npos) builds += line + "\n";
    CHECK(builds == "cmake --build " + std::string(test_config::build_dir) + " --target migrate >&2\n");
  }
  auto commands = test_support::run_program({"ninja", "-C", test_config::build_dir, "-t", "commands", "migrate"});
  REQUIRE(commands.exit_code == 0);
  const std::string source = test_config::source_dir;
  CHECK(contains(commands.out, source + "/migrations/versions/"));
  CHECK_FALSE(contains(commands.out, source + "/tests/"));
  CHECK_FALSE(contains(commands.out, source + "/bench/"));
}

TEST_CASE("just install puts a working migrate into PREFIX/bin", "[cli][recipes]") {
  TempDir prefix;
  auto installed = just({"install"}, {{"PREFIX", prefix.path()}});
  INFO(installed.err);
  REQUIRE(installed.exit_code == 0);
  CHECK(installed.out.empty());
  const std::string bin = prefix.path() + "/bin/migrate";
  REQUIRE(fs::exists(bin));
  auto version = test_support::run_program({bin, "--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == test_support::run_migrate({"--version"}).out);
}

TEST_CASE("just db-seed loads the data set without NOTICE noise", "[cli][recipes][seed]") {
  RecipeDatabase rdb;
  REQUIRE(rdb.run({"migrate"}).exit_code == 0);
  auto seed = rdb.run({"db-seed"});
  INFO(seed.out << seed.err);
  REQUIRE(seed.exit_code == 0);
  CHECK_FALSE(contains(seed.err, "NOTICE"));
  CHECK_FALSE(contains(seed.out, "NOTICE"));
  CHECK(contains(seed.out, "customers"));  // the closing count of what was loaded
  CHECK(rdb.db.scalar("SELECT count(*) FROM ecommerce.customers") == "300");
}

TEST_CASE("just db-logs shows the local cluster's log, and -f follows it", "[cli][recipes][logs]") {
  cli_test::DevDatabase dev;
  REQUIRE(dev.db_sh({"up"}).exit_code == 0);

  auto one = just({"db-logs", "-n", "1"}, dev.env());
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  CHECK(cli_test::lines(one.out) == 1);  // the caller's -n wins over the default 200

  TempDir out;
  const std::string log = out.path() + "/followed.log";
  auto follower = test_support::start_program(
      {"bash", "-c", "exec just --justfile \"$1/justfile\" --working-directory \"$1\" db-logs -f >\"$2\"", "bash",
       test_config::source_dir, log},
      ".", cli_test::recipe_env(dev.env()));
  // Once tail has printed what the log holds, a line written afterwards must still arrive.
  REQUIRE(file_gets(log, "database system is ready to accept connections"));
  const std::string marker = "followed-" + std::to_string(getpid());
  REQUIRE(dev.db_sh({"psql", "-X", "-q", "-c", "DO $$ BEGIN RAISE LOG '" + marker + "'; END $$"}).exit_code == 0);
  CHECK(file_gets(log, marker));
  follower.signal(SIGTERM);  // just passes it on to tail
  follower.wait();
}

TEST_CASE("just db-logs passes its arguments to docker compose logs", "[cli][recipes][logs]") {
  // A stand-in docker that answers `compose version` and prints what it was asked.
  TempDir bin;
  bin.write("docker", "#!/bin/sh\necho \"docker $*\"\n");
  fs::permissions(bin.path() + "/docker", fs::perms::owner_all);
  auto logs = just({"db-logs", "-f"}, {{"MIGRATE_DB_MODE", "docker"},
                                       {"PATH", bin.path() + ":" + std::string(std::getenv("PATH"))}});
  INFO(logs.err);
  REQUIRE(logs.exit_code == 0);
  CHECK(contains(logs.out, "docker compose --project-directory " + std::string(test_config::source_dir)));
  CHECK(ends_with(logs.out, " logs --tail 200 -f postgres\n"));
}
