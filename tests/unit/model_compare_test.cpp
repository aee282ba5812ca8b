// compare(): equal catalogs give nothing; each kind of drift the operation that removes it,
// carrying what was found so that reverse() is the downgrade; describe() names each one.
#include <catch2/catch.hpp>

#include <algorithm>

#include "migrate/ops/describe.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/ops/reverse.hpp"
#include "migrate/schema/compare.hpp"
#include "migrate/schema/create_operations.hpp"
#include "migrate/schema/renames.hpp"

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
  t.indexes = {Index{.name = "ix_orders_status", .keys = {"status"}, .options = {.where = "status = 'new'::shop.order_status"}}};
  t.comment = "Orders.";
  Catalog c;
  c.tables = {t};
  c.enums = {{{"shop", "order_status"}, {"new", "paid"}}};
  c.sequences = {{{"shop", "numbers"}, SequenceOptions{.start = 100}}};
  return c;
}

schema::Table& orders(Catalog& c) { return c.tables[0]; }
const schema::Table& orders(const Catalog& c) { return c.tables[0]; }

std::vector<std::string> described(const std::vector<Operation>& operations) {
  std::vector<std::string> out;
  for (const auto& o : operations) out.push_back(ops::describe(o));
  return out;
}

std::vector<std::string> sql_of(const std::vector<Operation>& operations) {
  std::vector<std::string> out;
  for (const auto& o : operations)
    for (auto& s : ops::render_sql(o)) out.push_back(std::move(s));
  return out;
}

// What every alter of a column of `found` carries besides its change.
AlterColumnOptions existing(const Column& found) {
  return {.existing_type = found.type,
          .existing_nullable = found.options.nullable,
          .existing_server_default = found.options.server_default,
          .existing_comment = found.options.comment};
}

}  // namespace

TEST_CASE("equal catalogs compare equal", "[model][compare]") { CHECK(schema::compare(sample(), sample()).empty()); }

TEST_CASE("each drift is one operation naming the object, in apply order", "[model][compare]") {
  const auto wanted = sample();
  auto found = sample();
  auto& t = orders(found);
  t.columns[2].options.nullable = true;
  t.columns[1].options.server_default = "'paid'::shop.order_status";
  t.columns.push_back(Column("extra", Text()));
  t.constraints.pop_back();
  t.indexes[0].options.unique = true;
  t.comment.reset();
  found.enums[0].values = {"new"};
  found.sequences[0].options.start = 1;
  const auto d = schema::compare(wanted, found);
  CHECK(described(d) == std::vector<std::string>{
                            "add value 'paid' to enum shop.order_status after 'new'",
                            "execute ALTER SEQUENCE shop.numbers START WITH 100",
                            "alter column shop.orders.status: default 'paid'::shop.order_status -> 'new'::shop.order_status",
                            "alter column shop.orders.total: NULL -> NOT NULL",
                            "drop index shop.ix_orders_status",
                            "create index shop.ix_orders_status on shop.orders (status)",
                            "add check constraint ck_orders_total (total >= 0::numeric) on shop.orders",
                            "comment on table shop.orders: none -> 'Orders.'",
                            "drop column shop.orders.extra",
                        });
  auto status = existing(t.columns[1]);
  status.server_default = "'new'::shop.order_status";
  auto total = existing(t.columns[2]);
  total.nullable = false;
  const QualifiedName table{"shop", "orders"};
  REQUIRE(d.size() == 9);
  CHECK(d[2] == Operation(op::AlterColumn{table, "status", status}));
  CHECK(d[3] == Operation(op::AlterColumn{table, "total", total}));
  CHECK(d[4] == Operation(op::DropIndex{{"shop", "ix_orders_status"}, false, {},
                                        op::CreateIndex{.table = table, .index = t.indexes[0]}}));
  CHECK(d[5] == Operation(op::CreateIndex{.table = table, .index = orders(sample()).indexes[0]}));
  CHECK(d[6] == Operation(op::AddConstraint{table, orders(sample()).constraints[1]}));
  CHECK(d[7] == Operation(op::TableComment{table, "Orders.", std::nullopt}));
  CHECK(d[8] == Operation(op::DropColumn{table, "extra", {}, Column("extra", Text())}));
  CHECK(sql_of({d[1]}) == std::vector<std::string>{"ALTER SEQUENCE shop.numbers START WITH 100"});

  SECTION("the reverse restores what was found, from the values the operations carry") {
    const auto back = ops::reverse(std::vector<Operation>(d.begin() + 2, d.end()));
    CHECK(described(back) == std::vector<std::string>{
                                 "add column shop.orders.extra (text)",
                                 "comment on table shop.orders: 'Orders.' -> none",
                                 "drop check constraint ck_orders_total on shop.orders",
                                 "drop index shop.ix_orders_status",
                                 "create unique index shop.ix_orders_status on shop.orders (status)",
                                 "alter column shop.orders.total: NOT NULL -> NULL",
                                 "alter column shop.orders.status: default 'new'::shop.order_status -> 'paid'::shop.order_status",
                             });
    CHECK(sql_of(back) == std::vector<std::string>{
                              "ALTER TABLE shop.orders ADD COLUMN extra TEXT",
                              "COMMENT ON TABLE shop.orders IS NULL",
                              "ALTER TABLE shop.orders DROP CONSTRAINT ck_orders_total",
                              "DROP INDEX shop.ix_orders_status",
                              "CREATE UNIQUE INDEX ix_orders_status ON shop.orders (status) WHERE status = "
                              "'new'::shop.order_status",
                              "ALTER TABLE shop.orders ALTER COLUMN total DROP NOT NULL",
                              "ALTER TABLE shop.orders ALTER COLUMN status SET DEFAULT 'paid'::shop.order_status",
                          });
    // What cannot be undone says so instead of doing nothing.
    CHECK(!ops::reversible(d));
  }
}

