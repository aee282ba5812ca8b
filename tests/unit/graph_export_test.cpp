// to_dot() and to_mermaid(): the whole text for a small graph with a label, a dependency,
// a head and a current revision, and text from a revision file kept inside its label.
#include <catch2/catch.hpp>

#include "graph_fixtures.hpp"
#include "migrate/graph/graph_export.hpp"

using namespace graph_test;
using migrate::graph::RevisionMap;

namespace {
// a <- b (billing) ; a <- c, which depends on b.
RevisionMap small() { return RevisionMap({rev("a"), rev("b", {"a"}, {"billing"}), rev("c", {"a"}, {}, {"b"})}); }
}  // namespace

TEST_CASE("DOT: boxes over messages, solid down edges, dashed dependencies, heads bold, current filled", "[graph][export]") {
  CHECK(migrate::graph::to_dot(small(), {"a"}) ==
        "digraph revisions {\n"
        "  rankdir=BT;\n"
        "  node [shape=box];\n"
        "  \"c\" [label=\"c\\nrev c\", penwidth=2];\n"
        "  \"b\" [label=\"b (billing)\\nrev b\", penwidth=2];\n"
        "  \"a\" [label=\"a\\nrev a\", style=filled, fillcolor=\"#cfe8ff\"];\n"
        "  \"a\" -> \"c\";\n"
        "  \"b\" -> \"c\" [style=dashed];\n"
        "  \"a\" -> \"b\";\n"
        "}\n");
}

TEST_CASE("Mermaid: the same graph as a flowchart with classes", "[graph][export]") {
  CHECK(migrate::graph::to_mermaid(small(), {"a"}) ==
        "flowchart BT\n"
        "  r2[\"c<br/>rev c\"]\n"
        "  r1[\"b (billing)<br/>rev b\"]\n"
        "  r0[\"a<br/>rev a\"]\n"
        "  r0 --> r2\n"
        "  r1 -.-> r2\n"
        "  r0 --> r1\n"
        "  classDef head stroke-width:3px\n"
        "  classDef current fill:#cfe8ff\n"
        "  class r2,r1 head\n"
        "  class r0 current\n");
}

TEST_CASE("a message cannot end its label or add a line", "[graph][export]") {
  auto r = rev("a");
  r.message = "x\"] --> evil\n\\\"";
  RevisionMap map({r});
  CHECK(migrate::graph::to_dot(map).find("[label=\"a\\nx\\\"] --> evil \\\\\\\"\", penwidth=2];\n") != std::string::npos);
  CHECK(migrate::graph::to_mermaid(map).find("  r0[\"a<br/>x#quot;] --#gt; evil \\#quot;\"]\n") != std::string::npos);
}
