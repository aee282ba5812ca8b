// The version table after each command exactly as Alembic 1.8 leaves it: rows with
// cross-branch dependencies, stamps from partly applied graphs, upgrades to applied targets
// or other branches, and the history ranges Alembic refuses. Expectations from running
// Debian's alembic 1.8.1 on the same graphs (and from its tests/test_version_traversal.py
// and test_revision.py where they have them).
#include <catch2/catch.hpp>

#include "graph_fixtures.hpp"
#include "migrate/error.hpp"
#include "migrate/graph/history.hpp"
#include "migrate/graph/stamp.hpp"
#include "migrate/graph/target_resolver.hpp"

using namespace graph_test;
using migrate::graph::apply_steps;
using migrate::graph::plan_downgrade;
using migrate::graph::plan_stamp;
using migrate::graph::plan_upgrade;
using migrate::graph::RevisionMap;

namespace {

Ids up(const RevisionMap& map, const Ids& rows, const std::string& target) {
  return apply_steps(rows, plan_upgrade(map, rows, target));
}
Ids down(const RevisionMap& map, const Ids& rows, const std::string& target) {
  return apply_steps(rows, plan_downgrade(map, rows, target));
}
Ids stamp(const RevisionMap& map, const Ids& rows, const Ids& targets, bool purge = false) {
  return apply_steps(rows, plan_stamp(map, rows, targets, purge));
}
// What `current` lists (Alembic's get_all_current).
Ids current(const RevisionMap& map, const Ids& rows) {
  std::vector<RevisionMap::Index> idx;
  for (const auto& r : rows) idx.push_back(map.index_of(r));
  Ids out;
  for (auto i : migrate::graph::all_current_tips(map, idx)) out.push_back(map.id(i));
  return out;
}

// b1 builds on a1 and depends on x1, another root.
RevisionMap cross_root() { return RevisionMap({rev("a1"), rev("x1"), rev("b1", {"a1"}, {}, {"x1"})}); }


}  // namespace

TEST_CASE("a dependency on another root: merged into the dependent's row, listed by current", "[graph][rows]") {
  auto map = cross_root();
  auto all = up(map, {}, "heads");
  CHECK(all == Ids{"b1"});                   // both rows were present when b1 ran: a merge
  CHECK(current(map, all) == Ids{"b1", "x1"});  // x1 is the head of its own line
  CHECK(down(map, all, "a1") == Ids{"a1", "x1"});  // the downgrade re-inserts both rows
  CHECK(down(map, {"a1", "x1"}, "base").empty());
}

TEST_CASE("two independent revisions upgraded in turn, then the one depending on both", "[graph][rows]") {
  auto map = cross_root();
  auto rows = up(map, {}, "x1");
  CHECK(rows == Ids{"x1"});
  rows = up(map, rows, "a1");
  CHECK(rows == Ids{"a1", "x1"});
  rows = up(map, rows, "b1");
  CHECK(rows == Ids{"b1"});
  CHECK(plan_upgrade(map, rows, "b1").empty());  // already there: nothing to do
  CHECK_THROWS_WITH(plan_downgrade(map, rows, "x1"),
                    "Destination x1 is not a valid downgrade target from current head(s)");
}

TEST_CASE("a dependency another row covers is no row of the dependent's step", "[graph][rows]") {
  // c builds on b and depends on x; y (on x) already covers x.
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("x"), rev("y", {"x"}), rev("c", {"b"}, {}, {"x"})});
  auto rows = up(map, {"b", "y"}, "c");
  CHECK(rows == Ids{"c", "y"});  // only b's row is replaced
  rows = down(map, rows, "b");
  CHECK(rows == Ids{"b", "y"});  // x stays covered by y: not re-inserted
  CHECK(down(map, rows, "base").empty());
}

TEST_CASE("a dependency named by label, and upgrades onto another branch", "[graph][rows]") {
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c", {"a"}, {"cl"}), rev("d", {"b"}, {}, {"cl"})});
  auto rows = up(map, {"b"}, "c");  // c is on another branch than the current head: upgrade it
  CHECK(rows == Ids{"b", "c"});
  rows = up(map, rows, "d");
  CHECK(rows == Ids{"d"});
  CHECK(up(map, rows, "d") == Ids{"d"});
  rows = down(map, rows, "b");
  CHECK(rows == Ids{"b", "c"});
  CHECK(plan_upgrade(map, rows, "b").empty());  // applied already, and below nothing: no error
  CHECK(plan_upgrade(map, rows, "cl@head").empty());
  CHECK(plan_upgrade(map, {"d"}, "a").empty());  // below the current head: nothing to do either
}

TEST_CASE("where Alembic's bookkeeping fails, the plan fails before anything runs", "[graph][rows]") {
  // m merges p and q and depends on s (on q): when m runs, q's row is already gone (s
  // replaced it) yet Alembic deletes it too (KeyError in HeadMaintainer).
  RevisionMap map({rev("p"), rev("q"), rev("s", {"q"}), rev("m", {"p", "q"}, {}, {"s"})});
  CHECK_THROWS_WITH(plan_upgrade(map, {}, "heads"), Catch::StartsWith("Can't upgrade m: it would delete the row of q"));
  CHECK_THROWS_AS(plan_upgrade(map, {}, "heads"), migrate::RevisionError);
}

