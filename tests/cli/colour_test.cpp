// Colour: only on a terminal or when forced, never with NO_COLOR, never in a pipe.
#include <catch2/catch.hpp>

#include "cli_project.hpp"

using cli_test::contains;

namespace {
const std::string red_failed = "\033[31mFAILED:\033[0m ";
bool has_escape(const std::string& text) { return text.find('\033') != std::string::npos; }
}  // namespace

TEST_CASE("no colour codes when stdout and stderr are pipes", "[cli][colour]") {
  auto r = test_support::run_migrate({"frobnicate"}, ".", {{"NO_COLOR", ""}, {"CLICOLOR_FORCE", ""}});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "FAILED: unknown command"));
  CHECK_FALSE(has_escape(r.err));
  CHECK_FALSE(has_escape(test_support::run_migrate({"--help"}).out));
}

TEST_CASE("colour forced by --color always or CLICOLOR_FORCE, never with NO_COLOR or --color never",
          "[cli][colour]") {
  const std::map<std::string, std::string> plain{{"NO_COLOR", ""}, {"CLICOLOR_FORCE", ""}};
  CHECK(test_support::run_migrate({"--color", "always", "frobnicate"}, ".", plain).err.rfind(red_failed, 0) == 0);
  CHECK(test_support::run_migrate({"frobnicate"}, ".", {{"NO_COLOR", ""}, {"CLICOLOR_FORCE", "1"}})
            .err.rfind(red_failed, 0) == 0);
  CHECK_FALSE(has_escape(test_support::run_migrate({"frobnicate"}, ".", {{"NO_COLOR", "1"}, {"CLICOLOR_FORCE", "1"}}).err));
  CHECK_FALSE(has_escape(test_support::run_migrate({"--color", "never", "frobnicate"}, ".", {{"CLICOLOR_FORCE", "1"}}).err));
  // A config error after parsing, coloured by --color given after the command.
  test_support::TempDir dir;
  auto late = test_support::run_migrate({"heads", "-c", dir.path() + "/none.ini", "--color", "always"}, ".", plain);
  CHECK(late.exit_code == 3);
  CHECK(late.err.rfind(red_failed, 0) == 0);
}

TEST_CASE("on a terminal FAILED: is red and warnings yellow", "[cli][colour]") {
  if (test_support::run_program({"sh", "-c", "command -v script"}).exit_code != 0) {
    WARN("util-linux script is not installed: no pty to test with");
    return;
  }
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\nlock_timeout = 3\n");
  // script(1) gives the binary a pty for stdout and stderr, as a terminal would.
  auto on_tty = [&](const std::string& args) {
    auto r = test_support::run_program(
        {"script", "-qec", std::string(test_config::migrate_bin) + " " + args, "/dev/null"}, dir.path(),
        {{"NO_COLOR", ""}, {"CLICOLOR_FORCE", ""}});
    return r.out;
  };
  CHECK(contains(on_tty("frobnicate"), red_failed));
  // The deprecated key's warning; the missing versions folder then fails the command.
  CHECK(contains(on_tty("heads"), "\033[33mwarning: "));
  CHECK_FALSE(has_escape(test_support::run_program({"sh", "-c", "NO_COLOR=1 script -qec '" +
                                                                   std::string(test_config::migrate_bin) +
                                                                   " frobnicate' /dev/null"}, dir.path())
                             .out));
}

TEST_CASE("history -i colours the (current) marker when colour is on", "[cli][colour]") {
  test_support::TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "SELECT 1;", "SELECT 1;", "one");
  REQUIRE(p.run(db, {"upgrade"}).exit_code == 0);
  auto coloured = p.run(db, {"--color", "always", "history", "-i"});
  CHECK(contains(coloured.out, "aaaa00000001 (head)\033[32m (current)\033[0m, one"));
  auto plain = p.run(db, {"history", "-i"});
  CHECK(plain.out == "<base> -> aaaa00000001 (head) (current), one\n");
}
