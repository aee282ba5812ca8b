// SQL of constraint, alter, partition, enum, sequence, comment, and bulk insert operations.
#include <catch2/catch.hpp>

#include <migrate/error.hpp>
#include <migrate/ops.hpp>

#include "migrate/ops/render_sql.hpp"
#include "ops_sql_of.hpp"

using namespace migrate;

using ops_test::sql_of;

TEST_CASE("constraint operations with every option", "[ops][constraint]") {
  Ops op;
  const QualifiedName orders{"ecommerce", "orders"};
  op.create_primary_key("pk_orders", orders, {"id", "created_at"});
  op.create_unique_constraint("uq_orders_number", orders, {"number"});
  op.create_unique_constraint("uq_orders_ref", orders, {"ref", "Source"},
                              {.nulls_not_distinct = true, .deferrable = true, .initially_deferred = true});
  op.create_check_constraint("ck_orders_total", orders, "total >= 0");
  op.create_check_constraint("ck_orders_late", orders, "shipped_at >= created_at", {.not_valid = true});
  op.create_foreign_key("fk_orders_customer", orders, {"ecommerce", "customers"}, {"customer_id"}, {"id"});
  op.create_foreign_key("fk_orders_addr", orders, "addresses", {"addr_id", "addr_kind"}, {"id", "kind"},
                        {.on_delete = FkAction::SetNull, .on_update = FkAction::Cascade, .match = FkMatch::Full,
                         .deferrable = true, .not_valid = true});
  op.add_constraint("t", UniqueConstraint{.columns = {"a"}});
  op.validate_constraint("ck_orders_late", orders);
  op.drop_constraint("ck_orders_total", orders);
  op.drop_constraint("Weird \"Name\"", orders, {.if_exists = true, .cascade = true});
  CHECK(sql_of(op) ==
        std::vector<std::string>{
            "ALTER TABLE ecommerce.orders ADD CONSTRAINT pk_orders PRIMARY KEY (id, created_at)",
            "ALTER TABLE ecommerce.orders ADD CONSTRAINT uq_orders_number UNIQUE (number)",
            "ALTER TABLE ecommerce.orders ADD CONSTRAINT uq_orders_ref UNIQUE NULLS NOT DISTINCT (ref, \"Source\") "
            "DEFERRABLE INITIALLY DEFERRED",
            "ALTER TABLE ecommerce.orders ADD CONSTRAINT ck_orders_total CHECK (total >= 0)",
            "ALTER TABLE ecommerce.orders ADD CONSTRAINT ck_orders_late CHECK (shipped_at >= created_at) NOT VALID",
            "ALTER TABLE ecommerce.orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES "
            "ecommerce.customers (id)",
            "ALTER TABLE ecommerce.orders ADD CONSTRAINT fk_orders_addr FOREIGN KEY (addr_id, addr_kind) REFERENCES "
            "addresses (id, kind) MATCH FULL ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE NOT VALID",
            "ALTER TABLE t ADD UNIQUE (a)",
            "ALTER TABLE ecommerce.orders VALIDATE CONSTRAINT ck_orders_late",
            "ALTER TABLE ecommerce.orders DROP CONSTRAINT ck_orders_total",
            "ALTER TABLE ecommerce.orders DROP CONSTRAINT IF EXISTS \"Weird \"\"Name\"\"\" CASCADE"});
}

// PostgreSQL does not implement MATCH PARTIAL: asking for it fails the build, not the upgrade.
template <class M>
concept has_partial = requires { M::Partial; };
static_assert(!has_partial<FkMatch>);

TEST_CASE("MATCH is SIMPLE or FULL, SIMPLE and NO ACTION, PostgreSQL's defaults, are left unsaid", "[ops][constraint]") {
  CHECK(sql_keyword(FkMatch::Simple) == "SIMPLE");
  CHECK(sql_keyword(FkMatch::Full) == "FULL");
  Ops op;
  op.create_foreign_key("fk", "a", "b", {"x"}, {"y"},
                        {.on_delete = FkAction::NoAction, .on_update = FkAction::NoAction, .match = FkMatch::Simple});
  op.create_foreign_key("fk", "a", "b", {"x"}, {"y"}, {.match = static_cast<FkMatch>(7)});
  CHECK(ops::render_sql(op.operations().front()) ==
        std::vector<std::string>{"ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES b (y)"});
  // Only a cast integer can hold another value; it is refused rather than rendered as nothing.
  CHECK_THROWS_WITH(ops::render_sql(op.operations().back()), Catch::Contains("FkMatch holds no enumerator: 7"));
}

