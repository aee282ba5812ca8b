// Ported from Alembic's tests/test_version_traversal.py: plans and their version-table effects.
#include <catch2/catch.hpp>

#include <set>

#include "graph_fixtures.hpp"
#include "migrate/error.hpp"

using namespace graph_test;
using migrate::graph::apply_steps;
using migrate::graph::plan_downgrade;
using migrate::graph::plan_upgrade;
using migrate::graph::RevisionMap;

namespace {
Ids sorted(Ids v) {
  std::sort(v.begin(), v.end());
  return v;
}
}  // namespace

TEST_CASE("alembic BranchedPathTest: upgrades and downgrades across two labelled branches", "[graph]") {
  auto map = branched_path();
  auto up = plan_upgrade(map, {"b"}, "d1");
  CHECK(revisions_of(up) == Ids{"c1", "d1"});
  CHECK(apply_steps({"b"}, up) == Ids{"d1"});

  auto multi = plan_upgrade(map, {"a"}, "heads");
  CHECK(revisions_of(multi) == Ids{"b", "c2", "d2", "c1", "d1"});
  CHECK(apply_steps({"a"}, multi) == Ids{"d1", "d2"});

  auto down = plan_downgrade(map, {"d1", "d2"}, "a");
  CHECK(revisions_of(down) == Ids{"d1", "c1", "d2", "c2", "b"});
  CHECK(effects_of(down) == Ids{"-d1 +c1", "-c1", "-d2 +c2", "-c2 +b", "-b +a"});

  CHECK(revisions_of(plan_upgrade(map, {"b"}, "c2branch@head-1")) == Ids{"c2"});
  CHECK(revisions_of(plan_downgrade(map, {"d2", "d1"}, "base+2")) == Ids{"d1", "c1", "d2", "c2"});

  auto branch_plus2 = plan_downgrade(map, {"d2", "d1"}, "c2branch@base+2");
  CHECK(revisions_of(branch_plus2) == Ids{"d2", "c2"});
  CHECK(apply_steps({"d2", "d1"}, branch_plus2) == Ids{"d1"});
  CHECK(apply_steps({"d2", "d1"}, plan_downgrade(map, {"d2", "d1"}, "c2")) == Ids{"c2", "d1"});
  CHECK(apply_steps({"d2", "d1"}, plan_downgrade(map, {"d2", "d1"}, "c2branch@base+3")) == Ids{"c2", "d1"});

  auto labelled = plan_downgrade(map, {"d1", "d2"}, "c1branch@-1");
  CHECK(revisions_of(labelled) == Ids{"d1"});
  CHECK(apply_steps({"d1", "d2"}, labelled) == Ids{"c1", "d2"});
  CHECK(apply_steps({"d2", "c1"}, plan_downgrade(map, {"d2", "c1"}, "d2-1")) == Ids{"c1", "c2"});
  CHECK(apply_steps({"c1", "d2"}, plan_downgrade(map, {"c1", "d2"}, "c1branch@b")) == Ids{"d2"});
  CHECK(revisions_of(plan_downgrade(map, {"c1", "d2"}, "c2branch@b")) == Ids{"d2", "c2"});
  CHECK(revisions_of(plan_downgrade(map, {"d1", "d2"}, "c2@b")) == Ids{"d2", "c2"});
  CHECK(revisions_of(plan_downgrade(map, {"d1", "d2"}, "d1@b")) == Ids{"d1", "c1"});
  CHECK(revisions_of(plan_downgrade(map, {"d1", "d2"}, "c1branch@head-1")) == Ids{"d1"});

  auto other = plan_upgrade(map, {"c1"}, "c2branch@+1");
  CHECK(revisions_of(other) == Ids{"c2"});
  CHECK(apply_steps({"c1"}, other) == Ids{"c1", "c2"});
  CHECK(apply_steps({"c1", "c2"}, plan_upgrade(map, {"c1", "c2"}, "c2branch@+1")) == Ids{"c1", "d2"});
  CHECK_THROWS_WITH(plan_upgrade(map, {"c1", "c2"}, "+1"),
                    Catch::StartsWith("Ambiguous upgrade from multiple current revisions"));
  CHECK(revisions_of(plan_upgrade(map, {}, "base+1")) == Ids{"a"});
  CHECK(revisions_of(plan_upgrade(map, {}, "+1")) == Ids{"a"});
  CHECK(effects_of(plan_downgrade(map, {"a"}, "-1")) == Ids{"-a"});
  CHECK_THROWS_WITH(plan_downgrade(map, {}, "-1"),
                    "Relative revision -1 didn't produce 1 migrations: the database is already at base");
  CHECK(plan_downgrade(map, {"d1", "c2"}, "c2").empty());
  CHECK(plan_downgrade(map, {"d1", "c2"}, "d1").empty());
}

