// The UUID v7 functions from docker/postgres/init_dependencies.sql, on a real server.
#include <catch2/catch.hpp>

#include "support/test_db.hpp"

using test_support::TestDatabase;

TEST_CASE("init_dependencies creates the extensions and schemas", "[init]") {
  TestDatabase db;
  CHECK(db.rows("SELECT extname FROM pg_extension WHERE extname IN ('uuid-ossp','pgcrypto','btree_gin') ORDER BY 1") ==
        "btree_gin\npgcrypto\nuuid-ossp");
  CHECK(db.rows("SELECT nspname FROM pg_namespace WHERE nspname IN ('ecommerce','audit','archive') ORDER BY 1") ==
        "archive\naudit\necommerce");
}

TEST_CASE("uuid_generate_v7 follows RFC 9562", "[init][uuid]") {
  TestDatabase db;
  // Version nibble 7 and variant bits 10 on a thousand values.
  CHECK(db.scalar("SELECT count(*) FROM (SELECT uuid_generate_v7()::text AS u FROM generate_series(1,1000)) s "
                  "WHERE substr(u, 15, 1) = '7' AND substr(u, 20, 1) IN ('8','9','a','b')") == "1000");
  // The timestamp it carries is now, to within a second.
  CHECK(db.scalar("SELECT abs(extract(epoch FROM uuid_v7_to_timestamptz(uuid_generate_v7()) - clock_timestamp())) < 1") == "t");
  // Values are unique.
  CHECK(db.scalar("SELECT count(DISTINCT u) FROM (SELECT uuid_generate_v7() u FROM generate_series(1,10000)) s") == "10000");
}

TEST_CASE("uuid v7 values from later milliseconds sort later", "[init][uuid]") {
  TestDatabase db;
  db.exec("CREATE TABLE draws (i serial, u uuid)");
  // Each draw is its own statement after a 2 ms sleep: distinct milliseconds, in order.
  for (int i = 0; i < 20; ++i) db.exec("SELECT pg_sleep(0.002); INSERT INTO draws (u) VALUES (uuid_generate_v7())");
  CHECK(db.scalar("SELECT bool_and(u > prev) FROM (SELECT u, lag(u) OVER (ORDER BY i) prev FROM draws) s "
                  "WHERE prev IS NOT NULL") == "t");
  CHECK(db.scalar("SELECT count(*) FROM draws") == "20");
}

TEST_CASE("uuid_v7_to_timestamptz decodes a known value", "[init][uuid]") {
  TestDatabase db;
  // 0x017f22e279b0 ms = 2022-02-22 19:22:22 UTC, the RFC 9562 test vector.
  CHECK(db.scalar("SELECT uuid_v7_to_timestamptz('017f22e2-79b0-7cc3-98c4-dc0c0c07398f') AT TIME ZONE 'UTC'") ==
        "2022-02-22 19:22:22");
}
