// migrate.ini interpolation: what a value may refer to, and the bound on what it may grow to.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <migrate/error.hpp>

#include "migrate/config/config.hpp"
#include "scratch_files.hpp"

namespace fs = std::filesystem;
using unit_test::ini_file;

TEST_CASE("a value names here, other keys of its section and the environment", "[unit][config]") {
  auto path = ini_file("[migrate]\nx.tenant = acme\nx.dir = %(here)s/%(x.tenant)s/%(x.tenant)s\nx.pct = 100%%\n");
  auto cfg = migrate::config::load(path);
  CHECK(cfg.x_arguments.at("dir") == fs::path(path).parent_path().string() + "/acme/acme");
  CHECK(cfg.x_arguments.at("pct") == "100%");
}

namespace {
// `levels` keys x.a, x.b, ... each naming the next `fanout` times; the last holds `leaf`.
std::string multiplying(int levels, int fanout, const std::string& leaf) {
  std::string text = "[migrate]\n";
  for (char k = 'a'; k < 'a' + levels - 1; ++k) {
    text += std::string("x.") + k + " =";
    for (int i = 0; i < fanout; ++i) text += std::string(" %(x.") + static_cast<char>(k + 1) + ")s";
    text += "\n";
  }
  return text + "x." + static_cast<char>('a' + levels - 1) + " = " + leaf + "\n";
}
}  // namespace

TEST_CASE("a value whose references multiply is refused, not expanded to gigabytes", "[unit][config]") {
  // Found writing tests/fuzz/ini, which times out on it (tests/fuzz/regressions/ini/references_multiply):
  // a 700-byte file, 8^9 copies of the last value.
  auto path = ini_file(multiplying(10, 8, std::string(16, 'x')));
  CHECK_THROWS_AS(migrate::config::load(path), migrate::ConfigError);
  CHECK_THROWS_WITH(migrate::config::load(path), Catch::Contains("'x.a'"));
}

TEST_CASE("a value may not grow past 64 KiB by interpolation", "[unit][config]") {
  // 9^3 copies of 100 bytes: 819 references, 72.9 KB.
  CHECK_THROWS_WITH(migrate::config::load(ini_file(multiplying(4, 9, std::string(100, 'x')))),
                    Catch::Contains("more than 65536 bytes after interpolation in value of 'x.a'"));
  // 9^2 copies: 8.1 KB, fine.
  auto cfg = migrate::config::load(ini_file(multiplying(3, 9, std::string(100, 'x'))));
  CHECK(cfg.x_arguments.at("a").size() == 9 * (9 * 100 + 8) + 8);  // inih trims each value
}

TEST_CASE("references to empty values are capped too", "[unit][config]") {
  // Nothing grows, but 20^9 references would never finish.
  CHECK_THROWS_WITH(migrate::config::load(ini_file(multiplying(10, 20, ""))),
                    Catch::Contains("more than 1000 %(...)s references to follow in value of 'x.a'"));
}