TEST_CASE("a single drift reverses to the comparison the other way round", "[model][compare]") {
  // reverse(compare(wanted, found)) == compare(found, wanted): the downgrade is exact.
  using Change = void (*)(Catalog&);
  const std::vector<std::pair<const char*, Change>> changes = {
      {"a column's type", [](Catalog& c) { orders(c).columns[2].type = Numeric(14, 4); }},
      {"nullability", [](Catalog& c) { orders(c).columns[2].options.nullable = true; }},
      {"a default changed", [](Catalog& c) { orders(c).columns[1].options.server_default = "'paid'::shop.order_status"; }},
      {"a default removed", [](Catalog& c) { orders(c).columns[0].options.server_default.reset(); }},
      {"a column comment", [](Catalog& c) { orders(c).columns[2].options.comment = "Gross."; }},
      {"a column", [](Catalog& c) { orders(c).columns.push_back(Column("note", Text()).comment("Free text.")); }},
      {"a check", [](Catalog& c) { orders(c).constraints.pop_back(); }},
      {"a check's expression", [](Catalog& c) { std::get<CheckConstraint>(orders(c).constraints[1]).expression = "total > 0"; }},
      {"a foreign key",
       [](Catalog& c) {
         orders(c).constraints.push_back(ForeignKeyConstraint{
             .columns = {"id"}, .referred_table = {"shop", "orders"}, .referred_columns = {"id"}, .name = "fk_self"});
       }},
      {"an index", [](Catalog& c) { orders(c).indexes.clear(); }},
      {"an index's predicate", [](Catalog& c) { orders(c).indexes[0].options.where.reset(); }},
      {"a table comment", [](Catalog& c) { orders(c).comment = "Other."; }},
      {"a table", [](Catalog& c) { c.tables.clear(); }},
      {"an enum", [](Catalog& c) { c.enums.clear(); }},
      {"a sequence", [](Catalog& c) { c.sequences.clear(); }},
  };
  for (const auto& [what, change] : changes) {
    INFO(what);
    const auto wanted = sample();
    auto found = sample();
    change(found);
    const auto up = schema::compare(wanted, found);
    CHECK_FALSE(up.empty());
    CHECK(ops::reversible(up));
    const auto down = schema::compare(found, wanted);
    CHECK(described(ops::reverse(up)) == described(down));
    CHECK(ops::reverse(up) == down);
  }
}

