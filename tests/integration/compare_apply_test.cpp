// compare()'s operations applied to a real database: they reach `wanted`, and their reverse
// comes back to `found`, as the server itself reads both schemas.
#include <catch2/catch.hpp>

#include <algorithm>

#include "migrate/db/connection.hpp"
#include "migrate/ops/describe.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/ops/reverse.hpp"
#include "migrate/schema/compare.hpp"
#include "support/test_db.hpp"

using namespace migrate;
using test_support::TestDatabase;

namespace {

const std::vector<std::string> kSchemas = {"diff"};

// In one transaction, as a revision's upgrade runs by default.
void apply_in_one_transaction(const TestDatabase& db, const std::vector<Operation>& operations) {
  auto connection = db::connect(db.conninfo());
  pqxx::work tx(*connection);
  for (const auto& o : operations)
    for (const auto& statement : ops::render_sql(o)) {
      INFO(statement);
      REQUIRE_NOTHROW(tx.exec(statement));
    }
  tx.commit();
}

// A declared catalog created in `db` (compare from nothing), read back in the server's spelling.
schema::Catalog built(const TestDatabase& db, const schema::Catalog& declared) {
  db.exec("CREATE SCHEMA diff");
  apply_in_one_transaction(db, schema::compare(declared, schema::Catalog{}));
  return db.introspect(kSchemas);
}

std::vector<std::string> described(const std::vector<Operation>& operations) {
  std::vector<std::string> out;
  for (const auto& o : operations) out.push_back(ops::describe(o));
  return out;
}

void check_empty(const std::vector<Operation>& differences) {
  for (const auto& d : differences) UNSCOPED_INFO(ops::describe(d));
  CHECK(differences.empty());
}

schema::Table table(QualifiedName name, std::vector<Column> columns, std::vector<Constraint> constraints = {},
                    std::vector<Index> indexes = {}) {
  schema::Table t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  t.constraints = std::move(constraints);
  t.indexes = std::move(indexes);
  return t;
}

ForeignKeyConstraint fk(std::string name, std::string column, QualifiedName to, FkAction on_delete = FkAction::NoAction) {
  return {.columns = {std::move(column)}, .referred_table = std::move(to), .referred_columns = {"id"}, .name = std::move(name),
          .options = {.on_delete = on_delete}};
}

std::string month(const char* from, const char* to) {
  return std::string("FOR VALUES FROM ('") + from + " 00:00:00+00') TO ('" + to + " 00:00:00+00')";
}

schema::Table events(std::vector<schema::Partition> partitions) {
  auto t = table({"diff", "events"}, {Column("id", BigInteger()).not_null(), Column("at", DateTime(true)).not_null()},
                 {PrimaryKeyConstraint{.columns = {"id", "at"}, .name = "pk_events"},
                  CheckConstraint{.expression = "id > 0", .name = "ck_events_id"}});
  t.partition_by = PartitionBy::range({"at"});
  t.partitions = std::move(partitions);
  return t;
}

schema::Catalog found_declared() {
  schema::Catalog c;
  c.enums = {{{"diff", "status"}, {"new", "paid"}}, {{"diff", "old_kind"}, {"a", "b"}}};
  c.sequences = {{{"diff", "old_seq"}, {.start = 7}}};
  auto customers = table({"diff", "customers"},
                         {Column("id", Integer()).not_null(), Column("email", Text()).not_null(), Column("legacy", Text())},
                         {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_customers"}},
                         {Index{.name = "ix_customers_legacy", .keys = {"legacy"}}});
  customers.comment = "Customers.";
  auto orders = table({"diff", "orders"},
                      {Column("id", Integer()).not_null(), Column("customer_id", Integer()),
                       Column("status", Type("diff.status")).not_null().server_default("'new'::diff.status"),
                       Column("total", Numeric(10, 2)), Column("note", String(20)).comment("Note.")},
                      {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_orders"},
                       fk("fk_orders_customer_id_customers", "customer_id", {"diff", "customers"}, FkAction::Cascade),
                       CheckConstraint{.expression = "total >= 0", .name = "ck_orders_total"}},
                      {Index{.name = "ix_orders_status", .keys = {"status"}},
                       Index{.name = "ix_orders_total", .keys = {"total"}}});
  auto legacy = table({"diff", "legacy"}, {Column("id", Integer()).not_null(), Column("customer_id", Integer())},
                      {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_legacy"},
                       fk("fk_legacy_customer_id_customers", "customer_id", {"diff", "customers"})},
                      {Index{.name = "ix_legacy_customer_id", .keys = {"customer_id"}},
                       Index{.name = "ix_legacy_expr", .keys = {text("customer_id + 1")}}});
  legacy.comment = "Old.";
  auto legacy_child = table({"diff", "legacy_child"}, {Column("id", Integer()).not_null(), Column("legacy_id", Integer())},
                            {fk("fk_legacy_child_legacy_id_legacy", "legacy_id", {"diff", "legacy"})});
  auto log = events({{{"diff", "events_2026_01"}, month("2026-01-01", "2026-02-01")},
                     {{"diff", "events_old"}, month("2025-01-01", "2026-01-01")}});
  c.tables = {legacy_child, customers, orders, legacy, log};
  return c;
}

schema::Catalog wanted_declared() {
  schema::Catalog c;
  c.enums = {{{"diff", "status"}, {"new", "paid"}}, {{"diff", "kind"}, {"x", "y"}}};
  c.sequences = {{{"diff", "numbers"}, {.start = 1000}}};
  auto customers = table({"diff", "customers"},
                         {Column("id", Integer()).not_null(), Column("email", Text()).not_null(),
                          Column("name", Text()).not_null().server_default("''")},
                         {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_customers"},
                          UniqueConstraint{.columns = {"email"}, .name = "uq_customers_email"}},
                         {Index{.name = "ix_customers_email_pattern",
                                .keys = {IndexKey("email").opclass("text_pattern_ops"), IndexKey("id").desc().nulls_last()}}});
  customers.comment = "Customers of the shop.";
  auto orders = table({"diff", "orders"},
                      {Column("id", Integer()).not_null(), Column("customer_id", Integer()).not_null(),
                       Column("status", Type("diff.status")).not_null().server_default("'paid'::diff.status"),
                       Column("total", Numeric(12, 2)), Column("note", Text()).comment("A note."),
                       Column("kind", Type("diff.kind")),
                       Column("number", BigInteger()).server_default("nextval('diff.numbers'::regclass)")},
                      {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_orders"},
                       fk("fk_orders_customer_id_customers", "customer_id", {"diff", "customers"}, FkAction::Restrict),
                       CheckConstraint{.expression = "total > 0", .name = "ck_orders_total"}},
                      {Index{.name = "ix_orders_status", .keys = {"status"}, .options = {.where = "status = 'new'::diff.status"}},
                       Index{.name = "ix_orders_kind", .keys = {"kind"}, .options = {.method = IndexMethod::Hash}},
                       // Only the sort order differs from found's.
                       Index{.name = "ix_orders_total", .keys = {IndexKey("total").desc()}}});
  // Declared child first: creation must still follow the foreign keys.
  auto lines = table({"diff", "invoice_lines"}, {Column("id", Integer()).not_null(), Column("invoice_id", Integer())},
                     {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_invoice_lines"},
                      fk("fk_invoice_lines_invoice_id_invoices", "invoice_id", {"diff", "invoices"}, FkAction::Cascade)});
  auto invoices = table({"diff", "invoices"}, {Column("id", Integer()).not_null(), Column("order_id", Integer()).not_null()},
                        {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_invoices"},
                         fk("fk_invoices_order_id_orders", "order_id", {"diff", "orders"})},
                        {Index{.name = "ix_invoices_order_id", .keys = {"order_id"}}});
  invoices.comment = "Invoices.";
  auto log = events({{{"diff", "events_2026_01"}, month("2026-01-01", "2026-01-15")},
                     {{"diff", "events_2026_02"}, month("2026-02-01", "2026-03-01")}});
  c.tables = {lines, customers, orders, invoices, log};
  return c;
}

}  // namespace

TEST_CASE("compare's operations take a database to wanted, and their reverse back to found", "[compare][integration]") {
  TestDatabase scratch;
  const auto wanted = built(scratch, wanted_declared());
  TestDatabase db;
  const auto found = built(db, found_declared());
  REQUIRE(found.tables.size() == 5);
  REQUIRE(found.table({"diff", "events"})->partitions.size() == 2);

  const auto up = schema::compare(wanted, found);
  const auto lines = described(up);
  for (const auto& l : lines) UNSCOPED_INFO(l);
  // Every kind of difference the data holds is there, as one operation each.
  for (const char* expected : {
           "create enum diff.kind (x, y)",
           "create sequence diff.numbers",
           "create table diff.invoices",
           "create table diff.invoice_lines",
           "create index diff.ix_invoices_order_id on diff.invoices (order_id)",
           "add column diff.customers.name (text NOT NULL)",
           "add column diff.orders.kind (diff.kind)",
           "add column diff.orders.number (bigint)",
           "alter column diff.orders.customer_id: NULL -> NOT NULL",
           "alter column diff.orders.status: default 'new'::diff.status -> 'paid'::diff.status",
           "alter column diff.orders.total: type numeric(10,2) -> numeric(12,2)",
           "alter column diff.orders.note: type character varying(20) -> text; comment 'Note.' -> 'A note.'",
           "drop foreign key fk_orders_customer_id_customers on diff.orders",
           "drop check constraint ck_orders_total on diff.orders",
           "drop index diff.ix_orders_status",
           "drop index diff.ix_customers_legacy",
           "create index diff.ix_orders_status on diff.orders (status)",
           "create index diff.ix_orders_kind on diff.orders (kind)",
           "drop index diff.ix_orders_total",
           "create index diff.ix_orders_total on diff.orders (total DESC)",
           "create index diff.ix_customers_email_pattern on diff.customers (email text_pattern_ops, id DESC NULLS LAST)",
           "add unique constraint uq_customers_email (email) on diff.customers",
           "add foreign key fk_orders_customer_id_customers (customer_id) -> diff.customers (id) on diff.orders",
           "detach partition diff.events_2026_01 from diff.events",
           "create partition diff.events_2026_02 of diff.events (from ('2026-02-01 00:00:00+00') to ('2026-03-01 00:00:00+00'))",
           "comment on table diff.customers: 'Customers.' -> 'Customers of the shop.'",
           "drop column diff.customers.legacy",
           "detach partition diff.events_old from diff.events",
           "drop table diff.legacy_child",
           "drop table diff.legacy",
           "drop sequence diff.old_seq",
           "drop enum diff.old_kind",
       }) {
    INFO(expected);
    CHECK(std::count(lines.begin(), lines.end(), expected) == 1);
  }
  REQUIRE(ops::reversible(up));

  apply_in_one_transaction(db, up);
  check_empty(schema::compare(wanted, db.introspect(kSchemas)));

  apply_in_one_transaction(db, ops::reverse(up));
  const auto back = db.introspect(kSchemas);
  check_empty(schema::compare(found, back));
  // compare() reads the partitions only where wanted lists them: check them here too.
  CHECK(back.table({"diff", "events"})->partitions == found.table({"diff", "events"})->partitions);
}

TEST_CASE("new enum labels and sequence options apply in place, and refuse to be reversed", "[compare][integration]") {
  auto declared = [](std::vector<std::string> labels, SequenceOptions sequence) {
    schema::Catalog c;
    c.enums = {{{"diff", "status"}, std::move(labels)}};
    c.sequences = {{{"diff", "numbers"}, sequence}};
    c.tables = {table({"diff", "orders"}, {Column("status", Type("diff.status"))})};
    return c;
  };
  TestDatabase scratch;
  const auto wanted = built(scratch, declared({"draft", "new", "paid", "shipped", "lost"}, {.start = 500, .increment = 5}));
  TestDatabase db;
  const auto found = built(db, declared({"new", "shipped"}, {}));
  const auto up = schema::compare(wanted, found);
  CHECK(described(up) == std::vector<std::string>{"add value 'draft' to enum diff.status before 'new'",
                                                  "add value 'paid' to enum diff.status after 'new'",
                                                  "add value 'lost' to enum diff.status after 'shipped'",
                                                  "execute ALTER SEQUENCE diff.numbers INCREMENT BY 5 START WITH 500"});
  CHECK_FALSE(ops::reversible(up));
  apply_in_one_transaction(db, up);
  const auto after = db.introspect(kSchemas);
  check_empty(schema::compare(wanted, after));
  CHECK(after.enum_type({"diff", "status"})->values == std::vector<std::string>{"draft", "new", "paid", "shipped", "lost"});
}

TEST_CASE("an enum losing a label is replaced with its rows kept, and a declared rename keeps the data",
          "[compare][integration]") {
  auto declared = [](std::vector<std::string> labels, const char* total, const char* status_default) {
    schema::Catalog c;
    c.enums = {{{"diff", "status"}, std::move(labels)}};
    c.tables = {table({"diff", "orders"},
                      {Column("id", Integer()).not_null(),
                       Column("status", Type("diff.status")).not_null().server_default(status_default),
                       Column(total, Numeric(10, 2))},
                      {PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_orders"},
                       CheckConstraint{.expression = std::string(total) + " >= 0", .name = "ck_orders_total"}})};
    return c;
  };
  TestDatabase scratch;
  auto wanted = built(scratch, declared({"paid", "new"}, "total", "'paid'::diff.status"));
  wanted.tables[0].renamed_columns["total"] = "amount";
  TestDatabase db;
  const auto found = built(db, declared({"new", "gone", "paid"}, "amount", "'new'::diff.status"));
  db.exec("INSERT INTO diff.orders VALUES (1, 'new', 5), (2, 'paid', 7)");

  const auto up = schema::compare(wanted, found);
  const auto lines = described(up);
  for (const auto& l : lines) UNSCOPED_INFO(l);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "alter column diff.orders.amount: rename to total");
  CHECK(lines[1].find("note: enum diff.status: labels removed: gone") == 0);
  CHECK(lines[2] == "replace enum diff.status (new, gone, paid) -> (paid, new); converts diff.orders.status");
  REQUIRE(ops::reversible(up));

