// What a run shows: log levels, --raiseerr detail, -q, and JSON for machines.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {
void two_revisions(const cli_test::SqlProject& p) {
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);\nINSERT INTO nowhere VALUES (1);",
             "DROP TABLE t2;", "second");
}
}  // namespace

TEST_CASE("raiseerr adds the server's full message and the failing statement", "[cli][output]") {
  TestDatabase db;
  cli_test::SqlProject p;
  two_revisions(p);
  auto plain = p.run(db, {"upgrade"});
  CHECK(plain.exit_code == 5);
  CHECK_FALSE(contains(plain.err, "failing statement"));
  auto full = p.run(db, {"--raiseerr", "upgrade"});
  CHECK(full.exit_code == 5);
  CHECK(contains(full.err, "failing statement:\nINSERT INTO nowhere VALUES (1)"));
  CHECK(contains(full.err, "b.sql"));
}

TEST_CASE("log_level debug shows each statement, warning and -q silence progress", "[cli][output]") {
  TestDatabase db;
  cli_test::SqlProject debug("log_level = debug\n");
  debug.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto r = debug.run(db, {"upgrade"});
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "Running upgrade  -> aaaa00000001, first\nCREATE TABLE t1 (id int);"));

  TestDatabase db2;
  cli_test::SqlProject quiet("log_level = warning\n");
  quiet.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto q = quiet.run(db2, {"upgrade"});
  REQUIRE(q.exit_code == 0);
  CHECK(q.err.empty());
  CHECK(quiet.run(db2, {"-q", "downgrade", "base"}).err.empty());
}

TEST_CASE("json output is one document for a run and for an error", "[cli][output][json]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto r = p.run(db, {"--format", "json", "upgrade"});
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["command"] == "upgrade");
  CHECK(doc["before"].empty());
  CHECK(doc["after"] == nlohmann::json::array({"aaaa00000001"}));
  REQUIRE(doc["steps"].size() == 1);
  CHECK(doc["steps"][0]["revision"] == "aaaa00000001");
  CHECK(doc["steps"][0]["direction"] == "upgrade");
  CHECK(doc["steps"][0]["seconds"].is_number());

  auto e = p.run(db, {"--format", "json", "upgrade", "zzzz"});
  CHECK(e.exit_code == 4);
  auto err = nlohmann::json::parse(e.out);
  CHECK(err["error"]["kind"] == "revision");
  CHECK(err["error"]["code"] == 4);
  CHECK(err["error"]["message"] == "Can't locate revision identified by 'zzzz'");
}

namespace {

std::string fmt_args(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& a : args) out += (out.empty() ? "" : " ") + a;
  return out;
}

// stdout as exactly one JSON document (parse refuses anything after it).
nlohmann::json one_document(const test_support::Result& r) {
  INFO("exit " << r.exit_code << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(nlohmann::json::accept(r.out));
  return nlohmann::json::parse(r.out);
}

// The commands `migrate --help` lists: new ones join the table test below by themselves.
std::vector<std::string> listed_commands() {
  auto help = test_support::run_migrate({"--help"});
  std::vector<std::string> names;
  auto at = help.out.find("Subcommands:");
  REQUIRE(at != std::string::npos);
  std::istringstream in(help.out.substr(at));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto start = line.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    if (start == 0) break;  // the next section
    names.push_back(line.substr(start, line.find(' ', start) - start));
  }
  return names;
}

}  // namespace

TEST_CASE("json: every command, given good arguments or none, prints exactly one document",
          "[cli][output][json]") {
  TestDatabase db;
  cli_test::SqlProject p("revision_format = sql\n");
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;", "second");
  p.dir.write("versions/c.sql",
              "-- revision: cccc00000003\n-- down_revision:\n-- branch_labels: other\n-- message: other root\n"
              "-- migrate:up\nCREATE TABLE t3 (id int);\n-- migrate:down\nDROP TABLE t3;\n");
  test_support::TempDir scratch;
  const std::map<std::string, std::string> env{{"EDITOR", "true"}, {"VISUAL", ""}};
  auto json_run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "json"});
    std::vector<std::string> full{"-c", p.dir.path() + "/migrate.ini", "--url", db.url()};
    full.insert(full.end(), args.begin(), args.end());
    return test_support::run_migrate(full, ".", env);
  };
  // Each with the answer's "command" on success; errors carry kind, code and message.
  const std::vector<std::vector<std::string>> table = {
      {"heads"}, {"branches"}, {"history", "-i"}, {"show", "bbbb"}, {"current"},
      {"upgrade", "--sql", "aaaa"}, {"upgrade", "heads"}, {"current", "-v"}, {"check"}, {"log"}, {"verify"},
      {"repair"}, {"downgrade", "other@base"}, {"downgrade", "--sql", "bbbb:aaaa"}, {"to", "aaaa"},
      {"to", "--sql", "aaaa:bbbb"}, {"stamp", "bbbb"}, {"stamp", "--sql", "aaaa"}, {"ensure_version"},
      {"ensure_version", "--sql"}, {"revision", "-m", "json", "--head", "bbbb"}, {"merge", "heads", "-m", "m"},
      {"edit", "aaaa"}, {"init", scratch.path() + "/p"}, {"list_templates"}, {"completion", "bash"},
      {"__complete", "revisions"},
      // failures: the program's own, and the usage errors CLI11 finds before any command runs
      {"upgrade", "nosuchrev"}, {"current", "--check-heads"}, {"frobnicate"}, {"show"}, {"upgrade", "--bogus"},
      {"completion", "fish"}, {"--log-level", "loud", "heads"}};
  std::set<std::string> covered;
  for (const auto& args : table) {
    auto r = json_run(args);
    INFO("migrate --format json " << fmt_args(args));
    auto doc = one_document(r);
    if (r.exit_code == 0 || doc.contains("command")) {
      CHECK(doc["command"].is_string());
      covered.insert(doc["command"].get<std::string>());
    } else {
      CHECK(doc["error"]["code"] == r.exit_code);
      CHECK(doc["error"]["kind"].is_string());
      CHECK(doc["error"]["message"].is_string());
    }
  }
  CHECK(json_run({"frobnicate"}).exit_code == 2);
  CHECK(one_document(json_run({"frobnicate"}))["error"]["kind"] == "usage");
  CHECK(one_document(json_run({"show"}))["error"]["code"] == 2);
  // Every command the binary lists (also ones added after this test) answers with one
  // document when run bare: its answer, or the usage error of a missing argument.
  for (const auto& name : listed_commands()) {
    INFO("migrate --format json " << name);
    if (!covered.count(name)) one_document(json_run({name}));
  }
}

