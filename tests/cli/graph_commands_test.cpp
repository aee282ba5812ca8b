// The revision graph through the binary: two labelled branches, a dependency across them
// and a merge, read (heads, branches, history, show) and walked (upgrade, downgrade, to)
// on a real database, in Alembic's words.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_project.hpp"

using cli_test::contains;
using test_support::TestDatabase;

namespace {

// ae10 is the branch point; billing: b1b0 -> b2b0; shipping: c1c..04 -> c1c..05, which
// depends on b1b0; the two ids of shipping share the prefix c1c0 on purpose.
const std::string A = "ae1000000001", B1 = "b1b000000002", B2 = "b2b000000003", C1 = "c1c000000004",
                  C2 = "c1c000000005", M = "dd0000000006";

struct BranchedProject : cli_test::SqlProject {
  void rev(const std::string& file, const std::string& id, const std::string& down, const std::string& labels,
           const std::string& depends_on, const std::string& message, const std::string& table) const {
    dir.write("versions/" + file, "-- revision: " + id + "\n-- down_revision: " + down + "\n-- branch_labels: " +
                                      labels + "\n-- depends_on: " + depends_on + "\n-- message: " + message +
                                      "\n-- migrate:up\nCREATE TABLE " + table + " (id int);\n-- migrate:down\nDROP TABLE " +
                                      table + ";\n");
  }
  BranchedProject() {
    rev("a.sql", A, "", "", "", "create base", "base_t");
    rev("b1.sql", B1, A, "billing", "", "billing one", "bill1");
    rev("b2.sql", B2, B1, "", "", "billing two", "bill2");
    rev("c1.sql", C1, A, "shipping", "", "shipping one", "ship1");
    rev("c2.sql", C2, C1, "", B1, "shipping two", "ship2");
  }
  void add_merge() const { rev("m.sql", M, B2 + ", " + C2, "", "", "merge billing and shipping", "merged"); }

  test_support::Result ok(const TestDatabase& db, std::vector<std::string> args) const {
    auto r = run(db, std::move(args));
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }
};

std::string versions(const TestDatabase& db) {
  return db.scalar("SELECT coalesce(string_agg(version_num, ',' ORDER BY version_num), '') FROM alembic_version");
}

// The user's tables that exist, sorted, comma separated.
std::string tables(const TestDatabase& db) {
  return db.scalar("SELECT coalesce(string_agg(tablename, ',' ORDER BY tablename), '') FROM pg_tables "
                   "WHERE schemaname = 'public' AND tablename NOT IN ('alembic_version', 'migrate_history')");
}

}  // namespace

TEST_CASE("heads lists both labelled heads in text and JSON", "[cli][graph]") {
  TestDatabase db;
  BranchedProject p;
  auto r = p.ok(db, {"heads"});
  CHECK(r.out == B2 + " (billing) (head)\n" + C2 + " (shipping) (head)\n");

  auto j = p.ok(db, {"--format", "json", "heads"});
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["command"] == "heads");
  REQUIRE(doc["heads"].size() == 2);
  CHECK(doc["heads"][0]["revision"] == B2);
  CHECK(doc["heads"][0]["branch_labels"] == nlohmann::json::array({"billing"}));
  CHECK(doc["heads"][1]["revision"] == C2);
  CHECK(doc["heads"][1]["depends_on"] == nlohmann::json::array({B1}));
  CHECK(doc["heads"][1]["is_head"] == true);

  // After a merge there is one head, carrying both labels.
  p.add_merge();
  CHECK(p.ok(db, {"heads"}).out == M + " (billing, shipping) (head)\n");
}

TEST_CASE("branches shows the branch point and where it leads", "[cli][graph]") {
  TestDatabase db;
  BranchedProject p;
  auto r = p.ok(db, {"branches"});
  std::string pad(A.size(), ' ');
  CHECK(r.out == A + " (branchpoint)\n" + pad + " -> " + B1 + " (billing)\n" + pad + " -> " + C1 + " (shipping)\n\n");
  auto doc = nlohmann::json::parse(p.ok(db, {"--format", "json", "branches"}).out);
  REQUIRE(doc["branch_points"].size() == 1);
  CHECK(doc["branch_points"][0]["revision"] == A);
  CHECK(doc["branch_points"][0]["branches_into"] == nlohmann::json::array({B1, C1}));
}

