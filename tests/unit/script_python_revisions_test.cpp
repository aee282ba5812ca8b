// Alembic .py revisions left in a version location: which count, which are ported, and
// which one an unknown version row names.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "migrate/script/python_revisions.hpp"

namespace fs = std::filesystem;
using namespace migrate::script;

namespace {

struct Folder {
  fs::path path = fs::temp_directory_path() / ("migrate_py_" + std::to_string(getpid()));
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
  std::string at(const std::string& name) const { return (path / name).string(); }
};

}  // namespace

TEST_CASE("a .py revision without a .sql of the same name is unported", "[script][python]") {
  Folder f;
  f.write("ab12_users.py", "revision = 'ab12'\ndown_revision = None\n");
  f.write("cd34_email.py", "revision: str = \"cd34\"\ndown_revision = 'ab12'\n");
  f.write("cd34_email.sql", "-- revision: cd34\n");
  f.write("__init__.py", "");
  f.write(".#ab12_users.py", "");
  fs::create_directories(f.path / "__pycache__");
  CHECK(unported_python({f.path.string(), (f.path / "missing").string()}) ==
        std::vector<std::string>{f.at("ab12_users.py")});
  CHECK(unported_python({(f.path / "missing").string()}).empty());
  CHECK(unported_notice({f.at("ab12_users.py")}) ==
        "1 Alembic revision (.py) in " + f.path.string() +
            " is not run by migrate: convert it with `migrate import alembic`");
}

TEST_CASE("the .py assigning an id as its revision is found, not one naming it as a parent", "[script][python]") {
  Folder f;
  f.write("a.py", "revision = 'ab12'\ndown_revision = None\n");
  f.write("b.py", "revision: str = \"cd34\"\ndown_revision = 'ab12'\n");
  std::vector<std::string> files{f.at("a.py"), f.at("b.py")};
  CHECK(python_defining(files, "ab12") == f.at("a.py"));
  CHECK(python_defining(files, "cd34") == f.at("b.py"));
  CHECK_FALSE(python_defining(files, "ef56"));
  CHECK_FALSE(python_defining(files, ""));
}