TEST_CASE("from nothing, compare is create_operations, and to nothing its reverse", "[model][compare]") {
  CHECK(schema::compare(sample(), Catalog{}) == schema::create_operations(sample()));
  CHECK(schema::compare(Catalog{}, sample()) == ops::reverse(schema::create_operations(sample())));
  CHECK(described(schema::compare(Catalog{}, sample())) ==
        std::vector<std::string>{"drop index shop.ix_orders_status", "drop table shop.orders", "drop sequence shop.numbers",
                                 "drop enum shop.order_status"});
}

TEST_CASE("missing tables and ignored tables", "[model][compare]") {
  auto d = schema::compare(sample(), Catalog{});
  CHECK(described(d) == std::vector<std::string>{"create enum shop.order_status (new, paid)", "create sequence shop.numbers",
                                                 "create table shop.orders",
                                                 "create index shop.ix_orders_status on shop.orders (status)"});
  auto found = sample();
  schema::Table version;
  version.name = {"shop", "alembic_version"};
  version.columns = {Column("version_num", String(32)).not_null()};
  found.tables.push_back(version);
  d = schema::compare(sample(), found);
  REQUIRE(d.size() == 1);
  CHECK(ops::describe(d[0]) == "drop table shop.alembic_version");
  CHECK(d[0] == Operation(op::DropTable{{"shop", "alembic_version"}, {}, schema::create_table(version)}));
  CHECK(schema::compare(sample(), found, {.ignore_tables = {{"shop", "alembic_version"}}}).empty());
  CHECK(schema::compare(sample(), found, {.report_extra = false}).empty());
}

TEST_CASE("report_extra off leaves every extra object alone", "[model][compare]") {
  auto found = sample();
  orders(found).columns.push_back(Column("extra", Text()));
  orders(found).indexes.push_back(Index{.name = "ix_extra", .keys = {"extra"}});
  orders(found).constraints.push_back(UniqueConstraint{.columns = {"extra"}, .name = "uq_extra"});
  found.enums.push_back({{"shop", "old"}, {"x"}});
  found.sequences.push_back({{"shop", "old_seq"}, {}});
  CHECK(schema::compare(sample(), found, {.report_extra = false}).empty());
  CHECK(described(schema::compare(sample(), found)) ==
        std::vector<std::string>{"drop unique constraint uq_extra on shop.orders", "drop index shop.ix_extra",
                                 "drop column shop.orders.extra", "drop sequence shop.old_seq", "drop enum shop.old"});
}

TEST_CASE("a foreign key whose action changed is dropped and added again", "[model][compare]") {
  auto wanted = sample();
  orders(wanted).constraints.push_back(ForeignKeyConstraint{
      .columns = {"id"}, .referred_table = {"shop", "x"}, .referred_columns = {"id"}, .name = "fk_x", .options = {}});
  auto found = wanted;
  auto& found_fk = std::get<ForeignKeyConstraint>(orders(found).constraints.back());
  // Added NOT VALID and never validated: the same key, validated.
  found_fk.options.not_valid = true;
  CHECK(schema::compare(wanted, found) == std::vector<Operation>{op::ValidateConstraint{{"shop", "orders"}, "fk_x"}});
  found_fk.options.on_delete = FkAction::Cascade;
  const auto d = schema::compare(wanted, found);
  REQUIRE(d.size() == 2);
  CHECK(d[0] == Operation(op::DropConstraint{{"shop", "orders"}, "fk_x", {}, orders(found).constraints.back()}));
  CHECK(d[1] == Operation(op::AddConstraint{{"shop", "orders"}, orders(wanted).constraints.back()}));
  CHECK(described(d) == std::vector<std::string>{"drop foreign key fk_x on shop.orders",
                                                 "add foreign key fk_x (id) -> shop.x (id) on shop.orders"});
  // NO ACTION, PostgreSQL's default, is left unsaid.
  CHECK(sql_of({d[1]}).front().find("ON DELETE") == std::string::npos);
  found_fk.options.on_delete = FkAction::NoAction;
  found_fk.options.match = FkMatch::Full;
  CHECK(schema::compare(wanted, found).size() == 2);
}

TEST_CASE("an index whose method changed is dropped and created again", "[model][compare]") {
  auto wanted = sample();
  orders(wanted).indexes[0].options.method = IndexMethod::BTree;
  CHECK(schema::compare(wanted, sample()).empty());
  orders(wanted).indexes[0].options.method = IndexMethod::Hash;
  CHECK(described(schema::compare(wanted, sample())) ==
        std::vector<std::string>{"drop index shop.ix_orders_status", "create index shop.ix_orders_status on shop.orders (status)"});
}

