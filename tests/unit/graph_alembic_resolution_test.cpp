// Ported from Alembic's tests/test_revision.py: target resolution, labels, prefixes, history walks.
#include <catch2/catch.hpp>

#include "graph_fixtures.hpp"
#include "migrate/error.hpp"
#include "migrate/graph/history.hpp"
#include "migrate/graph/queries.hpp"
#include "migrate/graph/target_resolver.hpp"

using namespace graph_test;
using migrate::graph::history;
using migrate::graph::history_between;
using migrate::graph::resolve_target;
using migrate::graph::RevisionMap;

namespace {
// LabeledBranchTest: two roots, each labelled.
RevisionMap labeled() {
  return RevisionMap({rev("a", {}, {"abranch"}), rev("b", {"a"}), rev("somelongername", {"b"}),
                      rev("c", {"somelongername"}), rev("d"), rev("e", {"d"}, {"ebranch"}),
                      rev("someothername", {"e"}), rev("f", {"someothername"})});
}
}  // namespace

TEST_CASE("alembic LabeledBranchTest: labels, label@head/base/rev, prefixes", "[graph]") {
  auto map = labeled();
  CHECK(resolve_target(map, "ebranch@head") == Ids{"f"});
  CHECK(resolve_target(map, "abranch@head") == Ids{"c"});
  CHECK(resolve_target(map, "abranch@heads") == Ids{"c"});
  CHECK(resolve_target(map, "abranch@base").empty());
  CHECK(resolve_target(map, "ebranch@d") == Ids{"d"});
  CHECK(resolve_target(map, "ebranch@ebranch") == Ids{"e"});
  CHECK(resolve_target(map, "abranch") == Ids{"a"});
  CHECK(resolve_target(map, "ebranch") == Ids{"e"});
  CHECK(resolve_target(map, "e") == Ids{"e"});
  CHECK(resolve_target(map, "e@d") == Ids{"d"});               // a revision id used as label
  CHECK(resolve_target(map, "someoth@d") == Ids{"d"});         // a prefix used as label
  CHECK(resolve_target(map, "ebranch@some") == Ids{"someothername"});
  CHECK(resolve_target(map, "abranch@some") == Ids{"somelongername"});
  CHECK(resolve_target(map, "heads") == Ids{"c", "f"});
  CHECK(migrate::graph::effective_head(map, "ebranch") == "f");

  CHECK_THROWS_WITH(resolve_target(map, "ebranch@b"), "Revision b is not a member of branch 'ebranch'");
  CHECK_THROWS_WITH(resolve_target(map, "abranch@d"), "Revision d is not a member of branch 'abranch'");
  CHECK_THROWS_WITH(resolve_target(map, "x@d"), "No such branch: 'x'");
  CHECK_THROWS_WITH(resolve_target(map, "abranch@qprstuv"), "Can't locate revision identified by 'qprstuv'");
  CHECK_THROWS_WITH(resolve_target(map, "ebranch@sos"),
                    "Can't locate revision identified by 'sos'; please ensure at least four "
                    "characters are present for partial revision identifier matches");
  CHECK_THROWS_WITH(resolve_target(map, "some"),
                    "Multiple revisions start with 'some': 'somelongername', 'someothername'");
}

TEST_CASE("alembic LabeledBranchTest: history walks by label", "[graph]") {
  auto map = labeled();
  CHECK(history(map, "ebranch@base", "heads") == Ids{"f", "someothername", "e", "d"});
  CHECK(history(map, "abranch@base", "heads") == Ids{"c", "somelongername", "b", "a"});
  CHECK(history(map, "base", "ebranch@head") == Ids{"f", "someothername", "e", "d"});
  CHECK(history(map, "ebranch@head", "heads") == Ids{"f"});
  CHECK(history(map, "ebranch@d", "heads") == Ids{"f", "someothername", "e", "d"});
  CHECK(history(map, "e@base", "heads") == Ids{"f", "someothername", "e", "d"});
  CHECK(history(map, "c@base", "heads") == Ids{"c", "somelongername", "b", "a"});
  CHECK(history(map, "ebranch@-2", "heads") == Ids{"f", "someothername", "e"});
  CHECK(history(map, "base", "ebranch@+2") == Ids{"e", "d"});
}

TEST_CASE("alembic DiamondTest, LongShortBranchTest and an empty map", "[graph]") {
  RevisionMap diamond({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("c", {"b1", "b2"}), rev("d", {"c"})});
  CHECK(history(diamond, "a", "d") == Ids{"d", "c", "b1", "b2", "a"});
  RevisionMap longshort({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("c1", {"b1"}),
                         rev("d11", {"c1"}), rev("d12", {"c1"})});
  CHECK(history(longshort) == Ids{"b2", "d11", "d12", "c1", "b1", "a"});
  RevisionMap empty({});
  CHECK(history(empty, "base", "head").empty());
}