TEST_CASE("alter_column: type with USING, nullability, default, comment and rename", "[ops][column]") {
  Ops op;
  const QualifiedName t{"ecommerce", "products"};
  op.alter_column(t, "price", {.type = Numeric(14, 4)});
  op.alter_column(t, "code", {.type = Integer(), .using_expr = "code::integer"});
  op.alter_column(t, "sku", {.nullable = false});
  op.alter_column(t, "sku", {.nullable = true});
  op.alter_column(t, "status", {.server_default = "'draft'"});
  op.alter_column(t, "status", {.drop_server_default = true});
  op.alter_column(t, "name", {.comment = "Shown to buyers"});
  op.alter_column(t, "name", {.drop_comment = true});
  op.alter_column(t, "name", {.new_name = "Title"});
  // Several changes at once: one ALTER TABLE, then the comment, then the rename (last, so the
  // statements before it still find the column by its old name).
  op.alter_column(t, "qty", {.nullable = false, .type = BigInteger(), .using_expr = "qty::bigint",
                             .server_default = "1", .comment = "units", .new_name = "quantity"});
  op.alter_column(t, "noop", {});
  CHECK(sql_of(op) ==
        std::vector<std::string>{
            "ALTER TABLE ecommerce.products ALTER COLUMN price TYPE NUMERIC(14,4)",
            "ALTER TABLE ecommerce.products ALTER COLUMN code TYPE INTEGER USING code::integer",
            "ALTER TABLE ecommerce.products ALTER COLUMN sku SET NOT NULL",
            "ALTER TABLE ecommerce.products ALTER COLUMN sku DROP NOT NULL",
            "ALTER TABLE ecommerce.products ALTER COLUMN status SET DEFAULT 'draft'",
            "ALTER TABLE ecommerce.products ALTER COLUMN status DROP DEFAULT",
            "COMMENT ON COLUMN ecommerce.products.name IS 'Shown to buyers'",
            "COMMENT ON COLUMN ecommerce.products.name IS NULL",
            "ALTER TABLE ecommerce.products RENAME COLUMN name TO \"Title\"",
            "ALTER TABLE ecommerce.products ALTER COLUMN qty TYPE BIGINT USING qty::bigint, "
            "ALTER COLUMN qty SET NOT NULL, ALTER COLUMN qty SET DEFAULT 1",
            "COMMENT ON COLUMN ecommerce.products.qty IS 'units'",
            "ALTER TABLE ecommerce.products RENAME COLUMN qty TO quantity"});
}

TEST_CASE("rename_table, partitions and table comments", "[ops][table]") {
  Ops op;
  op.rename_table({"ecommerce", "order"}, "Orders");
  op.create_partition({"ecommerce", "orders_2026"}, {"ecommerce", "orders"},
                      PartitionBound::range({"'2026-01-01'"}, {"'2027-01-01'"}));
  op.create_partition("m", "multi", PartitionBound::range({"MINVALUE", "0"}, {"10", "MAXVALUE"}));
  op.create_partition("eu", "regions", PartitionBound::list({"'de'", "'fr'"}));
  op.create_partition("h0", "blobs", PartitionBound::hash(4, 0));
  op.create_partition("rest", "regions", PartitionBound::default_partition());
  op.attach_partition({"ecommerce", "orders"}, {"archive", "orders_2020"},
                      PartitionBound::range({"'2020-01-01'"}, {"'2021-01-01'"}));
  op.detach_partition({"ecommerce", "orders"}, {"archive", "orders_2020"});
  op.create_table_comment({"ecommerce", "orders"}, "Orders; one per checkout.");
  op.drop_table_comment({"ecommerce", "orders"});
  CHECK(sql_of(op) ==
        std::vector<std::string>{
            "ALTER TABLE ecommerce.\"order\" RENAME TO \"Orders\"",
            "CREATE TABLE ecommerce.orders_2026 PARTITION OF ecommerce.orders FOR VALUES FROM ('2026-01-01') TO "
            "('2027-01-01')",
            "CREATE TABLE m PARTITION OF multi FOR VALUES FROM (MINVALUE, 0) TO (10, MAXVALUE)",
            "CREATE TABLE eu PARTITION OF regions FOR VALUES IN ('de', 'fr')",
            "CREATE TABLE h0 PARTITION OF blobs FOR VALUES WITH (MODULUS 4, REMAINDER 0)",
            "CREATE TABLE rest PARTITION OF regions DEFAULT",
            "ALTER TABLE ecommerce.orders ATTACH PARTITION archive.orders_2020 FOR VALUES FROM ('2020-01-01') TO "
            "('2021-01-01')",
            "ALTER TABLE ecommerce.orders DETACH PARTITION archive.orders_2020",
            "COMMENT ON TABLE ecommerce.orders IS 'Orders; one per checkout.'",
            "COMMENT ON TABLE ecommerce.orders IS NULL"});
}

TEST_CASE("detach_partition CONCURRENTLY runs in an autocommit block", "[ops][table]") {
  Ops op;
  op.detach_partition("p", "c", {.concurrently = true});
  REQUIRE(op.operations().size() == 3);
  CHECK(std::holds_alternative<op::BeginAutocommit>(op.operations()[0]));
  CHECK(ops::render_sql(op.operations()[1]) ==
        std::vector<std::string>{"ALTER TABLE p DETACH PARTITION c CONCURRENTLY"});
  CHECK(std::holds_alternative<op::EndAutocommit>(op.operations()[2]));
}