TEST_CASE("downgrade -1 from several heads is refused rather than guessed", "[graph]") {
  // Alembic warns and picks the first row the database returns; that order is arbitrary.
  auto map = branched_path();
  CHECK_THROWS_WITH(plan_downgrade(map, {"d2", "d1"}, "-1"),
                    Catch::StartsWith("Relative downgrade -1 from multiple heads (d1, d2) is ambiguous"));
}

TEST_CASE("alembic BranchFromMergepointTest: a merge point and a branch off one side", "[graph]") {
  RevisionMap map({rev("a1"), rev("b1", {"a1"}), rev("c1", {"b1"}), rev("a2"), rev("b2", {"a2"}),
                   rev("c2", {"b2"}), rev("d1", {"c1", "c2"}), rev("d2", {"c2"})});
  auto up = plan_upgrade(map, {"d2", "b1"}, "d1");
  CHECK(revisions_of(up) == Ids{"c1", "d1"});
  CHECK(apply_steps({"d2", "b1"}, up) == Ids{"d1", "d2"});
  auto down = plan_downgrade(map, {"d2", "d1"}, "b1");
  CHECK(revisions_of(down) == Ids{"d1", "c1"});
  CHECK(effects_of(down) == Ids{"-d1 +c1", "-c1 +b1"});
  CHECK(apply_steps({"d2", "d1"}, down) == Ids{"b1", "d2"});
}

TEST_CASE("alembic BranchFrom3WayMergepointTest: merging two sides at once", "[graph]") {
  RevisionMap map({rev("a1"), rev("b1", {"a1"}), rev("c1", {"b1"}), rev("a2"), rev("b2", {"a2"}),
                   rev("c2", {"b2"}), rev("a3"), rev("b3", {"a3"}), rev("c3", {"b3"}),
                   rev("d1", {"c1", "c2", "c3"}), rev("d2", {"c2"}), rev("d3", {"c3"})});
  auto one = plan_upgrade(map, {"d3", "d2", "b1"}, "d1");
  CHECK(revisions_of(one) == Ids{"c1", "d1"});
  CHECK(apply_steps({"d3", "d2", "b1"}, one) == Ids{"d1", "d2", "d3"});
  CHECK(apply_steps({"d3", "d2", "d1"}, plan_downgrade(map, {"d3", "d2", "d1"}, "b1")) == Ids{"b1", "d2", "d3"});
  auto two = plan_upgrade(map, {"d3", "b2", "b1"}, "d1");
  CHECK(sorted(revisions_of(two)) == Ids{"c1", "c2", "d1"});
  CHECK(apply_steps({"d3", "b2", "b1"}, two) == Ids{"d1", "d3"});
  auto again = plan_upgrade(map, {"d3", "d1"}, "d2");
  CHECK(revisions_of(again) == Ids{"d2"});
  CHECK(effects_of(again) == Ids{"+d2"});  // c2 is implied by d1, so d2 breaks out as a new row
}

