// What `migrate --version -v` reports a binary carries: counts, heads, and a build id that
// two binaries with the same revisions share and any change of them changes.
#include <catch2/catch.hpp>

#include <migrate/revision.hpp>

#include "migrate/script/carried.hpp"

using namespace migrate;

namespace {

struct Empty : Migration {
  void upgrade(Ops&) override {}
  void downgrade(Ops&) override {}
};

CompiledRevision compiled(const char* id, std::vector<std::string> down, const char* message) {
  return {RevisionInfo{.id = id, .down = std::move(down), .message = message},
          std::string("migrations/versions/") + id + ".cpp", &make_migration<Empty>};
}

EmbeddedSql embedded(const std::string& id, const std::string& down, const std::string& body = "SELECT 1;") {
  return {"migrations/versions/" + id + ".sql", "-- revision: " + id + "\n-- down_revision: " + down +
                                                    "\n-- message: sql " + id + "\n-- migrate:up\n" + body +
                                                    "\n-- migrate:down\nSELECT 1;\n"};
}

}  // namespace

TEST_CASE("the carried revisions are counted and their heads named", "[unit][script][carried]") {
  std::vector<CompiledRevision> cpp{compiled("aaaa", {}, "first"), compiled("cccc", {"bbbb"}, "third")};
  std::vector<EmbeddedSql> sql{embedded("bbbb", "aaaa"), embedded("dddd", "aaaa")};
  auto c = script::carried(cpp, {}, sql);
  CHECK(c.compiled == 2);
  CHECK(c.embedded == 2);
  REQUIRE(c.heads.size() == 2);
  CHECK(c.heads[0].id == "cccc");
  CHECK(c.heads[0].message == "third");
  CHECK(c.heads[1].id == "dddd");
  CHECK(c.heads[1].message == "sql dddd");
  CHECK(c.graph_error.empty());

  // A compiled revision built on a .sql the binary does not carry: no graph of their own, said so.
  auto partial = script::carried(cpp, {}, {});
  CHECK(partial.heads.empty());
  CHECK_FALSE(partial.graph_error.empty());
}

TEST_CASE("the build id names the carried content, not the build", "[unit][script][carried]") {
  std::vector<CompiledRevision> cpp{compiled("aaaa", {}, "first")};
  std::map<std::string, std::string> sums{{"migrations/versions/aaaa.cpp", std::string(64, 'a')}};
  const std::vector<EmbeddedSql> sql{embedded("bbbb", "aaaa"), embedded("cccc", "bbbb")};
  const std::string id = script::carried(cpp, sums, sql).build_id;
  CHECK(id.size() == 12);
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  // Registration order is the linker's: it does not count.
  CHECK(script::carried(cpp, sums, {sql[1], sql[0]}).build_id == id);
  // An edited revision, one more, or one fewer, does.
  CHECK(script::carried(cpp, sums, {sql[0], embedded("cccc", "bbbb", "SELECT 2;")}).build_id != id);
  CHECK(script::carried(cpp, {{"migrations/versions/aaaa.cpp", std::string(64, 'b')}}, sql).build_id != id);
  CHECK(script::carried(cpp, sums, {sql[0]}).build_id != id);
  CHECK(script::carried({}, {}, {}).build_id.size() == 12);
}
