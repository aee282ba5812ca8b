// The binary's contract with a shell: help, unknown commands, exit codes.
#include <catch2/catch.hpp>

#include "support/run_binary.hpp"

using test_support::run_migrate;

TEST_CASE("--help lists the commands and exits 0", "[cli][usage]") {
  auto r = run_migrate({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("upgrade") != std::string::npos);
  CHECK(r.out.find("downgrade") != std::string::npos);
}

TEST_CASE("an unknown command is a usage error: one line on stderr, exit 2", "[cli][usage]") {
  auto r = run_migrate({"frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("frobnicate") != std::string::npos);
}
