// verify(): the history replayed against the applied revisions' checksums, which decides
// what `verify` lists, what upgrade refuses and what the next run adopts.
#include <catch2/catch.hpp>

#include <migrate/compiled_checksums.hpp>
#include <migrate/revision.hpp>

#include "migrate/runtime/verify.hpp"

using namespace migrate;

namespace {

struct Empty : Migration {
  void upgrade(Ops&) override {}
  void downgrade(Ops&) override {}
};

const std::string sum_a(64, 'a'), sum_b(64, 'b'), sum_c(64, 'c'), other(64, 'f');

// aaaa <- bbbb <- cccc, compiled, with build-time checksums sum_a, sum_b, sum_c.
script::Project project() {
  std::vector<CompiledRevision> compiled;
  std::string down;
  for (auto [id, sum] : {std::pair{"aaaa", sum_a}, {"bbbb", sum_b}, {"cccc", sum_c}}) {
    std::string file = std::string("verifytest/versions/") + id + ".cpp";
    compiled_checksums()[file] = sum;
    compiled.push_back({RevisionInfo{.id = id, .down = down.empty() ? std::vector<std::string>{} : std::vector{down}},
                        file, &make_migration<Empty>});
    down = id;
  }
  config::Config cfg;
  cfg.version_locations = {"/nonexistent/verifytest/versions"};
  return script::Project(cfg, compiled);
}

ops::HistoryEntry row(std::string revision, std::string direction, std::string outcome, std::string checksum) {
  ops::HistoryEntry e;
  e.revision = std::move(revision);
  e.direction = std::move(direction);
  e.outcome = std::move(outcome);
  e.checksum = std::move(checksum);
  return e;
}

}  // namespace

TEST_CASE("an applied revision whose source changed since it was applied is listed", "[runtime][verify]") {
  auto p = project();
  auto v = runtime::verify(p, {"bbbb"}, {row("aaaa", "up", "applied", sum_a), row("bbbb", "up", "applied", other)});
  REQUIRE(v.changed.size() == 1);
  CHECK(v.changed[0].revision == "bbbb");
  CHECK(v.changed[0].recorded == other);
  CHECK(v.changed[0].current == sum_b);
  CHECK(v.gone.empty());
  CHECK(v.unrecorded.empty());
  CHECK_FALSE(v.clean());
  CHECK(runtime::describe(v) == "bbbb (verifytest/versions/bbbb.cpp (compiled in)) changed since it was applied");
}

TEST_CASE("repaired and adopted rows record the checksum a later comparison uses", "[runtime][verify]") {
  auto p = project();
  auto v = runtime::verify(p, {"bbbb"},
                           {row("aaaa", "up", "adopted", sum_a), row("bbbb", "up", "applied", other),
                            row("bbbb", "up", "repaired", sum_b)});
  CHECK(v.clean());
  CHECK(v.changed.empty());
}

TEST_CASE("revisions applied with no history row are to be adopted, not reported", "[runtime][verify]") {
  auto p = project();
  auto v = runtime::verify(p, {"cccc"}, {});
  CHECK(v.clean());
  CHECK(v.unrecorded == std::vector<std::string>{"aaaa", "bbbb", "cccc"});
  // Failed and rolled-back rows say nothing was applied; a downgrade forgets the checksum.
  v = runtime::verify(p, {"bbbb"},
                      {row("aaaa", "up", "applied", sum_a), row("bbbb", "up", "rolled back", other),
                       row("bbbb", "up", "failed", other), row("cccc", "up", "applied", other),
                       row("cccc", "down", "applied", other)});
  CHECK(v.clean());
  CHECK(v.unrecorded == std::vector<std::string>{"bbbb"});
}

TEST_CASE("an applied revision no longer in the project is gone", "[runtime][verify]") {
  auto p = project();
  auto v = runtime::verify(p, {"bbbb", "dddd"}, {row("aaaa", "up", "applied", sum_a), row("eeee", "up", "applied", other),
                                                 row("ffff", "up", "applied", other), row("ffff", "down", "applied", "")});
  CHECK(v.gone == std::vector<std::string>{"dddd", "eeee"});
  CHECK_FALSE(v.clean());
  CHECK(v.unrecorded == std::vector<std::string>{"bbbb"});
}

TEST_CASE("a revision built without a checksum is not compared", "[runtime][verify]") {
  auto p = project();
  auto v = runtime::verify(p, {"aaaa"}, {row("aaaa", "up", "applied", "")});
  CHECK(v.clean());
  CHECK(v.unrecorded.empty());
}