TEST_CASE("alembic MultipleBranchTest: walks from merge points and several heads", "[graph]") {
  RevisionMap map({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("cb1", {"b1"}), rev("cb2", {"b2"}),
                   rev("d1cb1", {"cb1"}), rev("d2cb1", {"cb1"}), rev("d1cb2", {"cb2"}),
                   rev("d2cb2", {"cb2"}), rev("d3cb2", {"cb2"}), rev("d1d2cb2", {"d1cb2", "d2cb2"})});
  CHECK(history(map, "a", "d1d2cb2") == Ids{"d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a"});
  CHECK(history_between(map, {"a"}, {"d2cb2", "d3cb2"}) == Ids{"d2cb2", "d3cb2", "cb2", "b2", "a"});
  CHECK(history(map, "a", "d3cb2") == Ids{"d3cb2", "cb2", "b2", "a"});
  CHECK(history(map, "base", "d3cb2") == Ids{"d3cb2", "cb2", "b2", "a"});
  CHECK(history_between(map, {}, {"d3cb2", "cb1"}) == Ids{"cb1", "b1", "d3cb2", "cb2", "b2", "a"});
  CHECK(history_between(map, {"b2"}, {"d1cb1", "d2cb2", "d3cb2"}) == Ids{"d2cb2", "d3cb2", "cb2", "b2"});
  CHECK(migrate::graph::merge_points(map) == Ids{"d1d2cb2"});
  CHECK(migrate::graph::branch_points(map) == Ids{"a", "cb1", "cb2"});

  const char* wrong = "does not refer to ancestor/descendant revisions along the same branch";
  CHECK_THROWS_WITH(history(map, "d1cb1", "b1"), "Requested range d1cb1:b1 " + std::string(wrong));
  CHECK_THROWS_WITH(history(map, "b1", "d2cb2"), "Requested range b1:d2cb2 " + std::string(wrong));
  CHECK_THROWS_WITH(history(map, "d1cb1", "base"), "Requested range d1cb1:base " + std::string(wrong));
}

