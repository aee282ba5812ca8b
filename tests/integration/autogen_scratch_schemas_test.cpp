// ScratchSchemas::build against a real server: a catalog is created under the scratch names in
// one batch, and when a statement fails it is named, in the real names, with the transaction
// still usable and nothing of the batch left behind.
#include <catch2/catch.hpp>

#include "migrate/autogen/scratch_schemas.hpp"
#include "migrate/db/session.hpp"
#include "support/test_db.hpp"

using namespace migrate;
using test_support::TestDatabase;

namespace {

schema::Catalog shop(const std::string& check) {
  schema::Table customers;
  customers.name = {"shop", "customers"};
  customers.columns = {Column("id", Integer()).not_null(), Column("email", Text())};
  customers.constraints = {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_customers"}};
  schema::Table orders;
  orders.name = {"shop", "orders"};
  orders.columns = {Column("id", Integer()).not_null(), Column("total", Numeric(10, 2))};
  orders.constraints = {CheckConstraint{.expression = check, .name = "ck_orders_total"}};
  schema::Catalog c;
  c.tables = {customers, orders};
  return c;
}

}  // namespace

TEST_CASE("scratch schemas are built in one batch and read back under the real names", "[integration][autogen]") {
  TestDatabase db;
  db::Session session(db.conninfo());
  session.sink().begin();
  autogen::ScratchSchemas scratch("migrate_test_", {"shop"});
  scratch.create(session);

  SECTION("a catalog that can be created") {
    REQUIRE_FALSE(scratch.build(session, shop("total >= 0")).has_value());
    const auto back = scratch.read(session);
    REQUIRE(back.tables.size() == 2);
    CHECK(back.table({"shop", "orders"})->constraints.size() == 1);
  }
  SECTION("a statement that fails is named, and the batch leaves nothing") {
    auto failed = scratch.build(session, shop("totl >= 0"));
    REQUIRE(failed.has_value());
    CHECK(failed->sql.find("CREATE TABLE shop.orders") == 0);
    CHECK(failed->message.find("column \"totl\" does not exist") != std::string::npos);
    // Rolled back to before the batch: the first table of it is gone, the transaction lives on.
    CHECK(scratch.read(session).tables.empty());
    REQUIRE_FALSE(scratch.build(session, shop("total >= 0")).has_value());
    CHECK(scratch.read(session).tables.size() == 2);
  }
}
