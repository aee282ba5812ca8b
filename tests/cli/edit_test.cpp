// edit opens the revision's file in $VISUAL, else $EDITOR, else vi, as git does.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdlib>

#include "cli_project.hpp"

using cli_test::contains;

namespace {

// An "editor" that records its name and the file it was given.
void fake_editor(const test_support::TempDir& bin, const std::string& name) {
  bin.write(name, "#!/bin/sh\necho " + name + " \"$1\" >> \"$(dirname \"$0\")/opened\"\n");
  chmod((bin.path() + "/" + name).c_str(), 0755);
}

}  // namespace

TEST_CASE("edit uses $VISUAL, then $EDITOR, then vi", "[cli][edit]") {
  test_support::TempDir dir, bin;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\n");
  dir.write("versions/a.sql", "-- revision: aaaa00000001\n-- down_revision:\n-- message: one\n-- migrate:up\n"
                              "SELECT 1;\n-- migrate:down\nSELECT 1;\n");
  for (const char* name : {"visual", "editor", "vi"}) fake_editor(bin, name);
  const std::string file = dir.path() + "/versions/a.sql";
  auto edit = [&](const std::string& visual, const std::string& editor) {
    return test_support::run_migrate({"edit", "aaaa"}, dir.path(),
                                     {{"PATH", bin.path() + ":" + std::getenv("PATH")}, {"VISUAL", visual}, {"EDITOR", editor}});
  };
  CHECK(edit("visual", "editor").exit_code == 0);
  CHECK(edit("", "editor").exit_code == 0);
  CHECK(edit("", "").exit_code == 0);
  CHECK(bin.read("opened") == "visual " + file + "\neditor " + file + "\nvi " + file + "\n");
  auto failed = edit("false", "");
  CHECK(failed.exit_code == 2);
  CHECK(contains(failed.err, "the editor (false) failed on " + file));
}

TEST_CASE("edit resolves the revision as a target does and passes the editor's own arguments", "[cli][edit]") {
  test_support::TempDir dir, bin;
  dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\n");
  auto sql = [&](const std::string& file, const std::string& id, const std::string& down, const std::string& label) {
    dir.write("versions/" + file, "-- revision: " + id + "\n-- down_revision: " + down + "\n-- branch_labels: " +
                                      label + "\n-- message: m\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  };
  sql("a.sql", "aaaa00000001", "", "");
  sql("b.sql", "bbbb00000002", "aaaa00000001", "");
  sql("c.sql", "cccc00000003", "aaaa00000001", "side");
  // `$EDITOR --wait` as for git: a command line, the file appended as one argument.
  bin.write("editor", "#!/bin/sh\necho \"$1|$2\" >> \"$(dirname \"$0\")/opened\"\n");
  chmod((bin.path() + "/editor").c_str(), 0755);
  auto edit = [&](const std::string& target) {
    return test_support::run_migrate({"edit", target}, dir.path(),
                                     {{"VISUAL", ""}, {"EDITOR", bin.path() + "/editor --wait"}});
  };
  CHECK(edit("bbbb").exit_code == 0);    // a prefix
  CHECK(edit("side").exit_code == 0);    // a branch label
  CHECK(edit("side@head").exit_code == 0);
  CHECK(bin.read("opened") == "--wait|" + dir.path() + "/versions/b.sql\n--wait|" + dir.path() +
                                  "/versions/c.sql\n--wait|" + dir.path() + "/versions/c.sql\n");
  // Two heads: which file is meant is not for the tool to guess, and no editor starts.
  auto heads = edit("heads");
  CHECK(heads.exit_code == 4);
  CHECK(contains(heads.err, "must name exactly one revision to edit"));
  auto unknown = edit("ffff");
  CHECK(unknown.exit_code == 4);
  CHECK(bin.read("opened") == "--wait|" + dir.path() + "/versions/b.sql\n--wait|" + dir.path() +
                                  "/versions/c.sql\n--wait|" + dir.path() + "/versions/c.sql\n");
}

TEST_CASE("edit opens a compiled C++ revision's source in its version location", "[cli][edit]") {
  test_support::TempDir dir, bin;
  const std::string versions = std::string(test_config::source_dir) + "/tests/args_project/versions";
  dir.write("migrate.ini", "[migrate]\nversion_locations = " + versions + "\n");
  fake_editor(bin, "editor");
  auto r = test_support::run_program({test_config::args_project_bin, "edit", "head"}, dir.path(),
                                     {{"VISUAL", ""}, {"EDITOR", bin.path() + "/editor"}});
  CHECK(r.exit_code == 0);
  CHECK(bin.read("opened") == "editor " + versions + "/a1b2c3d4e5f6_table_named_by_x.cpp\n");
}
