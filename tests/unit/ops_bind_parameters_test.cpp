// op.execute(sql, params): only the parameters PostgreSQL's scanner sees are bound; a `$1`
// that is text (strings, identifiers, comments, dollar-quoted bodies) reaches the server as written.
#include <catch2/catch.hpp>

#include <migrate/error.hpp>
#include <migrate/ops.hpp>

#include "migrate/ops/render_sql.hpp"
#include "ops_sql_of.hpp"

using namespace migrate;

using ops_test::sql_of;

namespace {

std::string bound(const std::string& sql, std::vector<std::optional<std::string>> params) {
  Ops op;
  op.execute(sql, std::move(params));
  auto out = sql_of(op);
  REQUIRE(out.size() == 1);
  return out[0];
}

}  // namespace

TEST_CASE("execute binds $n parameters as literals, once, left to right", "[ops][execute]") {
  Ops op;
  op.execute("UPDATE t SET a = $1, b = $2 WHERE c = $1 AND d = $10", {"it's $2", std::nullopt, "3", "4", "5", "6",
                                                                      "7", "8", "9", "ten"});
  op.execute("SELECT 1");
  op.execute("SELECT '$1'");
  CHECK(sql_of(op) == std::vector<std::string>{
                          "UPDATE t SET a = 'it''s $2', b = NULL WHERE c = 'it''s $2' AND d = 'ten'",
                          "SELECT 1",
                          "SELECT '$1'"});
}

TEST_CASE("execute leaves $n alone inside strings, quoted identifiers and comments", "[ops][execute]") {
  CHECK(bound("SELECT '$1', $1", {"x"}) == "SELECT '$1', 'x'");
  CHECK(bound("SELECT 'it''s $1', $1", {"x"}) == "SELECT 'it''s $1', 'x'");
  CHECK(bound("SELECT E'\\' $1', $1", {"x"}) == "SELECT E'\\' $1', 'x'");
  CHECK(bound("SELECT $1 AS \"$1\"", {"x"}) == "SELECT 'x' AS \"$1\"");
  CHECK(bound("SELECT $1 -- not $1\n, 2", {"x"}) == "SELECT 'x' -- not $1\n, 2");
  CHECK(bound("SELECT /* $1 /* nested $1 */ still $1 */ $1", {"x"}) ==
        "SELECT /* $1 /* nested $1 */ still $1 */ 'x'");
}

TEST_CASE("execute leaves $n alone inside dollar-quoted bodies", "[ops][execute]") {
  CHECK(bound("SELECT $$ $1 $$, $1", {"x"}) == "SELECT $$ $1 $$, 'x'");
  const std::string function = "CREATE FUNCTION f(int) RETURNS int LANGUAGE plpgsql AS $body$\n"
                               "BEGIN RETURN $1 + $x$ $1 $x$::int; END $body$";
  CHECK(bound(function + "; COMMENT ON FUNCTION f(int) IS $1", {"adds"}) == function +
                                                                            "; COMMENT ON FUNCTION f(int) IS 'adds'");
}

TEST_CASE("execute tells $10 from $1 and binds parameters next to operators", "[ops][execute]") {
  std::vector<std::optional<std::string>> ten{"one", "2", "3", "4", "5", "6", "7", "8", "9", "ten"};
  CHECK(bound("SELECT $10, $1", ten) == "SELECT 'ten', 'one'");
  CHECK(bound("SELECT $1::int+$2, ($10)", ten) == "SELECT 'one'::int+'2', ('ten')");
  // Each value is quoted once and never scanned again: a `$2` in a value stays text.
  CHECK(bound("SELECT $1, $2", {"$2", std::nullopt}) == "SELECT '$2', NULL");
}

TEST_CASE("execute without values sends the SQL as written", "[ops][execute]") {
  // These `$1` belong to the statement itself, not to op.execute.
  CHECK(bound("PREPARE p(int) AS SELECT $1", {}) == "PREPARE p(int) AS SELECT $1");
  CHECK(bound("CREATE FUNCTION f(int) RETURNS int RETURN $1 + 1", {}) ==
        "CREATE FUNCTION f(int) RETURNS int RETURN $1 + 1");
}

TEST_CASE("execute refuses a parameter with no value, and SQL the scanner cannot read", "[ops][execute]") {
  auto fails = [](const std::string& sql, std::vector<std::optional<std::string>> params) {
    Ops op;
    op.execute(sql, std::move(params));
    return op.operations().front();
  };
  CHECK_THROWS_WITH(ops::render_sql(fails("SELECT $2", {"only one"})),
                    Catch::Contains("parameter $2 has no bound value (1 given)"));
  CHECK_THROWS_WITH(ops::render_sql(fails("SELECT $0", {"x"})), Catch::Contains("parameter $0 has no bound value"));
  CHECK_THROWS_WITH(ops::render_sql(fails("SELECT $99999999999999999999999", {"x"})),
                    Catch::Contains("has no bound value"));
  CHECK_THROWS_AS(ops::render_sql(fails("SELECT $1, 'unterminated", {"x"})), RevisionError);
  CHECK_THROWS_WITH(ops::render_sql(fails("SELECT $1, 'unterminated", {"x"})),
                    Catch::Contains("cannot find the parameters"));
}
