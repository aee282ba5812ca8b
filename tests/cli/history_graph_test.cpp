// `history --graph` and `graph --format dot|mermaid|svg|json` through the binary, on a
// scratch SQL project with a branch point, a dependency across the branches and a merge.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

const std::string A = "ae1000000001", B1 = "b1b000000002", B2 = "b2b000000003", C1 = "c1c000000004",
                  C2 = "c1c000000005", M = "dd0000000006";

// A -> B1 -> B2 and A -> C1 -> C2 (which depends on B1), merged by M.
struct MergedProject : cli_test::SqlProject {
  void rev(const std::string& id, const std::string& down, const std::string& depends_on, const std::string& labels,
           const std::string& message) const {
    dir.write("versions/" + id + ".sql", "-- revision: " + id + "\n-- down_revision: " + down +
                                             "\n-- branch_labels: " + labels + "\n-- depends_on: " + depends_on +
                                             "\n-- message: " + message + "\n-- migrate:up\nCREATE TABLE t_" + id +
                                             " (id int);\n-- migrate:down\nDROP TABLE t_" + id + ";\n");
  }
  explicit MergedProject(const std::string& b1_labels = "") {
    rev(A, "", "", "", "create base");
    rev(B1, A, "", b1_labels, "billing one");
    rev(B2, B1, "", "", "billing two");
    rev(C1, A, "", "", "shipping one");
    rev(C2, C1, B1, "", "shipping two");
    rev(M, B2 + ", " + C2, "", "", "merge");
  }
};

// Nothing listens on port 1: the connection is refused at once.
const std::string unreachable = "postgresql://migrate:s3cret@127.0.0.1:1/nowhere";

// Runs `p` against a database that does not answer.
test_support::Result run_unreachable(const cli_test::SqlProject& p, std::vector<std::string> args,
                                     const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> full{"-c", p.dir.path() + "/migrate.ini", "--url", unreachable};
  full.insert(full.end(), args.begin(), args.end());
  return test_support::run_migrate(full, ".", env);
}

}  // namespace

