// What a failed statement touched, as the retry of a lock timeout needs it.
#include <catch2/catch.hpp>

#include "migrate/script/sql_objects.hpp"

using migrate::script::concurrent_index_in;
using migrate::script::relations_in;

TEST_CASE("the relations a statement names, qualified as written", "[unit][script][sql_objects]") {
  using V = std::vector<std::string>;
  CHECK(relations_in("ALTER TABLE ecommerce.orders ADD COLUMN note text") == V{"ecommerce.orders"});
  CHECK(relations_in("LOCK TABLE a.b, c") == V{"a.b", "c"});
  CHECK(relations_in("UPDATE x AS y SET a = 1 FROM z, x WHERE true") == V{"x", "z"});
  CHECK(relations_in("ALTER TABLE \"Odd \"\"Name\"\"\" ADD COLUMN v int") == V{"Odd \"Name\""});
  CHECK(relations_in("SELECT 1").empty());
  CHECK(relations_in("NOT SQL AT ALL").empty());
}

TEST_CASE("the index a CREATE INDEX CONCURRENTLY builds", "[unit][script][sql_objects]") {
  auto ix = concurrent_index_in("CREATE UNIQUE INDEX CONCURRENTLY ix_email ON ecommerce.customers (email)");
  REQUIRE(ix);
  CHECK(ix->name == "ix_email");
  CHECK(ix->table == "ecommerce.customers");
  ix = concurrent_index_in("create index concurrently if not exists ix_v on t1 (v)");
  REQUIRE(ix);
  CHECK(ix->table == "t1");
  CHECK_FALSE(concurrent_index_in("CREATE INDEX ix_v ON t1 (v)"));                  // not concurrently
  CHECK_FALSE(concurrent_index_in("CREATE INDEX CONCURRENTLY ON t1 (v)"));          // no name to drop by
  CHECK_FALSE(concurrent_index_in("DROP INDEX CONCURRENTLY ix_v"));
  CHECK_FALSE(concurrent_index_in("CREATE INDEX CONCURRENTLY a ON t (v); SELECT 1"));  // not one statement
}