  apply_in_one_transaction(db, up);
  check_empty(schema::compare(wanted, db.introspect(kSchemas)));
  CHECK(db.scalar("SELECT string_agg(id || ':' || status || ':' || total, ',' ORDER BY id) FROM diff.orders") ==
        "1:new:5.00,2:paid:7.00");
  CHECK(db.scalar("SELECT count(*) FROM pg_type WHERE typname = 'status_old'") == "0");

  apply_in_one_transaction(db, ops::reverse(up));
  check_empty(schema::compare(found, db.introspect(kSchemas)));
  CHECK(db.scalar("SELECT string_agg(id || ':' || status || ':' || amount, ',' ORDER BY id) FROM diff.orders") ==
        "1:new:5.00,2:paid:7.00");

  // A row holding the removed label stops the replacement, and the transaction keeps everything.
  db.exec("INSERT INTO diff.orders VALUES (3, 'gone', 1)");
  auto connection = db::connect(db.conninfo());
  pqxx::work tx(*connection);
  bool failed = false;
  try {
    for (const auto& o : up)
      for (const auto& statement : ops::render_sql(o)) tx.exec(statement);
  } catch (const pqxx::sql_error& e) {
    failed = std::string(e.what()).find("invalid input value for enum diff.status: \"gone\"") != std::string::npos;
  }
  CHECK(failed);
}