TEST_CASE("new enum labels are added in position", "[model][compare]") {
  auto wanted = sample();
  auto found = sample();
  wanted.enums[0].values = {"draft", "quote", "new", "paid", "shipped", "lost"};
  found.enums[0].values = {"new", "shipped"};
  const auto d = schema::compare(wanted, found);
  const QualifiedName type{"shop", "order_status"};
  // Each carries the labels before it and the type's columns, which its reverse needs.
  const std::vector<op::EnumColumn> columns = {
      {{"shop", "orders"}, "status", "'new'::shop.order_status", "'new'::shop.order_status", false}};
  CHECK(d == std::vector<Operation>{
                 op::AddEnumValue{.type = type, .value = "draft", .before = "new", .existing_values = {"new", "shipped"},
                                  .columns = columns},
                 op::AddEnumValue{.type = type, .value = "quote", .before = "new",
                                  .existing_values = {"draft", "new", "shipped"}, .columns = columns},
                 op::AddEnumValue{.type = type, .value = "paid", .after = "new",
                                  .existing_values = {"draft", "quote", "new", "shipped"}, .columns = columns},
                 op::AddEnumValue{.type = type, .value = "lost", .after = "shipped",
                                  .existing_values = {"draft", "quote", "new", "paid", "shipped"}, .columns = columns}});
  // Taken out again by replacing the type with the labels before the add.
  CHECK(ops::reverse(d[3]) ==
        std::vector<Operation>{op::ReplaceEnum{type, {"draft", "quote", "new", "paid", "shipped"},
                                               {"draft", "quote", "new", "paid", "shipped", "lost"}, columns}});
  CHECK(ops::reversible(d));
  CHECK(sql_of(d) == std::vector<std::string>{"ALTER TYPE shop.order_status ADD VALUE 'draft' BEFORE 'new'",
                                              "ALTER TYPE shop.order_status ADD VALUE 'quote' BEFORE 'new'",
                                              "ALTER TYPE shop.order_status ADD VALUE 'paid' AFTER 'new'",
                                              "ALTER TYPE shop.order_status ADD VALUE 'lost' AFTER 'shipped'"});
  CHECK(ops::describe(d[0]) == "add value 'draft' to enum shop.order_status before 'new'");

  found.enums[0].values = {};
  CHECK(schema::compare(wanted, found).size() == 6);
  CHECK(std::get<op::AddEnumValue>(schema::compare(wanted, found)[1]).after == "draft");

}

TEST_CASE("an enum with labels removed or moved is replaced, its columns converted, with a note why", "[model][compare]") {
  const QualifiedName type{"shop", "order_status"};
  const QualifiedName table{"shop", "orders"};
  auto found = sample();
  found.enums[0].values = {"new", "gone", "paid"};
  auto wanted = sample();
  orders(wanted).columns[1].options.server_default = "'paid'::shop.order_status";
  const auto d = schema::compare(wanted, found);
  REQUIRE(d.size() == 2);
  REQUIRE(std::holds_alternative<op::Note>(d[0]));
  CHECK(std::get<op::Note>(d[0]).text.find("enum shop.order_status: labels removed: gone") == 0);
  // The column's default is the replacement's to set: no separate alter that its reverse
  // would run against the wrong type.
  CHECK(d[1] == Operation{op::ReplaceEnum{type, {"new", "paid"}, {"new", "gone", "paid"},
                                          {{table, "status", "'paid'::shop.order_status", "'new'::shop.order_status"}}}});
  CHECK(sql_of({d[1]}) == std::vector<std::string>{
                              "ALTER TYPE shop.order_status RENAME TO order_status_old",
                              "CREATE TYPE shop.order_status AS ENUM ('new', 'paid')",
                              "ALTER TABLE shop.orders ALTER COLUMN status DROP DEFAULT",
                              "ALTER TABLE shop.orders ALTER COLUMN status TYPE shop.order_status USING "
                              "status::text::shop.order_status",
                              "ALTER TABLE shop.orders ALTER COLUMN status SET DEFAULT 'paid'::shop.order_status",
                              "DROP TYPE shop.order_status_old"});
  // The downgrade is the replacement the other way round.
  CHECK(ops::reverse(d[1]) == std::vector<Operation>{op::ReplaceEnum{
                                  type, {"new", "gone", "paid"}, {"new", "paid"},
                                  {{table, "status", "'new'::shop.order_status", "'paid'::shop.order_status"}}}});
  CHECK(ops::reversible(d));

  found.enums[0].values = {"paid", "new"};
  const auto moved = schema::compare(sample(), found);
  REQUIRE(moved.size() == 2);
  CHECK(std::get<op::Note>(moved[0]).text.find("labels reordered") != std::string::npos);
  CHECK(std::get<op::ReplaceEnum>(moved[1]).values == std::vector<std::string>{"new", "paid"});
}

