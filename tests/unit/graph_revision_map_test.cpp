// RevisionMap: loading, validation errors (Alembic's wording) and basic queries.
#include <catch2/catch.hpp>

#include "graph_fixtures.hpp"
#include "migrate/error.hpp"

using namespace graph_test;
using migrate::RevisionError;
using migrate::graph::RevisionMap;

TEST_CASE("a linear chain has one head and one base, whatever the input order", "[graph]") {
  RevisionMap map({rev("c", {"b"}), rev("a"), rev("b", {"a"})});
  CHECK(map.heads() == Ids{"c"});
  CHECK(map.bases() == Ids{"a"});
  CHECK(map.revisions().size() == 3);
  CHECK(map.revisions().front().id == "a");
  CHECK(map.contains("b"));
  CHECK_FALSE(map.contains("d"));
  CHECK(map.get("b").down_revisions == Ids{"a"});
  CHECK_THROWS_WITH(map.get("zz"), "Can't locate revision identified by 'zz'");
}

TEST_CASE("an empty map has no heads and no bases", "[graph]") {
  RevisionMap map({});
  CHECK(map.heads().empty());
  CHECK(map.bases().empty());
}

TEST_CASE("branches, merges and a forest give several heads and bases", "[graph]") {
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c1", {"b"}), rev("c2", {"b"}),
                   rev("m", {"c1", "c2"}), rev("x"), rev("y", {"x"})});
  CHECK(map.heads() == Ids{"m", "y"});
  CHECK(map.bases() == Ids{"a", "x"});
  auto b = *map.find("b");
  CHECK(map.is_branch_point(b));
  CHECK(map.is_merge_point(*map.find("m")));
}

TEST_CASE("a dependency makes its target a non-head but not a base of the dependent", "[graph]") {
  RevisionMap map({rev("a1", {}, {"a"}), rev("b1", {}, {"b"}), rev("b2", {"b1"}, {}, {"a"})});
  CHECK(map.heads() == Ids{"b2"});
  CHECK(map.down_heads() == Ids{"a1", "b2"});
  CHECK(map.bases() == Ids{"a1", "b1"});
  auto b2 = *map.find("b2");
  REQUIRE(map.parents(b2).size() == 2);
  CHECK(map.id(map.parents(b2)[0]) == "b1");
  CHECK(map.id(map.parents(b2)[1]) == "a1");
}

TEST_CASE("validation errors name the revisions involved", "[graph]") {
  SECTION("duplicate id") {
    CHECK_THROWS_AS(RevisionMap({rev("a"), rev("a")}), RevisionError);
    CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("a")}), "Revision a is present more than once");
  }
  SECTION("unknown down revision") {
    CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"zz"})}),
                      "Revision zz referenced from b is not present");
  }
  SECTION("unknown dependency") {
    CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"a"}, {}, {"nope"})}),
                      "Revision nope referenced from b is not present");
  }
  SECTION("cycle lists exactly the revisions in it, not those hanging below") {
    CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"a", "d"}), rev("c", {"b"}),
                                   rev("d", {"c"}), rev("e", {"d"})}),
                      "Cycle is detected in revisions (b, c, d)");
  }
  SECTION("a cycle with no base at all") {
    CHECK_THROWS_WITH(RevisionMap({rev("a", {"b"}), rev("b", {"a"})}),
                      "Cycle is detected in revisions (a, b)");
  }
  SECTION("self loops") {
    CHECK_THROWS_WITH(RevisionMap({rev("a", {"a"})}), "Self-loop is detected in revisions (a)");
    CHECK_THROWS_WITH(RevisionMap({rev("a", {}, {}, {"a"})}),
                      "Dependency self-loop is detected in revisions (a)");
  }
  SECTION("dependency cycle") {
    CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"a"}, {}, {"c"}), rev("c", {"b"})}),
                      "Dependency cycle is detected in revisions (b, c)");
  }
  SECTION("branch label used twice") {
    CHECK_THROWS_WITH(RevisionMap({rev("a", {}, {"x"}), rev("b", {"a"}, {"x"})}),
                      "Branch name 'x' in revision b already used by revision a");
  }
  SECTION("label equal to a revision id") {
    CHECK_THROWS_WITH(RevisionMap({rev("a"), rev("b", {"a"}, {"a"})}),
                      "Branch name 'a' in revision b already used by revision a");
  }
  SECTION("ids the target grammar could not name") {
    CHECK_THROWS_WITH(RevisionMap({rev("a-b")}),
                      "Character(s) '-' not allowed in revision identifier 'a-b'");
    CHECK_THROWS_WITH(RevisionMap({rev("a@b+c")}),
                      "Character(s) '+, @' not allowed in revision identifier 'a@b+c'");
    CHECK_THROWS_WITH(RevisionMap({rev(std::string(33, 'f'))}),
                      "Revision identifier '" + std::string(33, 'f') + "' is longer than 32 characters");
    CHECK_THROWS_AS(RevisionMap({rev("head")}), RevisionError);
  }
}

TEST_CASE("ids of any length up to 32 characters load", "[graph]") {
  RevisionMap map({rev("1975ea83b7"), rev("1975ea83b71", {"1975ea83b7"}),
                   rev(std::string(32, 'a'), {"1975ea83b71"}), rev("init_schema")});
  CHECK(map.heads() == Ids{std::string(32, 'a'), "init_schema"});
}
