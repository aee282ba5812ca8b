// Plans on linear chains and simple branches: steps, order and version-table effects.
#include <catch2/catch.hpp>

#include "graph_fixtures.hpp"
#include "migrate/error.hpp"

using namespace graph_test;
using migrate::graph::apply_steps;
using migrate::graph::Direction;
using migrate::graph::plan_downgrade;
using migrate::graph::plan_to;
using migrate::graph::plan_upgrade;
using migrate::graph::RevisionMap;
using migrate::graph::step_arrow;

namespace {
RevisionMap chain() {
  return RevisionMap({rev("a"), rev("b", {"a"}), rev("c", {"b"}), rev("d", {"c"}), rev("e", {"d"})});
}
}  // namespace

TEST_CASE("linear upgrade from base inserts, then updates", "[graph]") {
  auto map = chain();
  auto steps = plan_upgrade(map, {}, "head");
  CHECK(revisions_of(steps) == Ids{"a", "b", "c", "d", "e"});
  CHECK(effects_of(steps) == Ids{"+a", "-a +b", "-b +c", "-c +d", "-d +e"});
  CHECK(steps[0].direction == Direction::Up);
  CHECK(steps[0].from.empty());
  CHECK(steps[1].from == Ids{"a"});
  CHECK(steps[1].to == Ids{"b"});
  CHECK(step_arrow(steps[0]) == " -> a");
  CHECK(step_arrow(steps[0], "<base>") == "<base> -> a");
  CHECK(step_arrow(steps[1]) == "a -> b");
}

TEST_CASE("linear upgrade from the middle runs only what is missing", "[graph]") {
  auto map = chain();
  CHECK(revisions_of(plan_upgrade(map, {"c"}, "e")) == Ids{"d", "e"});
  CHECK(revisions_of(plan_upgrade(map, {}, "c")) == Ids{"a", "b", "c"});
  CHECK(plan_upgrade(map, {"e"}, "heads").empty());
  CHECK(plan_upgrade(map, {"e"}, "e").empty());
}

TEST_CASE("linear downgrade walks back and deletes the last row at base", "[graph]") {
  auto map = chain();
  auto steps = plan_downgrade(map, {"e"}, "c");
  CHECK(revisions_of(steps) == Ids{"e", "d"});
  CHECK(effects_of(steps) == Ids{"-e +d", "-d +c"});
  CHECK(steps[0].direction == Direction::Down);
  CHECK(steps[0].from == Ids{"e"});
  CHECK(steps[0].to == Ids{"d"});
  CHECK(step_arrow(steps[0]) == "e -> d");

  auto to_base = plan_downgrade(map, {"c"}, "base");
  CHECK(revisions_of(to_base) == Ids{"c", "b", "a"});
  CHECK(effects_of(to_base) == Ids{"-c +b", "-b +a", "-a"});
  CHECK(apply_steps({"c"}, to_base).empty());
}

TEST_CASE("downgrading to the current head or at base does nothing", "[graph]") {
  auto map = chain();
  CHECK(plan_downgrade(map, {"e"}, "e").empty());
  CHECK(plan_downgrade(map, {"a"}, "a").empty());
  CHECK(plan_downgrade(map, {}, "base").empty());
}

TEST_CASE("wrongly directed targets are refused with Alembic's message", "[graph]") {
  auto map = chain();
  CHECK_THROWS_WITH(plan_downgrade(map, {"b"}, "c"),
                    "Destination c is not a valid downgrade target from current head(s)");
  CHECK_THROWS_WITH(plan_downgrade(map, {}, "b"),
                    "Destination b is not a valid downgrade target from current head(s)");
  // An upgrade to a revision already applied is nothing to do, as in Alembic (deploy
  // scripts rerun `upgrade REV`).
  CHECK(plan_upgrade(map, {"d"}, "b").empty());
}