TEST_CASE("declared renames are renames: data kept, references follow, nothing dropped", "[model][compare]") {
  Catalog found = sample();
  schema::Table lines;
  lines.name = {"shop", "lines"};
  lines.columns = {Column("order_id", UUID())};
  lines.constraints = {ForeignKeyConstraint{
      .columns = {"order_id"}, .referred_table = {"shop", "orders"}, .referred_columns = {"id"}, .name = "fk_lines_order"}};
  found.tables.push_back(lines);
  orders(found).name = {"shop", "purchases"};
  orders(found).columns[2].name = "amount";
  orders(found).constraints[1] = CheckConstraint{.expression = "amount >= 0::numeric", .name = "ck_orders_total"};
  for (auto& c : found.tables[1].constraints) std::get<ForeignKeyConstraint>(c).referred_table = {"shop", "purchases"};

  Catalog wanted = sample();
  wanted.tables.push_back(lines);
  orders(wanted).renamed_from = "purchases";
  orders(wanted).renamed_columns["total"] = "amount";
  CHECK(schema::compare(wanted, found) ==
        std::vector<Operation>{op::RenameTable{{"shop", "purchases"}, "orders"},
                               op::AlterColumn{{"shop", "orders"}, "amount", {.new_name = "total"}}});
  CHECK(sql_of(schema::compare(wanted, found)) ==
        std::vector<std::string>{"ALTER TABLE shop.purchases RENAME TO orders",
                                 "ALTER TABLE shop.orders RENAME COLUMN amount TO total"});
  // Once the database has the new names, the declarations change nothing.
  wanted.tables.pop_back();
  CHECK(schema::compare(wanted, sample()).empty());
}

TEST_CASE("an undeclared rename is a drop and an add, with a note naming renamed_from", "[model][compare]") {
  auto found = sample();
  orders(found).columns[2].name = "amount";
  const auto d = schema::compare(sample(), found);
  const auto lines = described(d);
  for (const auto& l : lines) UNSCOPED_INFO(l);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].find("note: shop.orders.total is added and amount dropped, both numeric(12,2): if it is a rename, "
                      "declare .renamed_from(\"amount\")") == 0);
  CHECK(lines[1] == "add column shop.orders.total (numeric(12,2) NOT NULL)");
  CHECK(lines[2] == "drop column shop.orders.amount");

  auto moved = sample();
  orders(moved).name = {"shop", "purchases"};
  const auto tables = described(schema::compare(sample(), moved));
  CHECK(std::count_if(tables.begin(), tables.end(), [](const std::string& l) {
          return l.find("note: shop.orders is created and shop.purchases dropped, with the same columns") == 0;
        }) == 1);
}

TEST_CASE("a schema the database lacks is created first, and none is ever dropped", "[model][compare]") {
  auto found = sample();
  found.tables.clear();
  found.enums.clear();
  found.sequences.clear();
  found.schemas = std::vector<std::string>{"public", "legacy"};
  const auto d = schema::compare(sample(), found);
  REQUIRE_FALSE(d.empty());
  CHECK(d[0] == Operation{op::CreateSchema{"shop", false}});
  CHECK(ops::reverse(d[0]) == std::vector<Operation>{op::DropSchema{"shop", {}}});
  found.schemas->push_back("shop");
  CHECK(described(schema::compare(sample(), found))[0] != "create schema shop");
  // Unknown (a declared catalog): nothing is assumed missing.
  found.schemas.reset();
  CHECK(described(schema::compare(sample(), found))[0] != "create schema shop");
}