TEST_CASE("enum types: create, drop, add value, rename value", "[ops][enum]") {
  Ops op;
  op.create_enum({"ecommerce", "order_status"}, {"new", "paid", "it's shipped"});
  op.create_enum(Enum("Mood", {"ok"}, "audit"));
  op.add_enum_value({"ecommerce", "order_status"}, "refunded");
  op.add_enum_value({"ecommerce", "order_status"}, "held", {.before = "paid", .if_not_exists = true});
  op.add_enum_value({"ecommerce", "order_status"}, "void", {.after = "paid"});
  op.rename_enum_value({"ecommerce", "order_status"}, "new", "créé");
  op.drop_enum({"ecommerce", "order_status"});
  op.drop_enum({"audit", "Mood"}, {.if_exists = true, .cascade = true});
  CHECK(sql_of(op) ==
        std::vector<std::string>{
            "CREATE TYPE ecommerce.order_status AS ENUM ('new', 'paid', 'it''s shipped')",
            "CREATE TYPE audit.\"Mood\" AS ENUM ('ok')",
            "ALTER TYPE ecommerce.order_status ADD VALUE 'refunded'",
            "ALTER TYPE ecommerce.order_status ADD VALUE IF NOT EXISTS 'held' BEFORE 'paid'",
            "ALTER TYPE ecommerce.order_status ADD VALUE 'void' AFTER 'paid'",
            "ALTER TYPE ecommerce.order_status RENAME VALUE 'new' TO 'créé'",
            "DROP TYPE ecommerce.order_status",
            "DROP TYPE IF EXISTS audit.\"Mood\" CASCADE"});
  CHECK_THROWS_AS(op.add_enum_value("e", "x", {.before = "a", .after = "b"}), RevisionError);
  CHECK_THROWS_AS(op.create_enum(Text()), RevisionError);
}

TEST_CASE("sequences: create with every option, drop", "[ops][sequence]") {
  Ops op;
  op.create_sequence({"ecommerce", "order_number_seq"},
                     {.as = BigInteger(), .start = 1000, .increment = 5, .min_value = 1000, .max_value = 9999999,
                      .cache = 20, .cycle = true});
  op.create_sequence("plain");
  op.create_sequence("down", {.increment = -1});
  op.drop_sequence({"ecommerce", "order_number_seq"});
  op.drop_sequence("plain", {.if_exists = true, .cascade = true});
  CHECK(sql_of(op) == std::vector<std::string>{
                          "CREATE SEQUENCE ecommerce.order_number_seq AS BIGINT INCREMENT BY 5 MINVALUE 1000 "
                          "MAXVALUE 9999999 START WITH 1000 CACHE 20 CYCLE",
                          "CREATE SEQUENCE plain",
                          "CREATE SEQUENCE down INCREMENT BY -1",
                          "DROP SEQUENCE ecommerce.order_number_seq",
                          "DROP SEQUENCE IF EXISTS plain CASCADE"});
}

TEST_CASE("bulk_insert writes one multi-row INSERT with escaped literals", "[ops][data]") {
  Ops op;
  op.bulk_insert({"ecommerce", "currencies"}, {"code", "name", "minor", "active", "rate", "since"},
                 {{"EUR", "Euro", 2, true, 1.0, text("now()")},
                  {"XAU", "Gold's \\ ounce", nullptr, false, 0.5, nullptr},
                  {"BIG", "Yen — 円", 9007199254740993LL, nullptr, -2.5e-7, "2020-01-01"}});
  op.bulk_insert("empty", {"a"}, {});
  CHECK(sql_of(op) ==
        std::vector<std::string>{"INSERT INTO ecommerce.currencies (code, name, minor, active, rate, since) VALUES\n"
                                 "    ('EUR', 'Euro', 2, true, 1, now()),\n"
                                 "    ('XAU', E'Gold''s \\\\ ounce', NULL, false, 0.5, NULL),\n"
                                 "    ('BIG', 'Yen — 円', 9007199254740993, NULL, -2.5e-07, '2020-01-01')"});
  CHECK_THROWS_AS(op.bulk_insert("t", {"a", "b"}, {{1}}), RevisionError);
}

TEST_CASE("irreversible renders to a statement that fails with the reason", "[ops][reverse]") {
  Ops op;
  op.irreversible("rows were deleted; it's $$ gone");
  CHECK(sql_of(op) == std::vector<std::string>{
                          "DO $migrate$ BEGIN RAISE EXCEPTION USING MESSAGE = 'migrate: this step cannot be reversed: "
                          "rows were deleted; it''s ?? gone'; END $migrate$"});
}
