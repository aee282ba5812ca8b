// The rest of Alembic's command set through the binary: stamp, ensure_version, revision,
// merge, init, list_templates, current --check-heads, JSON output, configuration (alembic.ini,
// -n, ${ENV}, -x) and the exit-code table.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <pqxx/pqxx>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace fs = std::filesystem;

namespace {

std::string versions(const TestDatabase& db) {
  return db.scalar("SELECT coalesce(string_agg(version_num, ',' ORDER BY version_num), '') FROM alembic_version");
}

// A linear a -> b and a second root c (label "other"), all plain SQL.
struct TwoRoots : cli_test::SqlProject {
  TwoRoots() : cli_test::SqlProject("revision_format = sql\n") {
    revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "first");
    revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;", "second");
    dir.write("versions/c.sql",
              "-- revision: cccc00000003\n-- down_revision:\n-- branch_labels: other\n-- message: other root\n"
              "-- migrate:up\nCREATE TABLE t3 (id int);\n-- migrate:down\nDROP TABLE t3;\n");
  }
};

test_support::Result ok(const test_support::Result& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

nlohmann::json json_of(const test_support::Result& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(nlohmann::json::accept(r.out));
  return nlohmann::json::parse(r.out);
}

// The file `revision`/`merge` reported writing ("  Generating PATH ...  done").
std::string generated_path(const std::string& out) {
  auto start = out.find("Generating ");
  REQUIRE(start != std::string::npos);
  start += std::string("Generating ").size();
  return out.substr(start, out.find(" ...", start) - start);
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("stamp sets the version table without running revisions", "[cli][commands][stamp]") {
  TestDatabase db;
  TwoRoots p;
  auto r = ok(p.run(db, {"stamp", "bbbb"}));
  CHECK(contains(r.err, "Stamped <base> -> bbbb00000002"));
  CHECK(versions(db) == "bbbb00000002");
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('t2') IS NULL") == "t");

  // A stamp on the same line replaces the row; heads adds the other root.
  ok(p.run(db, {"stamp", "aaaa"}));
  CHECK(versions(db) == "aaaa00000001");
  ok(p.run(db, {"stamp", "heads"}));
  CHECK(versions(db) == "bbbb00000002,cccc00000003");
  // --purge empties the table first.
  ok(p.run(db, {"stamp", "--purge", "other@head"}));
  CHECK(versions(db) == "cccc00000003");
  auto base = ok(p.run(db, {"stamp", "base"}));
  CHECK(contains(base.err, "Stamped cccc00000003 -> <base>"));
  CHECK(versions(db) == "");

  // Then upgrade runs from where stamp left it.
  ok(p.run(db, {"stamp", "aaaa"}));
  ok(p.run(db, {"upgrade", "bbbb"}));
  CHECK(db.scalar("SELECT to_regclass('t1') IS NULL AND to_regclass('t2') IS NOT NULL") == "t");

  auto json = json_of(ok(p.run(db, {"--format", "json", "stamp", "heads"})));
  CHECK(json["command"] == "stamp");
  CHECK(json["before"] == nlohmann::json::array({"bbbb00000002"}));
  CHECK(json["after"] == nlohmann::json::array({"bbbb00000002", "cccc00000003"}));

  auto unknown = p.run(db, {"stamp", "nosuchrev"});
  CHECK(unknown.exit_code == 4);
  CHECK(versions(db) == "bbbb00000002,cccc00000003");
}

TEST_CASE("stamp --sql prints the version table statements and changes nothing", "[cli][commands][stamp]") {
  TestDatabase db;
  TwoRoots p;
  auto r = ok(p.run(db, {"stamp", "--sql", "heads"}));
  CHECK(contains(r.out, "CREATE TABLE alembic_version"));
  CHECK(contains(r.out, "INSERT INTO alembic_version (version_num) VALUES ('bbbb00000002');"));
  CHECK(contains(r.out, "INSERT INTO alembic_version (version_num) VALUES ('cccc00000003');"));
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
  auto applied = test_support::run_program(
      {"/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.conninfo(), "-f", "-"}, ".", {}, r.out);
  INFO(applied.err);
  REQUIRE(applied.exit_code == 0);
  CHECK(versions(db) == "bbbb00000002,cccc00000003");

  auto purge = p.run(db, {"stamp", "--sql", "--purge", "heads"});
  CHECK(purge.exit_code == 2);
}

TEST_CASE("ensure_version creates the table once and --sql prints it", "[cli][commands]") {
  TestDatabase db;
  TwoRoots p;
  auto first = json_of(ok(p.run(db, {"--format", "json", "ensure_version"})));
  CHECK(first["created"] == true);
  CHECK(db.rows("SELECT data_type, character_maximum_length, is_nullable FROM information_schema.columns "
                "WHERE table_name = 'alembic_version'") == "character varying|32|NO");
  CHECK(versions(db) == "");
  auto second = json_of(ok(p.run(db, {"--format", "json", "ensure_version"})));
  CHECK(second["created"] == false);

  TestDatabase other;
  auto sql = ok(p.run(other, {"ensure_version", "--sql"}));
  CHECK(contains(sql.out, "CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL"));
  CHECK(contains(sql.out, "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)"));
  CHECK(other.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("revision writes SQL revisions with Alembic's options", "[cli][commands][revision]") {
  TestDatabase db;
  cli_test::SqlProject p;
  auto first = ok(p.run(db, {"revision", "--sql", "-m", "first one", "--rev-id", "aaaa00000001"}));
  std::string path = generated_path(first.out);
  CHECK(fs::path(path).parent_path() == fs::path(p.dir.path()) / "versions");
  CHECK(fs::path(path).filename() == "aaaa00000001_first_one.sql");
  auto text = read(path);
  CHECK(contains(text, "-- revision: aaaa00000001\n"));
  CHECK(contains(text, "-- message: first one\n"));
  CHECK(contains(text, "-- migrate:up\n"));
  CHECK(contains(text, "-- migrate:down\n"));

  // The next one goes on the head.
  auto second = ok(p.run(db, {"revision", "--sql", "-m", "second", "--rev-id", "bbbb00000002"}));
  CHECK(contains(read(generated_path(second.out)), "-- down_revision: aaaa00000001\n"));

  // A new root with a label, then a revision on it that depends on the first branch, by prefix.
  auto root = ok(p.run(db, {"revision", "--sql", "-m", "other root", "--head", "base", "--branch-label", "other",
                            "--rev-id", "cccc00000003"}));
  auto root_text = read(generated_path(root.out));
  CHECK(contains(root_text, "-- branch_labels: other\n"));
  auto dep = ok(p.run(db, {"revision", "--sql", "-m", "needs second", "--head", "other@head", "--depends-on", "bbbb",
                           "--rev-id", "dddd00000004"}));
  auto dep_text = read(generated_path(dep.out));
  CHECK(contains(dep_text, "-- down_revision: cccc00000003\n"));
  CHECK(contains(dep_text, "-- depends_on: bbbb00000002\n"));  // the prefix resolved, as Alembic does

  // The graph the files make: two heads by default (dddd and bbbb, which dddd only depends on),
  // one when dependencies count as down revisions.
  auto heads = ok(p.run(db, {"heads"}));
  CHECK(cli_test::lines(heads.out) == 2);
  CHECK(contains(heads.out, "bbbb00000002 (effective head)\n"));
  CHECK(contains(heads.out, "dddd00000004 (other) (head)\n"));
  CHECK(ok(p.run(db, {"heads", "--resolve-dependencies"})).out == "dddd00000004 (other) (head)\n");

  // An unknown dependency is refused before a file is written.
  auto bad_dep = p.run(db, {"revision", "--sql", "-m", "bad", "--head", "other@head", "--depends-on", "zzzz"});
  CHECK(bad_dep.exit_code == 4);
  CHECK(contains(bad_dep.err, "Can't locate revision identified by 'zzzz'"));

  // Upgrading runs the dependency first.
  auto up = ok(p.run(db, {"upgrade", "other@head"}));
  CHECK(contains(up.err, "Running upgrade aaaa00000001 -> bbbb00000002, second"));
  CHECK(versions(db) == "dddd00000004");

  // A second id is refused; a non-head --head needs --splice.
  auto again = p.run(db, {"revision", "--sql", "-m", "dup", "--rev-id", "aaaa00000001", "--head", "bbbb"});
  CHECK(again.exit_code == 4);
  auto not_head = p.run(db, {"revision", "--sql", "-m", "x", "--head", "aaaa"});
  CHECK(not_head.exit_code == 4);
  CHECK(contains(not_head.err, "Revision aaaa00000001 is not a head revision; please specify --splice"));
  auto splice = ok(p.run(db, {"revision", "--sql", "-m", "x", "--head", "aaaa", "--splice", "--rev-id", "eeee00000005"}));
  CHECK(contains(read(generated_path(splice.out)), "-- down_revision: aaaa00000001\n"));

  auto json = json_of(ok(p.run(db, {"--format", "json", "revision", "--sql", "-m", "j", "--head", "eeee"})));
  CHECK(json["command"] == "revision");
  CHECK(json["down_revisions"] == nlohmann::json::array({"eeee00000005"}));
  CHECK(fs::exists(json["path"].get<std::string>()));
}

TEST_CASE("revision without --head fails while there are several heads and merge joins them", "[cli][commands][merge]") {
  TestDatabase db;
  cli_test::SqlProject p("revision_format = sql\n");
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;", "root");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;", "left");
  p.revision("c.sql", "cccc00000003", "aaaa00000001", "CREATE TABLE t3 (id int);", "DROP TABLE t3;", "right");
  auto r = p.run(db, {"revision", "-m", "x"});
  CHECK(r.exit_code == 4);
  CHECK(r.err ==
        "FAILED: Multiple heads are present; please specify the head revision on which the new revision should be "
        "based, or perform a merge.\n");
  CHECK(fs::is_empty(fs::path(p.dir.path()) / "versions") == false);
  CHECK(std::distance(fs::directory_iterator(p.dir.path() + "/versions"), fs::directory_iterator()) == 3);

  ok(p.run(db, {"upgrade", "heads"}));
  CHECK(versions(db) == "bbbb00000002,cccc00000003");
  auto merge = ok(p.run(db, {"merge", "heads", "-m", "join them", "--rev-id", "dddd00000004"}));
  auto path = generated_path(merge.out);
  CHECK(fs::path(path).filename() == "dddd00000004_join_them.sql");
  CHECK(contains(read(path), "-- down_revision: bbbb00000002, cccc00000003\n"));
  CHECK(ok(p.run(db, {"heads"})).out == "dddd00000004 (head)\n");
  ok(p.run(db, {"upgrade", "head"}));
  CHECK(versions(db) == "dddd00000004");

  auto one = p.run(db, {"merge", "heads", "-m", "nothing to merge"});
  CHECK(one.exit_code == 4);
}

TEST_CASE("init writes a project that runs and list_templates names the templates", "[cli][commands][init]") {
  test_support::TempDir dir;
  std::string target = dir.path() + "/proj";
  auto r = ok(test_support::run_migrate({"init", target}));
  CHECK(contains(r.out, "Generating " + target + "/migrate.ini ...  done"));
  CHECK(fs::is_directory(target + "/versions"));

  // The new project works as it is: a revision, an upgrade.
  TestDatabase db;
  auto rev = ok(test_support::run_migrate({"-c", target + "/migrate.ini", "revision", "-m", "first", "--rev-id",
                                           "aaaa00000001"}));
  CHECK(fs::path(generated_path(rev.out)).extension() == ".sql");
  ok(test_support::run_migrate({"-c", target + "/migrate.ini", "upgrade", "head"}, ".", {{"DATABASE_URL", db.url()}}));
  CHECK(versions(db) == "aaaa00000001");

  auto again = test_support::run_migrate({"init", target});
  CHECK(again.exit_code == 2);
  CHECK(contains(again.err, "already exists and is not empty"));

  auto cpp = json_of(ok(test_support::run_migrate({"--format", "json", "init", "-t", "cpp", dir.path() + "/cpp"})));
  CHECK(cpp["command"] == "init");
  CHECK(cpp["files"].size() == 2);
  CHECK(contains(read(dir.path() + "/cpp/CMakeLists.txt"), "migrate::cli_main"));

  auto unknown = test_support::run_migrate({"init", "-t", "nope", dir.path() + "/x"});
  CHECK(unknown.exit_code == 2);

  auto list = ok(test_support::run_migrate({"list_templates"}));
  CHECK(contains(list.out, "Available templates:\n"));
  CHECK(contains(list.out, "\nsql - "));
  CHECK(contains(list.out, "\ncpp - "));
  auto list_json = json_of(ok(test_support::run_migrate({"--format", "json", "list_templates"})));
  CHECK(list_json["templates"].size() == 2);
}

TEST_CASE("current --check-heads fails unless the database is at every head", "[cli][commands][current]") {
  TestDatabase db;
  TwoRoots p;
  auto empty = p.run(db, {"current", "--check-heads"});
  CHECK(empty.exit_code == 4);
  CHECK(contains(empty.err, "Database is not on the head revision(s)"));
  ok(p.run(db, {"upgrade", "bbbb"}));
  auto partial = p.run(db, {"current", "--check-heads"});
  CHECK(partial.exit_code == 4);
  CHECK(partial.out == "bbbb00000002 (head)\n");
  ok(p.run(db, {"upgrade", "heads"}));
  auto all = ok(p.run(db, {"current", "--check-heads"}));
  CHECK(all.out == "bbbb00000002 (head)\ncccc00000003 (head)\n");
  auto verbose = ok(p.run(db, {"current", "-v"}));
  CHECK(contains(verbose.out, "Rev: bbbb00000002 (head)\nParent: aaaa00000001\n"));
}

TEST_CASE("json output: --format json prints one parseable document for every command", "[cli][commands][json]") {
  TestDatabase db;
  TwoRoots p;
  test_support::TempDir scratch;
  const std::vector<std::vector<std::string>> commands = {
      {"heads"}, {"branches"}, {"history"}, {"history", "-r", "aaaa:bbbb"}, {"show", "bbbb"},
      {"current"}, {"upgrade", "heads"}, {"current", "-v"}, {"history", "-i"}, {"downgrade", "other@base"},
      {"to", "aaaa"}, {"stamp", "bbbb"}, {"ensure_version"}, {"list_templates"},
      {"revision", "--sql", "-m", "json", "--head", "bbbb"}, {"init", scratch.path() + "/p"},
      // errors are JSON too
      {"upgrade", "nosuchrev"}, {"current", "--check-heads"}};
  for (const auto& args : commands) {
    std::vector<std::string> full{"--format", "json"};
    full.insert(full.end(), args.begin(), args.end());
    auto r = p.run(db, full);
    INFO("command: " << args[0] << (args.size() > 1 ? " " + args[1] : "") << "\nstdout: " << r.out
                     << "\nstderr: " << r.err);
    REQUIRE(nlohmann::json::accept(r.out));
    auto doc = nlohmann::json::parse(r.out);
    if (r.exit_code == 0) {
      CHECK(doc.contains("command"));
    } else {
      CHECK(doc["error"]["code"] == r.exit_code);
      CHECK(doc["error"]["message"].is_string());
    }
  }
  auto up = json_of(ok(p.run(db, {"--format", "json", "upgrade", "heads"})));
  CHECK(up["command"] == "upgrade");
  REQUIRE(up["steps"].is_array());
  auto err = json_of(p.run(db, {"--format", "json", "upgrade", "nosuchrev"}));
  CHECK(err["error"]["kind"] == "revision");
  CHECK(err["error"]["code"] == 4);
}

TEST_CASE("an alembic.ini with an alembic section and a psycopg2 sqlalchemy.url works unchanged", "[cli][commands][config]") {
  TestDatabase db;
  test_support::TempDir dir;
  dir.write("alembic/versions/a.sql",
            "-- revision: aaaa00000001\n-- down_revision:\n-- message: first\n-- migrate:up\nCREATE TABLE t1 (id "
            "int);\n-- migrate:down\nDROP TABLE t1;\n");
  std::string url = db.url();  // postgresql://user:pw@host:port/db
  std::string psycopg = "postgresql+psycopg2://" + url.substr(url.find("://") + 3);
  dir.write("alembic.ini", "# A generic, single database configuration.\n\n[alembic]\n"
                           "# path to migration scripts\nscript_location = alembic\nprepend_sys_path = .\n"
                           "version_path_separator = os\nsqlalchemy.url = " + psycopg + "\n\n"
                           "[post_write_hooks]\n\n[loggers]\nkeys = root,sqlalchemy,alembic\n\n[handlers]\n"
                           "keys = console\n\n[logger_root]\nlevel = WARN\nhandlers = console\nqualname =\n\n"
                           "[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n"
                           "datefmt = %H:%M:%S\n");
  auto r = ok(test_support::run_migrate({"-c", dir.path() + "/alembic.ini", "upgrade", "head"}));
  CHECK(contains(r.err, "Running upgrade  -> aaaa00000001, first"));
  CHECK(versions(db) == "aaaa00000001");
  CHECK_FALSE(contains(r.err, test_support::test_password));
  CHECK(ok(test_support::run_migrate({"-c", dir.path() + "/alembic.ini", "current"})).out ==
        "aaaa00000001 (head)\n");
}

TEST_CASE("the -n option selects another section of the ini", "[cli][commands][config]") {
  TestDatabase db;
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/one\n\n[second]\nversion_locations = "
                           "%(here)s/two\nversion_table = second_version\n");
  dir.write("one/a.sql", "-- revision: aaaa00000001\n-- down_revision:\n-- migrate:up\nCREATE TABLE one_t (id "
                         "int);\n-- migrate:down\nDROP TABLE one_t;\n");
  dir.write("two/b.sql", "-- revision: bbbb00000002\n-- down_revision:\n-- migrate:up\nCREATE TABLE two_t (id "
                         "int);\n-- migrate:down\nDROP TABLE two_t;\n");
  std::string ini = dir.path() + "/migrate.ini";
  CHECK(ok(test_support::run_migrate({"-c", ini, "heads"})).out == "aaaa00000001 (head)\n");
  CHECK(ok(test_support::run_migrate({"-c", ini, "-n", "second", "heads"})).out == "bbbb00000002 (head)\n");
  ok(test_support::run_migrate({"-c", ini, "-n", "second", "--url", db.url(), "upgrade", "head"}));
  CHECK(db.rows("SELECT version_num FROM second_version") == "bbbb00000002");
  CHECK(db.scalar("SELECT to_regclass('one_t') IS NULL AND to_regclass('two_t') IS NOT NULL") == "t");
  auto missing = test_support::run_migrate({"-c", ini, "-n", "third", "heads"});
  CHECK(missing.exit_code == 3);
  CHECK(contains(missing.err, "no [third] section"));
}

TEST_CASE("environment variables expand in the ini with and without a default", "[cli][commands][config]") {
  TestDatabase db;
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/${MIGRATE_TEST_FOLDER:-versions}\n"
                           "url = ${MIGRATE_TEST_URL}\n");
  dir.write("elsewhere/a.sql", "-- revision: aaaa00000001\n-- down_revision:\n-- migrate:up\nCREATE TABLE t1 (id "
                               "int);\n-- migrate:down\nDROP TABLE t1;\n");
  std::string ini = dir.path() + "/migrate.ini";
  ok(test_support::run_migrate({"-c", ini, "upgrade", "head"}, ".",
                               {{"MIGRATE_TEST_URL", db.url()}, {"MIGRATE_TEST_FOLDER", "elsewhere"}}));
  CHECK(versions(db) == "aaaa00000001");
  // The default applies when the variable is unset: the error names the default folder,
  // which does not exist.
  auto defaulted = test_support::run_migrate({"-c", ini, "heads"}, ".", {{"MIGRATE_TEST_URL", db.url()}});
  CHECK(defaulted.exit_code == 3);
  CHECK(contains(defaulted.err, "version location " + dir.path() + "/versions does not exist"));
  auto unset = test_support::run_migrate({"-c", ini, "current"}, ".", {{"MIGRATE_TEST_URL", ""}});
  CHECK(unset.exit_code == 3);
  CHECK(contains(unset.err, "environment variable MIGRATE_TEST_URL is not set, used by 'url'"));
}

TEST_CASE("the -x option passes key=value to the environment hook", "[cli][commands][config]") {
  // The C++ code that reads -x is the application's environment hook (migrations/env.cpp),
  // which turns `-x lock_timeout=...` into a session setting that offline output shows. It
  // belongs to the repository's project: a scratch project runs without it (env_hook_test).
  TestDatabase db;
  auto with_x = ok(cli_test::run_repo(db, {"-x", "lock_timeout=42s", "upgrade", "--sql", "base:head"}));
  CHECK(contains(with_x.out, "set_config('lock_timeout', '42s', false)"));
  auto without = ok(cli_test::run_repo(db, {"upgrade", "--sql", "base:head"}));
  CHECK_FALSE(contains(without.out, "'42s'"));
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  auto bad = p.run(db, {"-x", "novalue", "heads"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "-x expects key=value, got 'novalue'"));
}

TEST_CASE("exit codes are 0 ok 2 usage 3 config 4 revision 5 database 6 lock", "[cli][commands][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  CHECK(p.run(db, {"heads"}).exit_code == 0);
  CHECK(test_support::run_migrate({"--version"}).exit_code == 0);
  // usage: unknown command, unknown option, missing argument, bad --format
  auto unknown = p.run(db, {"upgrayedd"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "unknown command 'upgrayedd'"));
  CHECK(p.run(db, {"upgrade", "--no-such-flag"}).exit_code == 2);
  CHECK(p.run(db, {"downgrade"}).exit_code == 2);
  CHECK(p.run(db, {"--format", "yaml", "heads"}).exit_code == 2);
  // config
  CHECK(test_support::run_migrate({"-c", p.dir.path() + "/nope.ini", "heads"}).exit_code == 3);
  // revision
  CHECK(p.run(db, {"upgrade", "bbbb"}).exit_code == 4);
  // database: a database that does not exist
  auto no_db = test_support::run_migrate({"-c", p.dir.path() + "/migrate.ini", "--url", db.url() + "_gone", "upgrade"});
  CHECK(no_db.exit_code == 5);
  CHECK_FALSE(contains(no_db.err, test_support::test_password));
  // database: a failing statement
  p.revision("b.sql", "bbbb00000002", "aaaa00000001", "SELECT 1/0;", "SELECT 1;");
  CHECK(p.run(db, {"upgrade", "head"}).exit_code == 5);
  // lock: another session holds the run lock
  pqxx::connection holder(db.conninfo());
  pqxx::nontransaction tx(holder);
  tx.exec("SELECT pg_advisory_lock(hashtext('migrate:alembic_version'))");
  auto locked = p.run(db, {"upgrade", "aaaa"});
  CHECK(locked.exit_code == 6);
  auto locked_json = json_of(p.run(db, {"--format", "json", "stamp", "aaaa"}));
  CHECK(locked_json["error"]["code"] == 6);
  CHECK(locked_json["error"]["kind"] == "lock");
  tx.exec("SELECT pg_advisory_unlock_all()");
  CHECK(p.run(db, {"upgrade", "aaaa"}).exit_code == 0);
}