TEST_CASE("a constraint left NOT VALID is validated when the model has it valid", "[model][compare]") {
  auto found = sample();
  std::get<CheckConstraint>(orders(found).constraints[1]).options.not_valid = true;
  CHECK(schema::compare(sample(), found) == std::vector<Operation>{op::ValidateConstraint{{"shop", "orders"}, "ck_orders_total"}});
  auto wanted = sample();
  std::get<CheckConstraint>(orders(wanted).constraints[1]).options.not_valid = true;
  CHECK(schema::compare(wanted, found).empty());
}

TEST_CASE("a renamed column's name is replaced in expressions, never in literals or other names", "[model][compare]") {
  using schema::rename_identifier;
  CHECK(rename_identifier("amount >= 0 AND amount < 10", "amount", "total") == "total >= 0 AND total < 10");
  CHECK(rename_identifier("\"amount\" > 0", "amount", "Total") == "\"Total\" > 0");
  CHECK(rename_identifier("note <> 'amount' AND amounts > 0", "amount", "total") == "note <> 'amount' AND amounts > 0");
  CHECK(rename_identifier("x.amount > 0 AND amount(1) > 0", "amount", "total") == "x.amount > 0 AND amount(1) > 0");
  CHECK(rename_identifier("'it''s amount' || amount", "amount", "total") == "'it''s amount' || total");
}

TEST_CASE("differences no operation expresses are left to a person, named", "[model][compare]") {
  auto found = sample();
  orders(found).columns[2].options.identity = Identity{};
  orders(found).columns[1].options.collation = "C";
  orders(found).columns[0].options.generated = "gen()";
  orders(found).partition_by = PartitionBy::hash({"id"});
  CHECK(described(schema::compare(sample(), found)) ==
        std::vector<std::string>{
            "needs a hand-written step: shop.orders.id: generated: wanted none, found gen(); no operation does this: write it by hand",
            "needs a hand-written step: shop.orders.status: collation: wanted default, found C; no operation does this: write "
            "it by hand",
            "needs a hand-written step: shop.orders.total: identity: wanted none, found BY DEFAULT; no operation does this: "
            "write it by hand",
            "needs a hand-written step: shop.orders: partitioning differs; a table is partitioned when created; no operation "
            "does this: write it by hand"});
}

TEST_CASE("sequences: only what the declaration says is compared, altered in place", "[model][compare]") {
  auto wanted = sample();
  wanted.sequences[0].options = {.as = BigInteger(), .start = 100, .increment = 2, .cycle = true};
  auto found = sample();
  found.sequences[0].options = {.as = Type("integer"), .start = 100, .increment = 1, .min_value = 1, .max_value = 99, .cache = 1};
  CHECK(sql_of(schema::compare(wanted, found)) ==
        std::vector<std::string>{"ALTER SEQUENCE shop.numbers AS BIGINT INCREMENT BY 2 CYCLE"});
  found.sequences[0].options = {.as = Type("bigint"), .start = 100, .increment = 2, .min_value = 1, .cache = 1, .cycle = true};
  CHECK(schema::compare(wanted, found).empty());
}

