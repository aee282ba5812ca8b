// "did you mean ...?": the ids and labels near a name that matched none, and the messages using them.
#include <catch2/catch.hpp>

#include "graph_fixtures.hpp"
#include "migrate/error.hpp"
#include "migrate/graph/nearest_names.hpp"
#include "migrate/graph/target_resolver.hpp"

using namespace graph_test;
using migrate::graph::did_you_mean;
using migrate::graph::nearest_names;
using migrate::graph::plan_downgrade;
using migrate::graph::plan_upgrade;
using migrate::graph::RevisionMap;

namespace {
RevisionMap project() {
  return RevisionMap({rev("1a2b3c4d5e6f"), rev("8e4f2a6d1c93", {"1a2b3c4d5e6f"}, {"billing"}),
                      rev("c0ffee000001", {"8e4f2a6d1c93"}), rev("3f2a9c1b7d4e", {"1a2b3c4d5e6f"}, {"shipping"})});
}
}  // namespace

TEST_CASE("a mistyped id finds its revision: one character wrong, swapped, missing or extra", "[graph]") {
  auto map = project();
  CHECK(nearest_names(map, "8e4f2a6d1c94") == Ids{"8e4f2a6d1c93"});
  CHECK(nearest_names(map, "8e4f2a6d1c39") == Ids{"8e4f2a6d1c93"});
  CHECK(nearest_names(map, "8e4f2a6d193") == Ids{"8e4f2a6d1c93"});
  CHECK(nearest_names(map, "8e4f2a6d1c933") == Ids{"8e4f2a6d1c93"});
  // A prefix with a typo is compared with the same length of each id.
  CHECK(nearest_names(map, "8e4g") == Ids{"8e4f2a6d1c93"});
  CHECK(nearest_names(map, "8e4f2b") == Ids{"8e4f2a6d1c93"});
}

TEST_CASE("labels are names too, and a short prefix lists what it starts", "[graph]") {
  auto map = project();
  CHECK(nearest_names(map, "biling") == Ids{"billing"});
  CHECK(nearest_names(map, "shiping") == Ids{"shipping"});
  CHECK(nearest_names(map, "c0f") == Ids{"c0ffee000001"});
}

TEST_CASE("nothing near, an empty or an absurdly long name suggest nothing", "[graph]") {
  auto map = project();
  CHECK(nearest_names(map, "zzzzzzzzzzzz").empty());
  CHECK(nearest_names(map, "").empty());
  // Two characters are an edit or two from anything: only what they start counts.
  CHECK(nearest_names(map, "x").empty());
  CHECK(nearest_names(map, "3f") == Ids{"3f2a9c1b7d4e"});
  CHECK(nearest_names(map, "sos").empty());
  CHECK(nearest_names(map, std::string(100000, '8')).empty());
}

TEST_CASE("the nearest come first, at most the limit", "[graph]") {
  RevisionMap map({rev("aaaa0001"), rev("aaaa0002", {"aaaa0001"}), rev("aaaa0012", {"aaaa0002"}),
                   rev("aaaa0003", {"aaaa0012"})});
  CHECK(nearest_names(map, "aaaa0004", 2) == Ids{"aaaa0001", "aaaa0002"});
  CHECK(nearest_names(map, "aaaa0013") == Ids{"aaaa0003", "aaaa0012", "aaaa0001"});
}

TEST_CASE("did_you_mean joins the names as a sentence", "[graph]") {
  CHECK(did_you_mean({}).empty());
  CHECK(did_you_mean({"a"}) == "; did you mean a?");
  CHECK(did_you_mean({"a", "b", "c"}) == "; did you mean a, b or c?");
}

TEST_CASE("an unknown target keeps Alembic's words and offers the nearest ids", "[graph]") {
  auto map = project();
  CHECK_THROWS_WITH(plan_upgrade(map, {}, "8e4f2a6d1c39"),
                    "Can't locate revision identified by '8e4f2a6d1c39'; did you mean 8e4f2a6d1c93?");
  CHECK_THROWS_WITH(plan_upgrade(map, {}, "c0f"),
                    "Can't locate revision identified by 'c0f'; please ensure at least four characters are present "
                    "for partial revision identifier matches; did you mean c0ffee000001?");
  CHECK_THROWS_WITH(plan_upgrade(map, {}, "biling@head"), "No such branch: 'biling'; did you mean billing?");
  CHECK_THROWS_WITH(plan_upgrade(map, {}, "zzzzzzzz"), "Can't locate revision identified by 'zzzzzzzz'");
}

TEST_CASE("downgrade -N past base says how far base is, after Alembic's words", "[graph]") {
  auto map = project();
  CHECK_THROWS_WITH(plan_downgrade(map, {}, "-1"),
                    "Relative revision -1 didn't produce 1 migrations: the database is already at base");
  CHECK_THROWS_WITH(plan_downgrade(map, {"c0ffee000001"}, "-4"),
                    "Relative revision -4 didn't produce 4 migrations: the database is only 3 revisions above base");
  CHECK_THROWS_WITH(plan_downgrade(map, {"1a2b3c4d5e6f"}, "-2"),
                    "Relative revision -2 didn't produce 2 migrations: the database is only 1 revision above base");
}

TEST_CASE("an ambiguous walk or relative step lists what to name instead", "[graph]") {
  RevisionMap map({rev("a"), rev("b1", {"a"}), rev("b2", {"a"}), rev("m", {"b1", "b2"}), rev("n", {"m"})});
  CHECK_THROWS_WITH(plan_downgrade(map, {"n"}, "-2"),
                    "Ambiguous walk: revision m is a merge point; name the revision to go down to instead: b1, b2");
  CHECK_THROWS_WITH(plan_upgrade(map, {"a"}, "+1"),
                    "Ambiguous walk: revision a is followed by several revisions; name one instead: b1, b2 (or "
                    "narrow with '<branchname>@+N')");
  CHECK_THROWS_WITH(plan_upgrade(map, {"b1", "b2"}, "+1"),
                    "Ambiguous upgrade from multiple current revisions (b1, b2); name one instead: b1@+1, b2@+1");
  CHECK_THROWS_WITH(plan_downgrade(map, {"b1", "b2"}, "-1"),
                    "Relative downgrade -1 from multiple heads (b1, b2) is ambiguous; name one instead: b1@-1, b2@-1");
  // What the messages offer does what they say.
  CHECK(revisions_of(plan_downgrade(map, {"n"}, "b1")) == Ids{"n", "m"});
  CHECK(revisions_of(plan_upgrade(map, {"b1", "b2"}, "b1@+1")) == Ids{"m"});
  CHECK(revisions_of(plan_downgrade(map, {"b1", "b2"}, "b2@-1")) == Ids{"b2"});
}