TEST_CASE("alembic stamps from a partly applied branched graph", "[graph][rows][stamp]") {
  auto map = branched_path();
  // test_stamp_down_across_multiple_branch_to_branchpoint: delete d1, update c2 to b.
  CHECK(stamp(map, {"d1", "c2"}, {"b"}) == Ids{"b"});
  // test_stamp_to_labeled_base_multiple_heads: only the c1branch row goes.
  CHECK(stamp(map, {"d1", "c2"}, {"c1branch@base"}) == Ids{"c2"});
  // test_stamp_to_labeled_head_multiple_heads: the c1branch row stays.
  CHECK(stamp(map, {"d1", "c2"}, {"c2branch@head"}) == Ids{"d1", "d2"});
  // test_stamp_to_base (RevisionPathTest)
  CHECK(stamp(map, {"d1"}, {"base"}).empty());
  // `stamp heads` from {d1, c2}: d1 is a head already; d2 lies above c2, and Alembic moves
  // every row concerned into d2 in one step, so only d2 is left.
  CHECK(stamp(map, {"d1", "c2"}, {"heads"}) == Ids{"d2"});
  CHECK(stamp(map, {"b"}, {"heads"}) == Ids{"d1", "d2"});
  CHECK(stamp(map, {"c1"}, {"d2"}) == Ids{"c1", "d2"});  // another line: a new row
  CHECK(stamp(map, {"d1", "d2"}, {"c1"}) == Ids{"c1", "d2"});
  CHECK(stamp(map, {"d1", "c2"}, {"a"}, true) == Ids{"a"});
  CHECK(plan_stamp(map, {"d1", "c2"}, {"d1"}, false).empty());
}

TEST_CASE("a stamp between rows below and above its destination fails, as in Alembic", "[graph][rows][stamp]") {
  // Rows {a, c}: a lies below b, and c depends on b. Alembic asserts; --purge gets out.
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c", {}, {}, {"b"})});
  CHECK_THROWS_WITH(plan_stamp(map, {"a", "c"}, {"b"}, false),
                    Catch::StartsWith("Can't stamp b: the version table holds revisions both above and below it"));
  CHECK(stamp(map, {"a", "c"}, {"b"}, true) == Ids{"b"});
}

TEST_CASE("alembic DependsOnBranchTestOne: stamping across a dependency", "[graph][rows][stamp]") {
  RevisionMap map({rev("a1", {}, {"lib1"}), rev("b1", {"a1"}), rev("c1", {"b1"}), rev("a2"), rev("b2", {"a2"}),
                   rev("c2", {"b2"}, {}, {"c1"}), rev("d1", {"c1"}), rev("e1", {"d1"}), rev("f1", {"e1"})});
  CHECK(stamp(map, {"e1", "c2"}, {"b1"}) == Ids{"b1"});
  // test_downgrade_to_dependency
  CHECK(down(map, {"c2", "d1"}, "c1") == Ids{"c2"});
}

TEST_CASE("alembic history ranges: inclusive of both ends, refused where Alembic refuses", "[graph][history]") {
  // Alembic's iterate_revisions(upper, lower, inclusive=True) is `history -r lower:upper`;
  // with inclusive=False (what an upgrade from `lower` runs) the lower end is left out.
  auto map = branched_path();
  using migrate::graph::history;
  CHECK(history(map, "b", "d1") == Ids{"d1", "c1", "b"});
  CHECK(plan_upgrade(map, {"b"}, "d1").size() == 2);  // inclusive=False: c1, d1
  CHECK(revisions_of(plan_upgrade(map, {"b"}, "d1")) == Ids{"c1", "d1"});
  CHECK(history(map, "b", "heads") == Ids{"d1", "c1", "d2", "c2", "b"});
  CHECK(revisions_of(plan_upgrade(map, {"b"}, "heads")) == Ids{"c2", "d2", "c1", "d1"});
  // Backwards: RangeNotAncestorError, as in Alembic.
  CHECK_THROWS_WITH(history(map, "d1", "b"), Catch::StartsWith("Requested range d1:b does not refer"));
  CHECK_THROWS_WITH(history(map, "c2", "d1"), Catch::StartsWith("Requested range c2:d1 does not refer"));
  // A lower end reached only through a dependency: Alembic's sort fails (AssertionError).
  RevisionMap dep({rev("a"), rev("p", {"a"}), rev("q", {"a"}), rev("r", {"q"}, {}, {"p"})});
  CHECK_THROWS_WITH(history(dep, "p", "r"), Catch::StartsWith("Requested range p:r does not refer"));
  CHECK(history(dep, "a", "r") == Ids{"r", "q", "p", "a"});
  CHECK(history(dep, "q", "r") == Ids{"r", "q"});
}