TEST_CASE("history lists newest first in Alembic's format with dependencies and markers", "[cli][graph][history]") {
  TestDatabase db;
  BranchedProject p;
  p.add_merge();
  auto r = p.ok(db, {"history"});
  CHECK(r.out ==
        B2 + ", " + C2 + " -> " + M + " (billing, shipping) (head) (mergepoint), merge billing and shipping\n" +
        B1 + " -> " + B2 + " (billing), billing two\n" +
        C1 + " (" + B1 + ") -> " + C2 + " (shipping), shipping two\n" +
        A + " -> " + C1 + " (shipping), shipping one\n" +
        A + " -> " + B1 + " (billing), billing one\n" +
        "<base> -> " + A + " (branchpoint), create base\n");

  // A range by prefixes walks from the upper end down to the lower, both included.
  auto range = p.ok(db, {"history", "-r", "ae10:b2b0"});
  CHECK(range.out == B1 + " -> " + B2 + " (billing), billing two\n" + A + " -> " + B1 +
                         " (billing), billing one\n" + "<base> -> " + A + " (branchpoint), create base\n");
  auto open_end = p.ok(db, {"history", "-r", "b1b0:"});
  CHECK(cli_test::lines(open_end.out) == 3);  // b1, b2 and the merge above them
  CHECK(contains(open_end.out, "-> " + M + " "));
  CHECK_FALSE(contains(open_end.out, "-> " + C1 + " "));

  auto json = nlohmann::json::parse(p.ok(db, {"--format", "json", "history"}).out);
  REQUIRE(json["revisions"].size() == 6);
  CHECK(json["revisions"][0]["revision"] == M);
  CHECK(json["revisions"][0]["is_merge_point"] == true);
  CHECK(json["revisions"][5]["is_branch_point"] == true);

  auto bad = p.run(db, {"history", "-r", "ae10"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "History range requires [start]:[end]"));
}

TEST_CASE("history -i marks the revisions the database is at", "[cli][graph][history]") {
  TestDatabase db;
  BranchedProject p;
  p.ok(db, {"upgrade", "heads"});
  auto r = p.ok(db, {"history", "-i"});
  CHECK(contains(r.out, B1 + " -> " + B2 + " (billing) (head) (current), billing two\n"));
  CHECK(contains(r.out, C1 + " (" + B1 + ") -> " + C2 + " (shipping) (head) (current), shipping two\n"));
  CHECK(contains(r.out, A + " -> " + B1 + " (billing), billing one\n"));
  // Without -i nothing is marked, and the database is not needed.
  CHECK_FALSE(contains(p.ok(db, {"history"}).out, "(current)"));
}

TEST_CASE("upgrade label@head applies that branch only", "[cli][graph][upgrade]") {
  TestDatabase db;
  BranchedProject p;
  auto r = p.ok(db, {"upgrade", "billing@head"});
  CHECK(contains(r.err, "Running upgrade  -> " + A + ", create base"));
  CHECK(contains(r.err, "Running upgrade " + B1 + " -> " + B2 + ", billing two"));
  CHECK_FALSE(contains(r.err, C1));
  CHECK(versions(db) == B2);
  CHECK(tables(db) == "base_t,bill1,bill2");

  // The other branch next: its dependency (billing one) is already there.
  p.ok(db, {"upgrade", "shipping@head"});
  CHECK(versions(db) == B2 + "," + C2);
  CHECK(tables(db) == "base_t,bill1,bill2,ship1,ship2");
}

TEST_CASE("upgrade label@head applies the other branch's revision it depends on", "[cli][graph][upgrade]") {
  TestDatabase db;
  BranchedProject p;
  auto r = p.ok(db, {"upgrade", "shipping@head"});
  CHECK(contains(r.err, "Running upgrade " + A + " -> " + B1 + ", billing one"));
  CHECK_FALSE(contains(r.err, B2 + ","));
  CHECK(tables(db) == "base_t,bill1,ship1,ship2");
  // billing one is implied by its dependant, as in Alembic's table.
  auto current = p.ok(db, {"current"});
  CHECK(contains(current.out, C2 + " (head)"));
  CHECK_FALSE(contains(current.out, B2));
}

