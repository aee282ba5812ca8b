// The image (docker/Dockerfile) without a Docker engine: its runtime stage is reproduced by
// scripts/check_runtime_libs.sh on a stripped copy of the built binary, and its builder and
// the compose service are read for what they must say.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::Result;
using test_support::TempDir;

namespace {

std::string source(const std::string& relative) {
  std::ifstream in(std::string(test_config::source_dir) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// From the line starting with `first` up to (not including) the next one starting with
// `next`, or the end: a Dockerfile stage.
std::string block(const std::string& text, const std::string& first, const std::string& next) {
  auto begin = text.find("\n" + first);
  REQUIRE(begin != std::string::npos);
  auto end = text.find("\n" + next, begin + 1 + first.size());
  return text.substr(begin + 1, end == std::string::npos ? std::string::npos : end - begin);
}

// The line `header` and the lines indented deeper below it: a YAML mapping, a just recipe.
std::string indented(const std::string& text, const std::string& header) {
  auto begin = text.find("\n" + header + "\n");
  REQUIRE(begin != std::string::npos);
  const auto depth = header.find_first_not_of(' ');
  std::size_t end = begin + 1 + header.size() + 1;
  while (end < text.size()) {
    auto eol = text.find('\n', end);
    if (eol == std::string::npos) eol = text.size();
    const auto first = text.find_first_not_of(' ', end);
    if (first < eol && first - end <= depth) break;  // a line no deeper than the header
    end = eol + 1;
  }
  return text.substr(begin + 1, end - begin - 1);
}

#ifndef MIGRATE_SANITIZED_BUILD  // see tests/CMakeLists.txt
std::string stripped_binary(const TempDir& dir) {
  const std::string bin = dir.path() + "/migrate";
  auto strip = test_support::run_program({"strip", "-o", bin, test_config::migrate_bin});
  INFO(strip.err);
  REQUIRE(strip.exit_code == 0);
  return bin;
}

Result check_libs(const std::string& dockerfile, const std::string& binary) {
  return test_support::run_program(
      {std::string(test_config::source_dir) + "/scripts/check_runtime_libs.sh", dockerfile, binary});
}
#endif

}  // namespace

#ifndef MIGRATE_SANITIZED_BUILD  // see tests/CMakeLists.txt
TEST_CASE("the image's runtime packages cover every shared library the stripped migrate loads", "[cli][image]") {
  TempDir dir;
  const std::string bin = stripped_binary(dir);
  auto r = check_libs(std::string(test_config::source_dir) + "/docker/Dockerfile", bin);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("the runtime library check fails when a package the binary needs is left out", "[cli][image]") {
  TempDir dir;
  const std::string bin = stripped_binary(dir);
  std::string dockerfile = source("docker/Dockerfile");
  const std::string line = "    libpqxx-6.4 \\\n";
  REQUIRE(contains(dockerfile, line));
  dockerfile.erase(dockerfile.find(line), line.size());
  dir.write("Dockerfile", dockerfile);
  auto r = check_libs(dir.path() + "/Dockerfile", bin);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "libpqxx-6.4.so"));
  CHECK(contains(r.out, "(package libpqxx-6.4)"));
  CHECK(cli_test::lines(r.out) == 1);  // what libpqxx pulls in (libpq5) is listed on its own

  // A list the script cannot find is a usage error, never a pass.
  dir.write("Empty", "FROM debian:bookworm-slim\n");
  CHECK(check_libs(dir.path() + "/Empty", bin).exit_code == 2);
}
#endif

TEST_CASE("the image is built by the commands ./dev runs, and compose runs it once postgres is healthy",
          "[cli][image]") {
  const std::string dockerfile = source("docker/Dockerfile");
  const std::string builder = block(dockerfile, "FROM debian:bookworm AS builder", "FROM ");
  // The build packages from ./dev's own list, the binary from the release script `just release` runs.
  CHECK(contains(builder, "\nRUN ./dev --install-build\n"));
  CHECK(contains(builder, "\nRUN scripts/release.sh /out\n"));
  const std::string release_recipe = indented(source("justfile"), "release dest:");
  CHECK(contains(release_recipe, "\n    scripts/release.sh "));

  const std::string runtime = block(dockerfile, "FROM debian:bookworm-slim", "FROM ");
  CHECK(contains(runtime, "\nUSER migrate\n"));
  CHECK(contains(runtime, "\nENTRYPOINT [\"migrate\"]\n"));
  CHECK(contains(runtime, "\nCMD [\"upgrade\", \"head\"]\n"));
  CHECK_FALSE(contains(runtime, "build-essential"));

  // Its own service, out of `docker compose up postgres` (scripts/db.sh) by a profile.
  const std::string service = indented(source("docker-compose.yml"), "  migrate:");
  CHECK(contains(service, "\n    profiles: [deploy]\n"));
  CHECK(contains(service, "\n      dockerfile: docker/Dockerfile\n"));
  CHECK(contains(service, "@postgres:5432/"));
  CHECK(contains(service, "\n    depends_on:\n      postgres:\n        condition: service_healthy\n"));
}