TEST_CASE("tables are created in foreign-key order and dropped in the opposite one", "[model][compare]") {
  schema::Table parent;
  parent.name = {"shop", "customers"};
  parent.columns = {Column("id", Integer()).not_null()};
  parent.constraints = {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_customers"}};
  schema::Table child;
  child.name = {"shop", "carts"};
  child.columns = {Column("id", Integer()).not_null(), Column("customer_id", Integer())};
  child.constraints = {ForeignKeyConstraint{.columns = {"customer_id"}, .referred_table = parent.name,
                                            .referred_columns = {"id"}, .name = "fk_carts_customer_id_customers"}};
  Catalog two;
  two.tables = {child, parent};  // the child declared first
  CHECK(described(schema::compare(two, Catalog{})) ==
        std::vector<std::string>{"create table shop.customers", "create table shop.carts"});
  CHECK(described(schema::compare(Catalog{}, two)) ==
        std::vector<std::string>{"drop table shop.carts", "drop table shop.customers"});

  SECTION("a kept table's foreign key to a dropped table goes first") {
    auto wanted = sample();
    auto found = sample();
    found.tables.push_back(parent);
    orders(found).columns.push_back(Column("customer_id", Integer()));
    orders(found).constraints.push_back(ForeignKeyConstraint{.columns = {"customer_id"}, .referred_table = parent.name,
                                                             .referred_columns = {"id"}, .name = "fk_orders_customer"});
    CHECK(described(schema::compare(wanted, found)) ==
          std::vector<std::string>{"drop foreign key fk_orders_customer on shop.orders", "drop column shop.orders.customer_id",
                                   "drop table shop.customers"});
  }

  SECTION("a new foreign key comes after the constraints it may need, a renamed primary key after the old one goes") {
    auto wanted = sample();
    wanted.tables.push_back(parent);
    auto found = wanted;
    std::get<PrimaryKeyConstraint>(found.tables[1].constraints[0]).name = "customers_pkey";
    orders(wanted).columns.push_back(Column("customer_id", Integer()));
    orders(wanted).constraints.insert(orders(wanted).constraints.begin(),
                                      ForeignKeyConstraint{.columns = {"customer_id"}, .referred_table = parent.name,
                                                           .referred_columns = {"id"}, .name = "fk_orders_customer"});
    orders(wanted).constraints.push_back(UniqueConstraint{.columns = {"customer_id"}, .name = "uq_orders_customer_id"});
    CHECK(described(schema::compare(wanted, found)) ==
          std::vector<std::string>{"add column shop.orders.customer_id (integer)",
                                   "drop primary key customers_pkey on shop.customers",
                                   "add unique constraint uq_orders_customer_id (customer_id) on shop.orders",
                                   "add primary key pk_customers (id) on shop.customers",
                                   "add foreign key fk_orders_customer (customer_id) -> shop.customers (id) on shop.orders"});
  }
}

TEST_CASE("partitions are compared only when wanted lists some", "[model][compare]") {
  auto found = sample();
  orders(found).partition_by = PartitionBy::range({"id"});
  orders(found).partitions = {{{"shop", "orders_a"}, "FOR VALUES FROM (MINVALUE) TO ('8')"},
                              {{"shop", "orders_old"}, "FOR VALUES FROM ('8') TO ('9')"}};
  auto wanted = found;
  orders(wanted).partitions.clear();
  CHECK(schema::compare(wanted, found).empty());

  orders(wanted).partitions = {{{"shop", "orders_a"}, "FOR VALUES FROM (MINVALUE) TO ('7')"},
                               {{"shop", "orders_default"}, "DEFAULT"}};
  const auto d = schema::compare(wanted, found);
  const QualifiedName parent{"shop", "orders"};
  CHECK(described(d) == std::vector<std::string>{"detach partition shop.orders_a from shop.orders",
                                                 "attach partition shop.orders_a to shop.orders (from (MINVALUE) to ('7'))",
                                                 "create partition shop.orders_default of shop.orders (default)",
                                                 "detach partition shop.orders_old from shop.orders",
                                                 "drop table shop.orders_old"});
  REQUIRE(d.size() == 5);
  CHECK(d[0] == Operation(op::DetachPartition{parent, {"shop", "orders_a"}, false,
                                              PartitionBound::range({"MINVALUE"}, {"'8'"})}));
  // The dropped partition comes back with the parent's columns (no comments) and checks, re-attached.
  const auto back = ops::reverse(std::vector<Operation>{d[3], d[4]});
  REQUIRE(back.size() == 2);
  const auto& recreated = std::get<op::CreateTable>(back[0]);
  CHECK(recreated.table == QualifiedName("shop", "orders_old"));
  CHECK(recreated.columns.size() == 3);
  CHECK(recreated.constraints == std::vector<Constraint>{orders(found).constraints[1]});
  CHECK(back[1] == Operation(op::AttachPartition{parent, {"shop", "orders_old"}, PartitionBound::range({"'8'"}, {"'9'"})}));

  orders(wanted).partitions.push_back({{"shop", "orders_odd"}, "FOR VALUES SOMEHOW"});
  const auto odd = schema::compare(wanted, found);
  CHECK(std::count_if(odd.begin(), odd.end(), [](const Operation& o) { return std::holds_alternative<op::Irreversible>(o); }) ==
        1);
}