TEST_CASE("upgrade heads gives two rows and a merge revision collapses them to one", "[cli][graph][upgrade][merge]") {
  TestDatabase db;
  BranchedProject p;
  p.ok(db, {"upgrade", "heads"});
  CHECK(versions(db) == B2 + "," + C2);
  CHECK(p.ok(db, {"current"}).out == B2 + " (head)\n" + C2 + " (head)\n");

  // Two heads: plain `head` is ambiguous, in Alembic's words.
  auto ambiguous = p.run(db, {"upgrade", "head"});
  CHECK(ambiguous.exit_code == 4);
  CHECK(contains(ambiguous.err,
                 "FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific "
                 "target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"));

  p.add_merge();
  auto merge = p.ok(db, {"upgrade", "head"});
  CHECK(contains(merge.err, "Running upgrade " + B2 + ", " + C2 + " -> " + M + ", merge billing and shipping"));
  CHECK(versions(db) == M);
  CHECK(p.ok(db, {"current"}).out == M + " (head) (mergepoint)\n");
  CHECK(tables(db) == "base_t,bill1,bill2,merged,ship1,ship2");

  // A relative step down from a merge point is ambiguous, as in Alembic; nothing changes.
  auto relative = p.run(db, {"downgrade", "-1"});
  CHECK(relative.exit_code == 4);
  CHECK(contains(relative.err, "Ambiguous walk"));
  CHECK(versions(db) == M);

  // Downgrading to one parent re-inserts both rows.
  auto down = p.ok(db, {"downgrade", "b2b0"});
  CHECK(contains(down.err, "Running downgrade " + M + " -> " + B2 + ", " + C2 + ", merge billing and shipping"));
  CHECK(versions(db) == B2 + "," + C2);
  CHECK(tables(db) == "base_t,bill1,bill2,ship1,ship2");
}

TEST_CASE("downgrade -2 and label@-1 move back along a branch", "[cli][graph][downgrade]") {
  TestDatabase db;
  BranchedProject p;
  SECTION("downgrade -2 on one branch") {
    p.ok(db, {"upgrade", "billing@head"});
    auto r = p.ok(db, {"downgrade", "-2"});
    CHECK(contains(r.err, "Running downgrade " + B2 + " -> " + B1 + ", billing two"));
    CHECK(contains(r.err, "Running downgrade " + B1 + " -> " + A + ", billing one"));
    CHECK(versions(db) == A);
    CHECK(tables(db) == "base_t");
  }
  SECTION("label@-1 and label@-2 with both branches applied") {
    p.ok(db, {"upgrade", "heads"});
    auto r = p.ok(db, {"downgrade", "billing@-1"});
    CHECK(contains(r.err, "Running downgrade " + B2 + " -> " + B1 + ", billing two"));
    CHECK_FALSE(contains(r.err, "Running downgrade " + C2));
    // billing one stays applied, implied by shipping two's dependency (Alembic's table).
    CHECK(versions(db) == C2);
    CHECK(tables(db) == "base_t,bill1,ship1,ship2");

    p.ok(db, {"downgrade", "shipping@-2"});
    CHECK(versions(db) == B1);
    CHECK(tables(db) == "base_t,bill1");

    // -N from two heads names no single path.
    p.ok(db, {"upgrade", "heads"});
    auto two = p.run(db, {"downgrade", "-1"});
    CHECK(two.exit_code == 4);
    CHECK(versions(db) == B2 + "," + C2);
  }
}

TEST_CASE("to REV upgrades or downgrades whichever reaches it", "[cli][graph][to]") {
  TestDatabase db;
  BranchedProject p;
  auto up = p.ok(db, {"to", "billing@head"});
  CHECK(contains(up.err, "Running upgrade"));
  CHECK(versions(db) == B2);
  p.ok(db, {"to", C2});
  CHECK(versions(db) == B2 + "," + C2);
  auto down = p.ok(db, {"to", "ae10"});
  CHECK(contains(down.err, "Running downgrade"));
  CHECK_FALSE(contains(down.err, "Running upgrade"));
  CHECK(versions(db) == A);
  CHECK(tables(db) == "base_t");
  auto again = p.ok(db, {"to", A});
  CHECK(contains(again.err, "Nothing to do"));
  p.ok(db, {"to", "base"});
  CHECK(versions(db) == "");
  CHECK(tables(db) == "");
}

