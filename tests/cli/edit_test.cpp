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
