// The README's examples, run as written: every line of a shell block marked
// `<!-- readme-test: run -->` runs in order in one scratch copy of the project, against a dev
// database of its own, and must exit 0, or N when its comment says `# exit N`.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "dev_database.hpp"
#include "just_recipe.hpp"

namespace {

constexpr const char* marker = "<!-- readme-test: run -->";

struct Example {
  int line_no;
  std::string command;
  int exit_code;
};

// The runnable lines of every marked block; a marker not followed by a fenced block is an
// error, so a mistyped README cannot silently run nothing.
std::vector<Example> examples(const std::string& readme) {
  std::vector<Example> out;
  std::istringstream in(readme);
  std::string line;
  int no = 0;
  bool armed = false, in_block = false;
  while (std::getline(in, line)) {
    ++no;
    if (in_block) {
      if (line.rfind("```", 0) == 0) {
        in_block = false;
        continue;
      }
      auto first = line.find_first_not_of(' ');
      if (first == std::string::npos || line[first] == '#') continue;
      int code = 0;
      if (auto c = line.find("# exit "); c != std::string::npos) code = std::stoi(line.substr(c + 7));
      out.push_back({no, line, code});
    } else if (armed) {
      if (line.rfind("```sh", 0) != 0) throw std::runtime_error("README.md:" + std::to_string(no) + ": " + marker + " must be followed by a ```sh block");
      armed = false;
      in_block = true;
    } else if (line == marker) {
      armed = true;
    }
  }
  if (armed || in_block) throw std::runtime_error(std::string("README.md: an unfinished block after ") + marker);
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("the README's marked examples run as written", "[cli][readme]") {
  const auto commands = examples(read(std::string(test_config::source_dir) + "/README.md"));
  REQUIRE(commands.size() >= 10);

  test_support::TempDir project, home;
  cli_test::copy_project(project);
  cli_test::DevDatabase dev;
  auto env = cli_test::recipe_env(dev.env());
  env["HOME"] = home.path();  // `~/.local` and the like stay inside the test

  for (const auto& example : commands) {
    auto r = test_support::run_program({"bash", "-euo", "pipefail", "-c", example.command}, project.path(), env);
    INFO("README.md:" << example.line_no << ": " << example.command << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code == example.exit_code);
  }
}
