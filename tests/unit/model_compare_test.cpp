// The first Catalog comparison: equal catalogs give nothing, each kind of drift one named line.
#include <catch2/catch.hpp>

#include <algorithm>

#include "migrate/schema/compare.hpp"

using namespace migrate;
using schema::Catalog;

namespace {

Catalog sample() {
  schema::Table t;
  t.name = {"shop", "orders"};
  t.columns = {Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
               Column("status", Type("shop.order_status")).not_null().server_default("'new'::shop.order_status"),
               Column("total", Numeric(12, 2)).not_null()};
  t.constraints = {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_orders"},
                   CheckConstraint{.expression = "total >= 0::numeric", .name = "ck_orders_total"}};
  t.indexes = {Index{.name = "ix_orders_status", .keys = {"status"},
                     .options = {.where = "status = 'new'::shop.order_status"}}};
  t.comment = "Orders.";
  Catalog c;
  c.tables = {t};
  c.enums = {{{"shop", "order_status"}, {"new", "paid"}}};
  c.sequences = {{{"shop", "numbers"}, SequenceOptions{.start = 100}}};
  return c;
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("equal catalogs compare equal", "[model][compare]") { CHECK(schema::compare(sample(), sample()).empty()); }

TEST_CASE("each drift is one line naming the object", "[model][compare]") {
  auto found = sample();
  auto& t = found.tables[0];
  t.columns[2].options.nullable = true;
  t.columns[1].options.server_default = "'paid'::shop.order_status";
  t.columns.push_back(Column("extra", Text()));
  t.constraints.pop_back();
  t.indexes[0].options.unique = true;
  t.comment.reset();
  found.enums[0].values.push_back("lost");
  found.sequences[0].options.start = 1;
  auto d = schema::compare(sample(), found);
  INFO(d.size());
  CHECK(has(d, "shop.orders.total: nullable: wanted NOT NULL, found NULL"));
  CHECK(has(d, "shop.orders.status: default: wanted 'new'::shop.order_status, found 'paid'::shop.order_status"));
  CHECK(has(d, "shop.orders.extra: column not in the models"));
  CHECK(has(d, "shop.orders: check constraint ck_orders_total missing"));
  CHECK(has(d, "shop.orders index ix_orders_status: definition: wanted INDEX"));
  CHECK(has(d, "shop.orders: comment: wanted Orders., found none"));
  CHECK(has(d, "enum shop.order_status: labels"));
  CHECK(has(d, "sequence shop.numbers: start: wanted 100, found 1"));
  CHECK(d.size() == 8);
}

TEST_CASE("missing tables and ignored tables", "[model][compare]") {
  Catalog empty;
  auto d = schema::compare(sample(), empty);
  CHECK(has(d, "shop.orders: table missing"));
  CHECK(has(d, "enum shop.order_status missing"));
  auto found = sample();
  schema::Table version;
  version.name = {"shop", "alembic_version"};
  found.tables.push_back(version);
  CHECK(has(schema::compare(sample(), found), "shop.alembic_version: table not in the models"));
  CHECK(schema::compare(sample(), found, {.ignore_tables = {{"shop", "alembic_version"}}}).empty());
  CHECK(schema::compare(sample(), found, {.report_extra = false}).empty());
}

TEST_CASE("NO ACTION and an unsaid action are the same foreign key", "[model][compare]") {
  auto wanted = sample();
  wanted.tables[0].constraints.push_back(ForeignKeyConstraint{
      .columns = {"id"}, .referred_table = {"shop", "x"}, .referred_columns = {"id"}, .name = "fk_x",
          .options = {.on_delete = FkAction::NoAction}});
  auto found = wanted;
  std::get<ForeignKeyConstraint>(found.tables[0].constraints.back()).options.on_delete = FkAction{};  // left unsaid
  CHECK(schema::compare(wanted, found).empty());
  std::get<ForeignKeyConstraint>(found.tables[0].constraints.back()).options.on_delete = FkAction::Cascade;
  CHECK(has(schema::compare(wanted, found), "ON DELETE NO ACTION"));
}