TEST_CASE("history --graph draws the branches, the merge and the current revision", "[cli][graph]") {
  TestDatabase db;
  MergedProject p;
  auto r = p.run(db, {"history", "--graph"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "*   " + B2 + ", " + C2 + " -> " + M + " (head) (mergepoint), merge\n" +
        "|\\\n" +
        "* | " + B1 + " -> " + B2 + ", billing two\n" +
        "| * " + C1 + " (" + B1 + ") -> " + C2 + ", shipping two (depends on " + B1 + ")\n" +
        "| * " + A + " -> " + C1 + ", shipping one\n" +
        "* | " + A + " -> " + B1 + ", billing one\n" +
        "|/\n" +
        "* <base> -> " + A + " (branchpoint), create base\n");

  // Once the database is on the billing line, its head there is marked, with no -i.
  REQUIRE(p.run(db, {"upgrade", B2}).exit_code == 0);
  auto marked = p.run(db, {"history", "--graph"});
  REQUIRE(marked.exit_code == 0);
  CHECK(contains(marked.out, "* | " + B1 + " -> " + B2 + " (current), billing two\n"));
  CHECK(cli_test::lines(marked.out) == 8);

  // A range draws only its revisions.
  auto range = p.run(db, {"history", "--graph", "-r", C1 + ":" + C2});
  REQUIRE(range.exit_code == 0);
  CHECK(range.out == "* " + C1 + " (" + B1 + ") -> " + C2 + ", shipping two (depends on " + B1 + ")\n" + "* " + A +
                         " -> " + C1 + ", shipping one\n");
}

TEST_CASE("history --graph without a reachable database draws anyway, -i insists", "[cli][graph]") {
  MergedProject p;
  auto r = run_unreachable(p, {"history", "--graph"});
  REQUIRE(r.exit_code == 0);
  CHECK(cli_test::lines(r.out) == 8);
  CHECK_FALSE(contains(r.out, "(current)"));
  CHECK(contains(r.err, "current revisions not marked"));
  CHECK_FALSE(contains(r.err, "s3cret"));

  auto strict = run_unreachable(p, {"history", "--graph", "-i"});
  CHECK(strict.exit_code == 5);
  CHECK(strict.out.empty());
  CHECK(strict.err.rfind("FAILED: ", 0) == 0);
}

TEST_CASE("history --graph cannot be combined with --verbose", "[cli][graph]") {
  MergedProject p;
  auto r = run_unreachable(p, {"history", "--graph", "-v"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
}

TEST_CASE("history --graph --format json adds the drawing to the revisions", "[cli][graph]") {
  MergedProject p;
  auto r = run_unreachable(p, {"--format", "json", "history", "--graph"});
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["revisions"].size() == 6);
  REQUIRE(doc["graph"].size() == 8);
  CHECK(doc["graph"][1] == "|\\");
}

TEST_CASE("graph --format dot: solid down edges, dashed dependencies, heads bold, current filled", "[cli][graph]") {
  TestDatabase db;
  MergedProject p("billing");
  REQUIRE(p.run(db, {"upgrade", B2}).exit_code == 0);
  auto r = p.run(db, {"graph", "--format", "dot"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("digraph revisions {\n  rankdir=BT;\n", 0) == 0);
  CHECK(contains(r.out, "  \"" + M + "\" [label=\"" + M + " (billing)\\nmerge\", penwidth=2];\n"));
  CHECK(contains(r.out, "  \"" + B2 + "\" [label=\"" + B2 + " (billing)\\nbilling two\", style=filled, fillcolor=\"#cfe8ff\"];\n"));
  CHECK(contains(r.out, "  \"" + A + "\" [label=\"" + A + "\\ncreate base\"];\n"));
  CHECK(contains(r.out, "  \"" + C1 + "\" -> \"" + C2 + "\";\n"));
  CHECK(contains(r.out, "  \"" + B1 + "\" -> \"" + C2 + "\" [style=dashed];\n"));
  CHECK(contains(r.out, "  \"" + B2 + "\" -> \"" + M + "\";\n"));
  CHECK(r.out.substr(r.out.size() - 2) == "}\n");

  // No database configured: the same graph, nothing filled, and no complaint on stdout.
  auto plain = run_unreachable(p, {"graph"});
  REQUIRE(plain.exit_code == 0);
  CHECK(contains(plain.out, "-> \"" + M + "\";\n"));
  CHECK_FALSE(contains(plain.out, "filled"));
}

TEST_CASE("graph --format mermaid: a flowchart with the same edges and classes", "[cli][graph]") {
  MergedProject p;
  auto r = run_unreachable(p, {"graph", "--format", "mermaid"});
  REQUIRE(r.exit_code == 0);
  // Nodes are r<index>, indices in id order: A r0, B1 r1, B2 r2, C1 r3, C2 r4, M r5.
  CHECK(r.out.rfind("flowchart BT\n  r5[\"" + M + "<br/>merge\"]\n", 0) == 0);
  CHECK(contains(r.out, "  r3 --> r4\n"));
  CHECK(contains(r.out, "  r1 -.-> r4\n"));
  CHECK(contains(r.out, "  class r5 head\n"));
  CHECK_FALSE(contains(r.out, "class r0"));
}

TEST_CASE("graph escapes what a revision file says, in both formats", "[cli][graph]") {
  cli_test::SqlProject p;
  p.revision("a.sql", A, "", "SELECT 1;", "SELECT 1;", "say \"hi\" <b>&#x41; \\n");
  auto dot = run_unreachable(p, {"graph"});
  REQUIRE(dot.exit_code == 0);
  CHECK(contains(dot.out, "\\nsay \\\"hi\\\" <b>&#x41; \\\\n\""));
  auto mermaid = run_unreachable(p, {"graph", "--format", "mermaid"});
  REQUIRE(mermaid.exit_code == 0);
  CHECK(contains(mermaid.out, "<br/>say #quot;hi#quot; #lt;b#gt;#amp;#35;x41; \\n\"]"));
}

TEST_CASE("graph --format svg runs Graphviz's dot, and says so in one line when it is missing", "[cli][graph]") {
  MergedProject p;
  test_support::TempDir bin;
  SECTION("missing: a config error, nothing on stdout") {
    auto r = run_unreachable(p, {"-q", "graph", "--format", "svg"}, {{"PATH", bin.path()}});
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err == "FAILED: --format svg needs Graphviz's `dot` on PATH (apt-get install graphviz); --format dot prints its input\n");
  }
  SECTION("present: its output is the answer, fed the DOT text") {
    // A stand-in for dot that proves the arguments and the input it was given.
    bin.write("dot", "#!/bin/sh\n[ \"$1\" = -Tsvg ] || exit 9\necho '<svg>'\n/bin/cat\necho '</svg>'\n");
    std::filesystem::permissions(bin.path() + "/dot", std::filesystem::perms::owner_all);
    auto r = run_unreachable(p, {"-q", "graph", "--format", "svg"}, {{"PATH", bin.path()}});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("<svg>\ndigraph revisions {\n", 0) == 0);
    CHECK(contains(r.out, "\"" + B1 + "\" -> \"" + C2 + "\" [style=dashed];\n"));
    CHECK(r.out.substr(r.out.size() - 9) == "}\n</svg>\n");
  }
  SECTION("failing: its exit status is the error") {
    bin.write("dot", "#!/bin/sh\necho 'dot: no svg plugin' >&2\nexit 1\n");
    std::filesystem::permissions(bin.path() + "/dot", std::filesystem::perms::owner_all);
    auto r = run_unreachable(p, {"-q", "graph", "--format", "svg"}, {{"PATH", bin.path()}});
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "dot: no svg plugin\n"));
    CHECK(contains(r.err, "FAILED: Graphviz's `dot -Tsvg` failed (exit 1)"));
  }
}

TEST_CASE("graph --format json lists the revisions and both kinds of edge", "[cli][graph]") {
  MergedProject p;
  auto r = run_unreachable(p, {"graph", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["command"] == "graph");
  CHECK(doc["revisions"].size() == 6);
  CHECK(doc["revisions"][0]["revision"] == M);
  REQUIRE(doc["edges"].size() == 7);
  CHECK(doc["edges"][0] == nlohmann::json{{"from", B2}, {"to", M}, {"kind", "down"}});
  bool dependency = false;
  for (const auto& e : doc["edges"]) dependency |= e == nlohmann::json{{"from", B1}, {"to", C2}, {"kind", "depends_on"}};
  CHECK(dependency);
  // The global --format json gives the same document.
  CHECK(nlohmann::json::parse(run_unreachable(p, {"--format", "json", "graph"}).out) == doc);
}