TEST_CASE("alembic TwinMergeTest and NotQuiteTwinMergeTest: the table after every step", "[graph]") {
  auto run = [](const RevisionMap& map) {
    std::vector<Ids> tables;
    Ids table{"a"};
    for (const auto& s : plan_upgrade(map, {"a"}, "heads")) {
      table = apply_steps(table, {s});
      tables.push_back(table);
    }
    return tables;
  };
  RevisionMap twin({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("b3", {"a"}),
                    rev("c1", {"b1", "b2", "b3"}), rev("c2", {"b1", "b2", "b3"}), rev("d1", {"c1"}),
                    rev("d2", {"c2"})});
  CHECK(run(twin) == std::vector<Ids>{{"b3"}, {"b2", "b3"}, {"b1", "b2", "b3"}, {"c2"}, {"d2"},
                                       {"c1", "d2"}, {"d1", "d2"}});
  RevisionMap not_quite({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("b3", {"a"}),
                         rev("c1", {"b1", "b2"}), rev("c2", {"b2", "b3"}), rev("d1", {"c1"}),
                         rev("d2", {"c2"})});
  auto tables = run(not_quite);
  CHECK(tables.back() == Ids{"d1", "d2"});
  CHECK(tables.size() == 7);
  // and back down again to a, the exact reverse
  auto down = plan_downgrade(not_quite, {"d1", "d2"}, "a");
  CHECK(apply_steps({"d1", "d2"}, down) == Ids{"a"});
}

TEST_CASE("alembic DependsOnBranchTestOne: downgrading onto a dependency", "[graph]") {
  RevisionMap map({rev("a1", {}, {"lib1"}), rev("b1", {"a1"}), rev("c1", {"b1"}), rev("a2"),
                   rev("b2", {"a2"}), rev("c2", {"b2"}, {}, {"c1"}), rev("d1", {"c1"}),
                   rev("e1", {"d1"}), rev("f1", {"e1"})});
  auto down = plan_downgrade(map, {"c2", "d1"}, "c1");
  CHECK(revisions_of(down) == Ids{"d1"});
  CHECK(effects_of(down) == Ids{"-d1"});  // c1 stays implied by c2
  CHECK(apply_steps({"c2", "d1"}, down) == Ids{"c2"});
  // Downgrading what c2 depends on takes c2 down first.
  auto deeper = plan_downgrade(map, {"c2", "d1"}, "b1");
  CHECK(revisions_of(deeper) == Ids{"c2", "d1", "c1"});
  CHECK(apply_steps({"c2", "d1"}, deeper) == Ids{"b1", "b2"});
  // Upgrading c2 from nothing pulls in its dependency's whole line.
  auto up = plan_upgrade(map, {}, "c2");
  CHECK(revisions_of(up) == Ids{"a1", "b1", "c1", "a2", "b2", "c2"});
  CHECK(apply_steps({}, up) == Ids{"c2"});
}

TEST_CASE("alembic DependsOnBranchTestTwo: a dependency onto three merges", "[graph]") {
  RevisionMap map({rev("a1"), rev("a2"), rev("a3"), rev("amerge", {"a1", "a2", "a3"}), rev("b1"),
                   rev("b2"), rev("bmerge", {"b1", "b2"}), rev("c1"), rev("c2"), rev("c3"),
                   rev("cmerge", {"c1", "c2", "c3"}), rev("d1", {}, {}, {"a3", "b2", "c1"})});
  Ids heads{"amerge", "bmerge", "cmerge", "d1"};
  auto kaboom = plan_downgrade(map, heads, "b2");
  CHECK(revisions_of(kaboom) == Ids{"bmerge"});
  CHECK(apply_steps(heads, kaboom) == Ids{"amerge", "b1", "cmerge", "d1"});
  Ids after{"amerge", "b1", "cmerge", "d1"};
  auto d1_base = plan_downgrade(map, after, "d1@base");
  CHECK(revisions_of(d1_base) == Ids{"d1"});
  CHECK(apply_steps(after, d1_base) == Ids{"amerge", "b1", "b2", "cmerge"});
  auto all = plan_upgrade(map, {}, "heads");
  CHECK(apply_steps({}, all) == Ids{"amerge", "bmerge", "cmerge", "d1"});
}