TEST_CASE("relative moves on a chain", "[graph]") {
  auto map = chain();
  CHECK(revisions_of(plan_upgrade(map, {"a"}, "+2")) == Ids{"b", "c"});
  CHECK(revisions_of(plan_upgrade(map, {"a"}, "+1")) == Ids{"b"});
  CHECK(revisions_of(plan_upgrade(map, {"b"}, "+3")) == Ids{"c", "d", "e"});
  CHECK(revisions_of(plan_upgrade(map, {"a"}, "b+2")) == Ids{"b", "c", "d"});
  CHECK(revisions_of(plan_upgrade(map, {"a"}, "d-2")) == Ids{"b"});
  CHECK(revisions_of(plan_upgrade(map, {}, "+1")) == Ids{"a"});
  CHECK_THROWS_WITH(plan_upgrade(map, {"b"}, "-2"), "Relative revision -2 didn't produce 2 migrations");
  CHECK_THROWS_WITH(plan_upgrade(map, {"b"}, "+5"), "Relative revision +5 didn't produce 5 migrations");

  CHECK(revisions_of(plan_downgrade(map, {"c"}, "-1")) == Ids{"c"});
  CHECK(revisions_of(plan_downgrade(map, {"e"}, "-3")) == Ids{"e", "d", "c"});
  CHECK(revisions_of(plan_downgrade(map, {"d"}, "a+2")) == Ids{"d"});
  CHECK(revisions_of(plan_downgrade(map, {"d"}, "c-2")) == Ids{"d", "c", "b"});
  CHECK(revisions_of(plan_downgrade(map, {"b"}, "-2")) == Ids{"b", "a"});
  CHECK_THROWS_WITH(plan_downgrade(map, {"b"}, "-5"),
                    "Relative revision -5 didn't produce 5 migrations: the database is only 2 revisions above base");
  CHECK_THROWS_WITH(plan_downgrade(map, {"b"}, "+2"), "Relative revision +2 didn't produce 2 migrations");
  CHECK_THROWS_WITH(plan_downgrade(map, {}, "-1"),
                    "Relative revision -1 didn't produce 1 migrations: the database is already at base");
}

TEST_CASE("upgrading a branched graph to heads inserts a row at the branch point", "[graph]") {
  auto map = branched_path();
  auto steps = plan_upgrade(map, {}, "heads");
  // Alembic's order: the downgrade order reversed, so the branch listed first goes last.
  CHECK(revisions_of(steps) == Ids{"a", "b", "c2", "d2", "c1", "d1"});
  CHECK(effects_of(steps) == Ids{"+a", "-a +b", "-b +c2", "-c2 +d2", "+c1", "-c1 +d1"});
  CHECK(apply_steps({}, steps) == Ids{"d1", "d2"});
}

TEST_CASE("'head' is ambiguous on a branched graph, label@head is not", "[graph]") {
  auto map = branched_path();
  CHECK_THROWS_WITH(plan_upgrade(map, {}, "head"),
                    "Multiple head revisions are present for given argument 'head'; please specify "
                    "a specific target revision, '<branchname>@head' to narrow to a specific head, "
                    "or 'heads' for all heads");
  auto steps = plan_upgrade(map, {"b"}, "c2branch@head");
  CHECK(revisions_of(steps) == Ids{"c2", "d2"});
  CHECK(effects_of(steps) == Ids{"-b +c2", "-c2 +d2"});
  auto other = plan_upgrade(map, {"d2"}, "c1branch@head");
  CHECK(revisions_of(other) == Ids{"c1", "d1"});
  CHECK(effects_of(other) == Ids{"+c1", "-c1 +d1"});
}

TEST_CASE("downgrading one branch keeps the other, to the branch point deletes a row", "[graph]") {
  auto map = branched_path();
  auto steps = plan_downgrade(map, {"d1", "d2"}, "c1branch@b");
  CHECK(revisions_of(steps) == Ids{"d1", "c1"});
  CHECK(effects_of(steps) == Ids{"-d1 +c1", "-c1"});
  CHECK(apply_steps({"d1", "d2"}, steps) == Ids{"d2"});

  auto both = plan_downgrade(map, {"d1", "d2"}, "b");
  CHECK(revisions_of(both) == Ids{"d1", "c1", "d2", "c2"});
  CHECK(apply_steps({"d1", "d2"}, both) == Ids{"b"});

  auto all = plan_downgrade(map, {"d1", "d2"}, "base");
  CHECK(apply_steps({"d1", "d2"}, all).empty());
  CHECK(revisions_of(all) == Ids{"d1", "c1", "d2", "c2", "b", "a"});
}

TEST_CASE("plan_to goes up or down, whichever reaches the target", "[graph]") {
  auto map = chain();
  CHECK(revisions_of(plan_to(map, {"b"}, "d")) == Ids{"c", "d"});
  CHECK(plan_to(map, {"d"}, "b").front().direction == Direction::Down);
  CHECK(revisions_of(plan_to(map, {"d"}, "b")) == Ids{"d", "c"});
  CHECK(plan_to(map, {"d"}, "d").empty());
  CHECK(revisions_of(plan_to(map, {"b"}, "base")) == Ids{"b", "a"});
  CHECK(revisions_of(plan_to(map, {"b"}, "-1")) == Ids{"b"});
}

TEST_CASE("current rows must exist", "[graph]") {
  auto map = chain();
  CHECK_THROWS_WITH(plan_upgrade(map, {"zz"}, "heads"), "Can't locate revision identified by 'zz'");
}
