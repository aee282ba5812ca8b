// draw_lanes(): the exact terminal drawing of each shape a revision graph takes, read the
// way `git log --graph --topo-order` draws the same commits.
#include <catch2/catch.hpp>

#include "graph_fixtures.hpp"
#include "migrate/graph/graph_drawing.hpp"
#include "migrate/graph/topo_order.hpp"

using namespace graph_test;
using migrate::graph::RevisionMap;

namespace {

// The whole graph in history's order, each revision labelled with its id and what it
// depends on; one string, a line each.
std::string drawing(const RevisionMap& map) {
  auto order = migrate::graph::newest_first(map, std::vector<char>(map.size(), 1));
  std::string out;
  for (const auto& line : migrate::graph::draw_lanes(map, order, [&](RevisionMap::Index i) {
         return map.id(i) + migrate::graph::depends_note(map.at(i));
       }))
    out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("a chain is one lane", "[graph][drawing]") {
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c", {"b"})});
  CHECK(drawing(map) ==
        "* c\n"
        "* b\n"
        "* a\n");
}

TEST_CASE("a branch point: the second line opens a lane and joins back", "[graph][drawing]") {
  RevisionMap map({rev("a"), rev("b1", {"a"}), rev("b2", {"b1"}), rev("c1", {"a"}), rev("c2", {"c1"})});
  CHECK(drawing(map) ==
        "* b2\n"
        "* b1\n"
        "| * c2\n"
        "| * c1\n"
        "|/\n"
        "* a\n");
}

TEST_CASE("a merge opens a lane for its second parent", "[graph][drawing]") {
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c", {"a"}), rev("m", {"b", "c"})});
  CHECK(drawing(map) ==
        "*   m\n"
        "|\\\n"
        "* | b\n"
        "| * c\n"
        "|/\n"
        "* a\n");
}

TEST_CASE("two roots: a line that ends lets the next one move over", "[graph][drawing]") {
  SECTION("unrelated lines follow one another") {
    RevisionMap map({rev("a"), rev("a2", {"a"}), rev("x"), rev("x2", {"x"})});
    CHECK(drawing(map) ==
          "* a2\n"
          "* a\n"
          "* x2\n"
          "* x\n");
  }
  SECTION("a merge of two roots") {
    RevisionMap map({rev("a"), rev("x"), rev("m", {"a", "x"})});
    CHECK(drawing(map) ==
          "*   m\n"
          "|\\\n"
          "* | a\n"
          " /\n"
          "* x\n");
  }
}

TEST_CASE("a merge of three fans out as git's octopus", "[graph][drawing]") {
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c", {"a"}), rev("d", {"a"}), rev("m", {"b", "c", "d"})});
  CHECK(drawing(map) ==
        "*-.   m\n"
        "|\\ \\\n"
        "* | | b\n"
        "| * | c\n"
        "|/ /\n"
        "| * d\n"
        "|/\n"
        "* a\n");
}

TEST_CASE("a branch point with a dependency across: the dependency is text, not a line", "[graph][drawing]") {
  RevisionMap map({rev("a"), rev("b1", {"a"}), rev("b2", {"b1"}), rev("c1", {"a"}), rev("c2", {"c1"}, {}, {"b1"})});
  CHECK(drawing(map) ==
        "* b2\n"
        "| * c2 (depends on b1)\n"
        "| * c1\n"
        "* | b1\n"
        "|/\n"
        "* a\n");
}

TEST_CASE("a merge beside an open lane pushes it right, and lanes join one column a line", "[graph][drawing]") {
  // git log --graph: "* |   m" / "|\ \" and "|/ /".
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c", {"a"}), rev("d", {"a"}), rev("m", {"b", "c"}),
                   rev("n", {"m", "d"})});
  CHECK(drawing(map) ==
        "*   n\n"
        "|\\\n"
        "* |   m\n"
        "|\\ \\\n"
        "* | | b\n"
        "| * | c\n"
        "|/ /\n"
        "| * d\n"
        "|/\n"
        "* a\n");
}

TEST_CASE("a merge reaches a lane that already waits for its parent, and a base lets the lanes on its right move over",
          "[graph][drawing]") {
  // m merges q with p; the other head, h or x, also builds on p. Which head sorts first
  // decides whether p already has a lane when m is drawn.
  auto with_head = [](const std::string& head) {
    return drawing(RevisionMap({rev("p"), rev("q"), rev("m", {"q", "p"}), rev(head, {"p"})}));
  };
  CHECK(with_head("h") ==
        "* h\n"
        "| * m\n"
        "|/|\n"
        "| * q\n"
        "* p\n");
  CHECK(with_head("x") ==
        "*   m\n"
        "|\\\n"
        "* | q\n"
        " /\n"
        "| * x\n"
        "|/\n"
        "* p\n");
}

TEST_CASE("only the revisions drawn make lanes: a parent outside the set ends its lane", "[graph][drawing]") {
  RevisionMap map({rev("a"), rev("b", {"a"}), rev("c", {"b"})});
  std::vector<RevisionMap::Index> order{*map.find("c"), *map.find("b")};
  CHECK(migrate::graph::draw_lanes(map, order, [&](RevisionMap::Index i) { return map.id(i); }) ==
        Ids{"* c", "* b"});
}

TEST_CASE("10 000 revisions with branches and merges draw one line each, lanes kept narrow", "[graph][drawing]") {
  // A trunk where every tenth revision opens a side line of two that the next tenth merges.
  std::vector<migrate::graph::Revision> revs;
  std::string trunk;
  int made = 0;
  for (int n = 0; made < 10000; ++n) {
    std::string t = "t" + std::to_string(100000 + n);
    if (trunk.empty()) revs.push_back(rev(t));
    else if (n % 10 == 0) {
      std::string s1 = "s" + std::to_string(100000 + n) + "a", s2 = "s" + std::to_string(100000 + n) + "b";
      revs.push_back(rev(s1, {trunk}));
      revs.push_back(rev(s2, {s1}));
      made += 2;
      revs.push_back(rev(t, {trunk, s2}));
    } else {
      revs.push_back(rev(t, {trunk}));
    }
    ++made;
    trunk = t;
  }
  RevisionMap map(std::move(revs));
  auto order = migrate::graph::newest_first(map, std::vector<char>(map.size(), 1));
  auto lines = migrate::graph::draw_lanes(map, order, [&](RevisionMap::Index i) { return map.id(i); });
  std::size_t commits = 0, widest = 0;
  for (const auto& l : lines) {
    commits += l.find('*') != std::string::npos;
    widest = std::max(widest, l.find_first_of("ts") == std::string::npos ? l.size() : l.find_first_of("ts"));
  }
  CHECK(commits == map.size());
  CHECK(widest <= 4);  // two lanes at most: "| * "
  CHECK(lines.front().rfind("* t", 0) == 0);
  CHECK(lines.back() == "* t100000");
}
