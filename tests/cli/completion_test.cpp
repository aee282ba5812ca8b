// Shell completion: the scripts are valid shell, list every command, and complete revision
// arguments from the project through the hidden `__complete revisions`.
#include <catch2/catch.hpp>

#include "cli_project.hpp"

using cli_test::contains;

namespace {

const char* one_revision =
    "-- revision: aaaa00000001\n-- down_revision:\n-- branch_labels: billing\n-- message: one\n"
    "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n";

// What bash completes for `words` (the last one being typed), with the script loaded.
std::string bash_completes(const std::string& cwd, const std::string& words) {
  auto script = test_support::run_migrate({"completion", "bash"});
  REQUIRE(script.exit_code == 0);
  std::string program = "eval \"$1\"; COMP_WORDS=(" + std::string(test_config::migrate_bin) + " " + words +
                        "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _migrate; if ((${#COMPREPLY[@]})); then printf '%s\\n' \"${COMPREPLY[@]}\"; fi";
  auto r = test_support::run_program({"bash", "-c", program, "bash", script.out}, cwd);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("completion bash is valid bash naming every command and option", "[cli][completion]") {
  auto r = test_support::run_migrate({"completion", "bash"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  auto check = test_support::run_program({"bash", "-n"}, ".", {}, r.out);
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(contains(r.out, "complete -F _migrate migrate"));
  for (const char* word : {"upgrade", "downgrade", "history", "completion", "--statement-lock-timeout", "--log-level",
                           "--autogenerate", "--check-heads"})
    CHECK(contains(r.out, word));
  // Hidden from people, so from the script too.
  CHECK_FALSE(contains(r.out, " __complete)"));
  auto zsh = test_support::run_migrate({"completion", "zsh"});
  REQUIRE(zsh.exit_code == 0);
  CHECK(contains(zsh.out, "#compdef migrate"));
  CHECK(contains(zsh.out, "'upgrade:Upgrade to a later version (default: head)'"));
  auto shell = test_support::run_program({"sh", "-c", "command -v zsh"});
  if (shell.exit_code == 0) {
    CHECK(test_support::run_program({"zsh", "-n"}, ".", {}, zsh.out).exit_code == 0);
  } else {
    WARN("zsh is not installed: the zsh script's syntax is not checked");
  }
  CHECK(test_support::run_migrate({"completion", "fish"}).exit_code == 2);
}

TEST_CASE("completion: commands, option values, and revisions from the project found upward", "[cli][completion]") {
  test_support::TempDir dir;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\n");
  dir.write("versions/a.sql", one_revision);
  auto listed = test_support::run_migrate({"__complete", "revisions"}, dir.path() + "/versions");
  CHECK(listed.exit_code == 0);
  CHECK(listed.out == "aaaa00000001\nbilling\n");

  CHECK(bash_completes(dir.path(), "upg") == "upgrade\n");
  CHECK(bash_completes(dir.path(), "--format ''") == "text\njson\n");
  CHECK(bash_completes(dir.path(), "completion ''") == "bash\nzsh\n");
  CHECK(bash_completes(dir.path(), "import ''") == "alembic\n");
  CHECK(bash_completes(dir.path(), "upgrade ''") == "aaaa00000001\nbilling\nhead\nheads\nbase\n");
  CHECK(bash_completes(dir.path(), "revision --head ''") == "aaaa00000001\nbilling\nhead\nheads\nbase\n");
  CHECK(contains(bash_completes(dir.path(), "current --ch"), "--check-heads"));
  // -c typed on the line names the project, wherever the shell is.
  test_support::TempDir elsewhere;
  CHECK(bash_completes(elsewhere.path(), "show -c " + dir.path() + "/migrate.ini aa") == "aaaa00000001\n");
  CHECK(bash_completes(elsewhere.path(), "show aa").empty());
}
