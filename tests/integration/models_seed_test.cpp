// scripts/seed.sql on a freshly upgraded database: it loads, obeys every constraint, and is deterministic.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "support/run_binary.hpp"
#include "support/test_db.hpp"
#include "test_config.hpp"

using test_support::TestDatabase;

namespace {

std::string psql() {
  const char* packaged = "/usr/lib/postgresql/15/bin/psql";
  return access(packaged, X_OK) == 0 ? packaged : "psql";
}

test_support::Result seed(const TestDatabase& db) {
  return test_support::run_program({psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.conninfo(), "-f",
                                    std::string(test_config::source_dir) + "/scripts/seed.sql"});
}

// Everything the seed decides, as one hash: timestamps from now() and generated ids excluded.
const char* kFingerprint =
    "SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
    " SELECT id::text || email || is_deleted::text AS x FROM ecommerce.customers"
    " UNION ALL SELECT id::text || order_number || status::text || total_amount::text || created_at::text FROM ecommerce.orders"
    " UNION ALL SELECT order_id::text || variant_id::text || quantity::text || line_total::text FROM ecommerce.order_items"
    " UNION ALL SELECT product_id::text || rating::text FROM ecommerce.reviews) s";

}  // namespace

TEST_CASE("the seed data loads into an upgraded database, deterministically", "[models][seed][integration]") {
  TestDatabase db;
  auto up = test_support::run_migrate(
      {"-c", std::string(test_config::source_dir) + "/migrate.ini", "--url", db.url(), "upgrade", "head"});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);

  auto first = seed(db);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.customers") == "300");
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.customers WHERE is_deleted") == "15");
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.products") == "200");
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.product_variants") == "400");
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.orders") == "1000");
  CHECK(db.scalar("SELECT count(*) >= 1000 FROM ecommerce.order_items") == "t");
  CHECK(db.scalar("SELECT count(*) > 0 FROM ecommerce.reviews") == "t");
  CHECK(db.scalar("SELECT count(*) > 0 FROM ecommerce.payments") == "t");
  CHECK(db.scalar("SELECT count(*) > 0 FROM ecommerce.shipments") == "t");
  CHECK(db.scalar("SELECT count(*) FROM archive.orders") == "120");
  // Every order's amounts are its lines' (the check constraint holds the total to them).
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.orders o WHERE subtotal_amount <> "
                  "(SELECT sum(line_total) FROM ecommerce.order_items i WHERE i.order_id = o.id)") == "0");
  // The audit trigger saw the load.
  CHECK(db.scalar("SELECT count(*) > 1000 FROM audit.audit_log WHERE actor = 'seed'") == "t");
  // New orders continue after the seeded numbers.
  CHECK(db.scalar("SELECT nextval('ecommerce.order_number_seq')") == "101001");

  // A second run replaces the data with the very same rows.
  const auto fingerprint = db.scalar(kFingerprint);
  auto second = seed(db);
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.customers") == "300");
  CHECK(db.scalar(kFingerprint) == fingerprint);
}