TEST_CASE("show prints Alembic's revision block for an id or prefix or label or heads", "[cli][graph][show]") {
  TestDatabase db;
  BranchedProject p;
  auto r = p.ok(db, {"show", "c1c000000005"});
  CHECK(r.out == "Rev: " + C2 + " (head)\nParent: " + C1 + "\nAlso depends on: " + B1 +
                     "\nBranch names: shipping\nPath: " + p.dir.path() + "/versions/c2.sql\n\n    shipping two\n\n"
                     "    Revision ID: " + C2 + "\n    Revises: " + C1 + "\n    Create Date: \n\n");
  CHECK(contains(p.ok(db, {"show", "ae10"}).out, "Rev: " + A + " (branchpoint)\nParent: <base>\n"));
  CHECK(contains(p.ok(db, {"show", "ae10"}).out, "Branches into: " + B1 + ", " + C1 + "\n"));
  CHECK(contains(p.ok(db, {"show", "billing"}).out, "Rev: " + B1 + "\n"));
  auto heads = p.ok(db, {"show", "heads"});
  CHECK(contains(heads.out, "Rev: " + B2 + " (head)\n"));
  CHECK(contains(heads.out, "Rev: " + C2 + " (head)\n"));
  p.add_merge();
  CHECK(contains(p.ok(db, {"show", "head"}).out, "Rev: " + M + " (head) (mergepoint)\nMerges: " + B2 + ", " + C2 + "\n"));
  auto doc = nlohmann::json::parse(p.ok(db, {"--format", "json", "show", "b2b0"}).out);
  REQUIRE(doc["revisions"].size() == 1);
  CHECK(doc["revisions"][0]["revision"] == B2);
  CHECK(doc["revisions"][0]["message"] == "billing two");
}

TEST_CASE("unknown and short and ambiguous prefixes are revision errors in Alembic's words", "[cli][graph][errors]") {
  TestDatabase db;
  BranchedProject p;
  auto ambiguous = p.run(db, {"upgrade", "c1c0"});
  CHECK(ambiguous.exit_code == 4);
  CHECK(ambiguous.err == "FAILED: Multiple revisions start with 'c1c0': '" + C1 + "', '" + C2 + "'\n");
  auto unknown = p.run(db, {"upgrade", "zzzz"});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err == "FAILED: Can't locate revision identified by 'zzzz'\n");
  auto shorter = p.run(db, {"show", "c1c"});
  CHECK(shorter.exit_code == 4);
  CHECK(contains(shorter.err, "Can't locate revision identified by 'c1c'; please ensure at least four characters"));
  auto label = p.run(db, {"upgrade", "nosuchbranch@head"});
  CHECK(label.exit_code == 4);
  CHECK(contains(label.err, "nosuchbranch"));
  // Nothing ran.
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}

TEST_CASE("a relative target that overshoots fails before anything runs", "[cli][graph][errors]") {
  TestDatabase db;
  BranchedProject p;
  p.ok(db, {"upgrade", "billing@head"});
  p.ok(db, {"downgrade", "-1"});
  auto r = p.run(db, {"upgrade", "+5"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: Relative revision +5 didn't produce 5 migrations\n");
  CHECK(versions(db) == B1);
  auto label = p.run(db, {"upgrade", "billing@+5"});
  CHECK(label.exit_code == 4);
  CHECK(contains(label.err, "didn't produce 5 migrations"));
  auto down = p.run(db, {"downgrade", "-5"});
  CHECK(down.exit_code == 4);
  CHECK(contains(down.err, "Relative revision -5 didn't produce 5 migrations"));
  CHECK(versions(db) == B1);
  CHECK(tables(db) == "base_t,bill1");
}

TEST_CASE("a cycle in the graph is a revision error listing its revisions", "[cli][graph][errors]") {
  TestDatabase db;
  cli_test::SqlProject p;
  p.revision("a.sql", "aaaa00000001", "", "SELECT 1;", "SELECT 1;");
  p.revision("b.sql", "bbbb00000002", "aaaa00000001, cccc00000003", "SELECT 1;", "SELECT 1;");
  p.revision("c.sql", "cccc00000003", "dddd00000004", "SELECT 1;", "SELECT 1;");
  p.revision("d.sql", "dddd00000004", "bbbb00000002", "SELECT 1;", "SELECT 1;");
  for (const auto& args : std::vector<std::vector<std::string>>{{"heads"}, {"history"}, {"upgrade", "head"}}) {
    auto r = p.run(db, args);
    CHECK(r.exit_code == 4);
    CHECK(r.err == "FAILED: Cycle is detected in revisions (bbbb00000002, cccc00000003, dddd00000004)\n");
  }
  CHECK(db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t");
}
