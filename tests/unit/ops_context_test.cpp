// What a revision body can read from `op` besides recording: -x arguments and --tag.
#include <catch2/catch.hpp>

#include <migrate/ops.hpp>

TEST_CASE("op carries the -x arguments and the --tag of the run", "[ops][context]") {
  migrate::Ops op({{"tenant", "acme"}}, "release-42");
  CHECK(op.x_arguments().at("tenant") == "acme");
  CHECK(op.tag() == "release-42");
  CHECK(migrate::Ops().tag().empty());
}