TEST_CASE("alembic MultipleBaseCrossDependencyTestOne: downgrades take dependents first", "[graph]") {
  RevisionMap map({rev("base1", {}, {"b_1"}), rev("a1a", {"base1"}), rev("a1b", {"base1"}),
                   rev("b1a", {"a1a"}), rev("b1b", {"a1b"}, {}, {"a3"}), rev("base2", {}, {"b_2"}),
                   rev("a2", {"base2"}), rev("b2", {"a2"}), rev("c2", {"b2"}, {}, {"a3"}),
                   rev("d2", {"c2"}), rev("base3", {}, {"b_3"}), rev("a3", {"base3"}), rev("b3", {"a3"})});
  Ids heads = map.heads();
  auto b3_base = plan_downgrade(map, heads, "b_3@base");
  CHECK(sorted(revisions_of(b3_base)) == sorted(Ids{"b1b", "d2", "c2", "b3", "a3", "base3"}));
  CHECK(apply_steps(heads, b3_base) == Ids{"a1b", "b1a", "b2"});
  auto b2_base = plan_downgrade(map, heads, "b_2@base");
  CHECK(revisions_of(b2_base) == Ids{"d2", "c2", "b2", "a2", "base2"});
  CHECK(apply_steps(heads, b2_base) == Ids{"b1a", "b1b", "b3"});
  auto b1b_base = plan_downgrade(map, heads, "b1b@base");
  CHECK(revisions_of(b1b_base) == Ids{"b1a", "a1a", "b1b", "a1b", "base1"});
  auto up = plan_upgrade(map, {}, "b_2@head");
  CHECK(sorted(revisions_of(up)) == sorted(Ids{"d2", "c2", "b2", "a2", "base2", "a3", "base3"}));
  CHECK(apply_steps({}, up) == Ids{"d2"});
}

TEST_CASE("alembic MultipleBranchEffectiveHead: label@-1 uses heads implied by a dependent", "[graph]") {
  RevisionMap map({rev("y1", {}, {"y"}), rev("x1", {}, {"x"}), rev("y2", {"y1"}, {}, {"x1"}), rev("x2", {"x1"})});
  CHECK(revisions_of(plan_downgrade(map, {"x2", "y2"}, "x@-1")) == Ids{"x2"});
  // Rows {x1, y2}, x1 below y2 (Alembic leaves such rows after some merges): read as they
  // are, as Alembic 1.8 does, which takes both down to y1.
  CHECK(apply_steps({"x1", "y2"}, plan_downgrade(map, {"x1", "y2"}, "x@-1")) == Ids{"y1"});
  auto effective = plan_downgrade(map, {"y2"}, "x@-1");
  CHECK(revisions_of(effective) == Ids{"y2", "x1"});
  CHECK(apply_steps({"y2"}, effective) == Ids{"y1"});
  CHECK(map.heads() == Ids{"x2", "y2"});
}

TEST_CASE("a merge revision upgrades by deleting rows and downgrades by re-inserting them", "[graph]") {
  RevisionMap map({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("m", {"b1", "b2"}), rev("n", {"m"})});
  auto up = plan_upgrade(map, {"b1", "b2"}, "heads");
  CHECK(effects_of(up) == Ids{"-b1 -b2 +m", "-m +n"});
  CHECK(up[0].from == Ids{"b1", "b2"});
  CHECK(migrate::graph::step_arrow(up[0]) == "b1, b2 -> m");
  CHECK(revisions_of(plan_downgrade(map, {"n"}, "-1")) == Ids{"n"});
  // Below a merge point "-N" has two ways down: Alembic's "Ambiguous walk", said plainly.
  CHECK_THROWS_WITH(plan_downgrade(map, {"n"}, "-2"), Catch::StartsWith("Ambiguous walk: revision m is a merge point"));
  auto down = plan_downgrade(map, {"n"}, "b1");
  CHECK(effects_of(down) == Ids{"-n +m", "-m +b1 +b2"});
  CHECK(migrate::graph::step_arrow(down[1]) == "m -> b1, b2");
  CHECK(apply_steps({"n"}, down) == Ids{"b1", "b2"});
}

TEST_CASE("overlapping or unknown current rows are refused", "[graph]") {
  auto map = branched_path();
  CHECK_THROWS_WITH(plan_upgrade(map, {"b", "d1"}, "heads"),
                    "Requested revision d1 overlaps with other requested revisions b");
  CHECK_THROWS_WITH(plan_downgrade(map, {"nope"}, "base"), "Can't locate revision identified by 'nope'");
}