TEST_CASE("json: current marks its revisions current, and text current at base says <base>", "[cli][output][json]") {
  TestDatabase db;
  cli_test::SqlProject p;
  two_revisions(p);
  auto base = p.run(db, {"current"});
  REQUIRE(base.exit_code == 0);
  CHECK(base.out == "<base>\n");
  CHECK(one_document(p.run(db, {"--format", "json", "current"}))["current"].empty());
  REQUIRE(p.run(db, {"upgrade", "aaaa"}).exit_code == 0);
  auto doc = one_document(p.run(db, {"--format", "json", "current"}));
  REQUIRE(doc["current"].size() == 1);
  CHECK(doc["current"][0]["revision"] == "aaaa00000001");
  CHECK(doc["current"][0]["is_current"] == true);
  CHECK(p.run(db, {"current"}).out == "aaaa00000001\n");
}

TEST_CASE("json: upgrade --sql carries the script as one string beside its steps", "[cli][output][json]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto text = p.run(db, {"upgrade", "--sql"});
  REQUIRE(text.exit_code == 0);
  auto r = p.run(db, {"--format", "json", "upgrade", "--sql"});
  REQUIRE(r.exit_code == 0);
  auto doc = one_document(r);
  CHECK(doc["command"] == "upgrade");
  CHECK(doc["sql"] == text.out);  // the same script a text run prints
  CHECK(contains(doc["sql"].get<std::string>(), "CREATE TABLE t1 (id int);"));
  REQUIRE(doc["steps"].size() == 1);
  CHECK(doc["steps"][0]["revision"] == "aaaa00000001");
  CHECK(doc["after"] == nlohmann::json::array({"aaaa00000001"}));
  // Offline: nothing ran.
  CHECK(db.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 't1'") == "0");
}

TEST_CASE("json: revision and merge give the new id and path", "[cli][output][json]") {
  TestDatabase db;
  cli_test::SqlProject p("revision_format = sql\n");
  two_revisions(p);
  auto doc = one_document(p.run(db, {"--format", "json", "revision", "-m", "third", "--rev-id", "cccc00000003"}));
  CHECK(doc["command"] == "revision");
  CHECK(doc["revision"] == "cccc00000003");
  CHECK(doc["down_revisions"] == nlohmann::json::array({"bbbb00000002"}));
  CHECK(doc["message"] == "third");
  REQUIRE(doc["path"].is_string());
  CHECK(std::filesystem::exists(doc["path"].get<std::string>()));
  auto side = one_document(
      p.run(db, {"--format", "json", "revision", "-m", "side", "--head", "aaaa", "--splice", "--rev-id", "dddd00000004"}));
  CHECK(side["revision"] == "dddd00000004");
  auto merged = one_document(p.run(db, {"--format", "json", "merge", "heads", "-m", "join", "--rev-id", "eeee00000005"}));
  CHECK(merged["command"] == "merge");
  CHECK(merged["revision"] == "eeee00000005");
  CHECK(merged["down_revisions"].size() == 2);
  CHECK(std::filesystem::exists(merged["path"].get<std::string>()));
}

TEST_CASE("the --log-level flag overrides the ini's log_level", "[cli][output]") {
  TestDatabase db;
  cli_test::SqlProject p("log_level = warning\n");
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto debug = p.run(db, {"--log-level", "debug", "upgrade"});
  REQUIRE(debug.exit_code == 0);
  CHECK(contains(debug.err, "Running upgrade  -> aaaa00000001, first\nCREATE TABLE t1 (id int);"));
  // After the command as well, and quieter than the ini.
  cli_test::SqlProject loud("log_level = debug\n");
  loud.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
  auto r = loud.run(db, {"downgrade", "base", "--log-level", "error"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  auto bad = p.run(db, {"--log-level", "loud", "heads"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "--log-level"));
}