TEST_CASE("alembic BranchTravellingTest: finish each line down to where it joins", "[graph]") {
  RevisionMap map({rev("a1"), rev("a2", {"a1"}), rev("a3", {"a2"}), rev("b1", {"a3"}), rev("b2", {"a3"}),
                   rev("cb1", {"b1"}), rev("cb2", {"b2"}), rev("db1", {"cb1"}), rev("db2", {"cb2"}),
                   rev("e1b1", {"db1"}), rev("fe1b1", {"e1b1"}), rev("e2b1", {"db1"}),
                   rev("e2b2", {"db2"}), rev("merge", {"e2b1", "e2b2"})});
  CHECK(history_between(map, {"a3"}, {"merge", "fe1b1"}) ==
        Ids{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3"});
  CHECK(history(map, "a1", "merge") ==
        Ids{"merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"});
  CHECK(history(map, "b1", "merge") == Ids{"merge", "e2b1", "db1", "cb1", "b1"});
  CHECK(history(map, "a2", "merge") ==
        Ids{"merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2"});
  CHECK(history_between(map, {"a1"}, {"merge", "fe1b1"}) ==
        Ids{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"});
  CHECK(history_between(map, {"cb1", "cb2"}, {"merge", "fe1b1"}) ==
        Ids{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2"});
  CHECK_THROWS_WITH(history_between(map, {}, {"db1", "b2", "fe1b1"}),
                    "Requested revision fe1b1 overlaps with other requested revisions db1");
  CHECK(migrate::graph::ancestors(map, "merge").size() == 11);
}

TEST_CASE("alembic MultipleBaseTest: a forest of three roots", "[graph]") {
  RevisionMap map({rev("base1"), rev("base2"), rev("base3"), rev("a1a", {"base1"}), rev("a1b", {"base1"}),
                   rev("a2", {"base2"}), rev("a3", {"base3"}), rev("b1a", {"a1a"}), rev("b1b", {"a1b"}),
                   rev("b2", {"a2"}), rev("b3", {"a3"}), rev("c2", {"b2"}), rev("d2", {"c2"}),
                   rev("mergeb3d2", {"b3", "d2"})});
  const Ids all{"b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3",
                "d2", "c2", "b2", "a2", "base2"};
  CHECK(history(map, "base", "heads") == all);
  CHECK(history(map) == all);
  CHECK(history(map, "base3", "b3") == Ids{"b3", "a3", "base3"});
  CHECK(history(map, "c2", "heads") == Ids{"mergeb3d2", "d2", "c2"});
  CHECK_THROWS_WITH(history_between(map, {"a2", "b2"}, {"c2"}),
                    "Requested revision b2 overlaps with other requested revisions a2");
  CHECK(map.bases() == Ids{"base1", "base2", "base3"});
}

TEST_CASE("alembic MultipleBaseCrossDependencyTestOne: dependencies across roots", "[graph]") {
  RevisionMap map({rev("base1", {}, {"b_1"}), rev("a1a", {"base1"}), rev("a1b", {"base1"}),
                   rev("b1a", {"a1a"}), rev("b1b", {"a1b"}, {}, {"a3"}), rev("base2", {}, {"b_2"}),
                   rev("a2", {"base2"}), rev("b2", {"a2"}), rev("c2", {"b2"}, {}, {"a3"}),
                   rev("d2", {"c2"}), rev("base3", {}, {"b_3"}), rev("a3", {"base3"}), rev("b3", {"a3"})});
  CHECK(map.heads() == Ids{"b1a", "b1b", "b3", "d2"});
  auto all = history(map);
  CHECK(all.size() == 13);
  CHECK(history(map, "base", "b_2@head") == Ids{"d2", "c2", "b2", "a2", "base2", "a3", "base3"});
  CHECK(history(map, "base", "b_3@head") == Ids{"b3", "a3", "base3"});
  CHECK(history(map, "base", "b1b@head") == Ids{"b1b", "a1b", "base1", "a3", "base3"});
  CHECK(history(map, "b_2@base", "heads") == Ids{"d2", "c2", "b2", "a2", "base2", "a3", "base3"});
  CHECK(history(map, "b_3@base", "heads") == Ids{"b3", "a3", "base3"});
  CHECK_THROWS_WITH(history(map, "d2", "b2"),
                    "Requested range d2:b2 does not refer to ancestor/descendant revisions along the same branch");
  CHECK_THROWS_WITH(history(map, "d2", "b3"),
                    "Requested range d2:b3 does not refer to ancestor/descendant revisions along the same branch");
}

TEST_CASE("alembic MultipleBaseCrossDependencyTestTwo and Three: a base that depends", "[graph]") {
  RevisionMap map({rev("base1", {}, {"b_1"}), rev("a1", {"base1"}), rev("b1", {"a1"}), rev("c1", {"b1"}),
                   rev("base2", {}, {"b_2"}, {"b_1"}), rev("a2", {"base2"}), rev("b2", {"a2"}),
                   rev("c2", {"b2"}), rev("d2", {"c2"}), rev("base3", {}, {"b_3"}), rev("a3", {"base3"}),
                   rev("b3", {"a3"}), rev("c3", {"b3"}, {}, {"b2"}), rev("d3", {"c3"})});
  CHECK(map.heads() == Ids{"c1", "d2", "d3"});
  CHECK(history(map, "base", "b_2@head") == Ids{"d2", "c2", "b2", "a2", "base2", "base1"});
  CHECK(history(map, "base", "b_3@head") ==
        Ids{"d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"});
  CHECK(history(map, "base", "b_1@head") == Ids{"c1", "b1", "a1", "base1"});
  CHECK(history(map, "b_1@base", "heads") == Ids{"c1", "b1", "a1", "base1"});

  RevisionMap three({rev("base1"), rev("a1", {"base1"}), rev("b1", {"a1"}), rev("c2", {}, {}, {"a1"}),
                     rev("c3", {"c2"})});
  CHECK(history(three) == Ids{"b1", "c3", "c2", "a1", "base1"});
}

TEST_CASE("alembic GraphWithLoopTest: a dependency that repeats the down revision", "[graph]") {
  RevisionMap map({rev("user_foo"), rev("user", {"user_foo"}, {}, {"user_foo"})});
  CHECK(history(map) == Ids{"user", "user_foo"});
  RevisionMap dep_only({rev("user_foo"), rev("user", {}, {}, {"user_foo"})});
  CHECK(history(dep_only) == Ids{"user", "user_foo"});
  CHECK(dep_only.heads() == Ids{"user"});
}

TEST_CASE("alembic GraphWithCycleTest: cycles name their revisions", "[graph]") {
  using migrate::RevisionError;
  CHECK_THROWS_WITH(RevisionMap({rev("a", {"c"}), rev("b", {"a"}), rev("c", {"b"})}),
                    "Cycle is detected in revisions (a, b, c)");
  CHECK_THROWS_WITH(RevisionMap({rev("a", {"c"}), rev("b", {"a"}), rev("c", {"b"}), rev("d"), rev("e", {"d"})}),
                    "Cycle is detected in revisions (a, b, c)");
  CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"a"}), rev("c", {"b", "e"}), rev("d", {"c"}), rev("e", {"d"})}),
                    "Cycle is detected in revisions (c, d, e)");
  CHECK_THROWS_WITH(RevisionMap({rev("a", {}, {}, {"c"}), rev("b", {"a"}), rev("c", {"b"})}),
                    "Dependency cycle is detected in revisions (a, b, c)");
  CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"a"}), rev("c", {"b"}, {}, {"e"}), rev("d", {"c"}), rev("e", {"d"})}),
                    "Dependency cycle is detected in revisions (c, d, e)");
  CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"a", "b"}), rev("c1", {"b"}), rev("c2", {"b"})}),
                    "Self-loop is detected in revisions (b)");
  CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("c", {"b1", "b2"}, {}, {"c"})}),
                    "Dependency self-loop is detected in revisions (c)");
}
