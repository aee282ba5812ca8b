// SQL of table, column and index operations and of every column type, pinned statement by statement.
#include <catch2/catch.hpp>

#include <migrate/ops.hpp>

#include "migrate/ops/render_sql.hpp"
#include "ops_sql_of.hpp"

using namespace migrate;

using ops_test::sql_of;

namespace {

std::string sql_of(const Operation& o) {
  auto statements = ops::render_sql(o);
  REQUIRE(statements.size() == 1);
  return statements.front();
}

}  // namespace

TEST_CASE("every type has its DDL spelling and format_type() spelling", "[ops][types]") {
  struct Case { Type type; const char* sql; const char* format; };
  std::vector<Case> cases = {
      {SmallInteger(), "SMALLINT", "smallint"},
      {Integer(), "INTEGER", "integer"},
      {BigInteger(), "BIGINT", "bigint"},
      {Numeric(), "NUMERIC", "numeric"},
      {Numeric(12), "NUMERIC(12)", "numeric(12)"},
      {Numeric(12, 2), "NUMERIC(12,2)", "numeric(12,2)"},
      {Real(), "REAL", "real"},
      {Double(), "DOUBLE PRECISION", "double precision"},
      {Boolean(), "BOOLEAN", "boolean"},
      {String(100), "VARCHAR(100)", "character varying(100)"},
      {String(), "VARCHAR", "character varying"},
      {VARCHAR(7), "VARCHAR(7)", "character varying(7)"},
      {Text(), "TEXT", "text"},
      {Char(3), "CHAR(3)", "character(3)"},
      {Char(), "CHAR", "character(1)"},
      {Date(), "DATE", "date"},
      {Time(), "TIME", "time without time zone"},
      {Time(true), "TIME WITH TIME ZONE", "time with time zone"},
      {DateTime(), "TIMESTAMP", "timestamp without time zone"},
      {Timestamp(true), "TIMESTAMP WITH TIME ZONE", "timestamp with time zone"},
      {Interval(), "INTERVAL", "interval"},
      {UUID(), "UUID", "uuid"},
      {JSON(), "JSON", "json"},
      {JSONB(), "JSONB", "jsonb"},
      {LargeBinary(), "BYTEA", "bytea"},
      {INET(), "INET", "inet"},
      {CIDR(), "CIDR", "cidr"},
      {Array(Integer()), "INTEGER[]", "integer[]"},
      {Array(String(20)), "VARCHAR(20)[]", "character varying(20)[]"},
      {Enum("order_status", {"new", "paid"}, "ecommerce"), "ecommerce.order_status", "ecommerce.order_status"},
      {Enum("Status"), "\"Status\"", "\"Status\""},
      {Type("tsvector"), "tsvector", "tsvector"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sql);
    CHECK(c.type.sql() == c.sql);
    CHECK(c.type.format_type() == c.format);
  }
  CHECK(DateTime(true) == Timestamp(true));
  CHECK(VARCHAR(5) == String(5));
  CHECK_FALSE(String(5) == String(6));
  CHECK_FALSE(Array(Integer()) == Array(BigInteger()));
}

TEST_CASE("create_table renders columns, inline constraints, table constraints and comments", "[ops][table]") {
  Ops op;
  op.create_table({"ecommerce", "products"},
                  {Column("id", UUID()).primary_key().server_default("uuid_generate_v7()"),
                   Column("sku", String(100)).unique().not_null(),
                   Column("name", String(255), {.nullable = false, .comment = "Display name"}),
                   Column("price", Numeric(12, 2)).not_null().server_default("0"),
                   Column("tags", Array(Text())).server_default("'{}'"),
                   Column("category_id", BigInteger()).references({"ecommerce", "categories"}, "id", FkAction::SetNull),
                   Column("created_at", DateTime(true)).not_null().server_default("now()"),
                   CheckConstraint{.expression = "price >= 0", .name = "ck_products_price"},
                   UniqueConstraint{.columns = {"name", "category_id"}, .name = "uq_products_name"}},
                  {.comment = "Product with soft delete."});
  CHECK(sql_of(op) == std::vector<std::string>{
                          "CREATE TABLE ecommerce.products (\n"
                          "    id UUID DEFAULT uuid_generate_v7() NOT NULL PRIMARY KEY,\n"
                          "    sku VARCHAR(100) NOT NULL UNIQUE,\n"
                          "    name VARCHAR(255) NOT NULL,\n"
                          "    price NUMERIC(12,2) DEFAULT 0 NOT NULL,\n"
                          "    tags TEXT[] DEFAULT '{}',\n"
                          "    category_id BIGINT REFERENCES ecommerce.categories (id) ON DELETE SET NULL,\n"
                          "    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,\n"
                          "    CONSTRAINT ck_products_price CHECK (price >= 0),\n"
                          "    CONSTRAINT uq_products_name UNIQUE (name, category_id)\n"
                          ")",
                          "COMMENT ON TABLE ecommerce.products IS 'Product with soft delete.'",
                          "COMMENT ON COLUMN ecommerce.products.name IS 'Display name'"});
}

TEST_CASE("create_table: identity, generated, collation, composite keys, foreign keys, partitions", "[ops][table]") {
  Ops op;
  op.create_table(
      "order_lines",
      {Column("order_id", BigInteger()).primary_key(),
       Column("line_no", Integer()).primary_key(),
       Column("qty", Integer()).not_null(),
       Column("unit_price", Numeric(10, 2)).not_null(),
       Column("total", Numeric(12, 2)).generated("qty * unit_price"),
       Column("note", Text()).collate("C"),
       ForeignKeyConstraint{.columns = {"order_id"},
                            .referred_table = {"ecommerce", "orders"},
                            .referred_columns = {"id"},
                            .name = "fk_lines_order",
                            .options = {.on_delete = FkAction::Cascade, .on_update = FkAction::SetDefault, .match = FkMatch::Full, .deferrable = true, .initially_deferred = true, .not_valid = true}}},
      {.if_not_exists = true});
  op.create_table({"audit", "events"},
                  {Column("id", BigInteger()).identity({.always = true, .start = 100, .increment = 10}),
                   Column("seq", Integer()).identity(),
                   Column("at", Timestamp(true)).not_null(),
                   PrimaryKeyConstraint{.columns = {"id", "at"}, .name = "pk_events"}},
                  {.partition_by = PartitionBy::range({"at"})});
  op.create_table("by_month", {Column("at", Date())},
                  {.partition_by = PartitionBy::list({text("date_trunc('month', at)")})});
  op.create_table("by_hash", {Column("k", Integer())}, {.partition_by = PartitionBy::hash({"k"})});
  op.create_table("empty", {});
  CHECK(sql_of(op) ==
        std::vector<std::string>{
            "CREATE TABLE IF NOT EXISTS order_lines (\n"
            "    order_id BIGINT NOT NULL,\n"
            "    line_no INTEGER NOT NULL,\n"
            "    qty INTEGER NOT NULL,\n"
            "    unit_price NUMERIC(10,2) NOT NULL,\n"
            "    total NUMERIC(12,2) GENERATED ALWAYS AS (qty * unit_price) STORED,\n"
            "    note TEXT COLLATE \"C\",\n"
            "    PRIMARY KEY (order_id, line_no),\n"
            // NOT VALID is meaningless in CREATE TABLE (the table is empty), so it is left out.
            "    CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES ecommerce.orders (id) MATCH FULL "
            "ON DELETE CASCADE ON UPDATE SET DEFAULT DEFERRABLE INITIALLY DEFERRED\n"
            ")",
            "CREATE TABLE audit.events (\n"
            "    id BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10) NOT NULL,\n"
            "    seq INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n"
            "    at TIMESTAMP WITH TIME ZONE NOT NULL,\n"
            "    CONSTRAINT pk_events PRIMARY KEY (id, at)\n"
            ") PARTITION BY RANGE (at)",
            "CREATE TABLE by_month (\n    at DATE\n) PARTITION BY LIST ((date_trunc('month', at)))",
            "CREATE TABLE by_hash (\n    k INTEGER\n) PARTITION BY HASH (k)",
            "CREATE TABLE empty ()"});
}

// Referential actions are enumerators: a string (a typo, or SQL to paste) does not compile.
template <class... Args>
concept references_accepts = requires(Column c, Args... args) { c.references(args...); };
static_assert(references_accepts<QualifiedName, std::string, FkAction>);
static_assert(!references_accepts<QualifiedName, std::string, const char*>);
static_assert(!std::is_assignable_v<FkAction&, const char*>);
static_assert(!std::is_assignable_v<IndexMethod&, const char*>);

TEST_CASE("every referential action renders as its SQL words, anything else is refused, not pasted", "[ops][table]") {
  Ops op;
  op.create_table("t", {Column("a", Integer()).references("u", "id", FkAction::NoAction),
                        Column("b", Integer()).references("u", "id", FkAction::Restrict),
                        Column("c", Integer()).references("u", "id", FkAction::Cascade),
                        Column("d", Integer()).references("u", "id", FkAction::SetNull),
                        Column("e", Integer()).references({.table = "u", .column = "id",
                                                           .options = {.on_update = FkAction::SetDefault}})});
  CHECK(sql_of(op) == std::vector<std::string>{"CREATE TABLE t (\n"
                                               "    a INTEGER REFERENCES u (id),\n"
                                               "    b INTEGER REFERENCES u (id) ON DELETE RESTRICT,\n"
                                               "    c INTEGER REFERENCES u (id) ON DELETE CASCADE,\n"
                                               "    d INTEGER REFERENCES u (id) ON DELETE SET NULL,\n"
                                               "    e INTEGER REFERENCES u (id) ON UPDATE SET DEFAULT\n"
                                               ")"});
  CHECK(sql_keyword(FkAction::NoAction) == "NO ACTION");
  Ops cast;
  cast.create_table("t", {Column("a", Integer()).references("u", "id", static_cast<FkAction>(42))});
  CHECK_THROWS_WITH(ops::render_sql(cast.operations().front()), Catch::Contains("FkAction holds no enumerator: 42"));
}

TEST_CASE("drop_table with IF EXISTS and CASCADE", "[ops][table]") {
  Ops op;
  op.drop_table({"ecommerce", "products"});
  op.drop_table("Legacy", {.if_exists = true, .cascade = true});
  CHECK(sql_of(op) == std::vector<std::string>{"DROP TABLE ecommerce.products",
                                               "DROP TABLE IF EXISTS \"Legacy\" CASCADE"});
}

TEST_CASE("add_column and drop_column", "[ops][column]") {
  Ops op;
  op.add_column({"ecommerce", "customers"}, Column("email", String(320)).not_null().server_default("''"));
  op.add_column({"ecommerce", "customers"}, Column("loyalty", Integer()).comment("points, it's a number"),
                {.if_not_exists = true});
  op.add_column("orders", Column("customer_id", UUID()).references(
                              {.table = {"ecommerce", "customers"}, .column = "id", .name = "fk_orders_customer",
                               .options = {.on_delete = FkAction::Restrict, .on_update = FkAction::Cascade,
                                           .deferrable = true}}));
  op.drop_column({"ecommerce", "customers"}, "email");
  op.drop_column("orders", "User", {.if_exists = true, .cascade = true});
  CHECK(sql_of(op) ==
        std::vector<std::string>{
            "ALTER TABLE ecommerce.customers ADD COLUMN email VARCHAR(320) DEFAULT '' NOT NULL",
            "ALTER TABLE ecommerce.customers ADD COLUMN IF NOT EXISTS loyalty INTEGER",
            "COMMENT ON COLUMN ecommerce.customers.loyalty IS 'points, it''s a number'",
            "ALTER TABLE orders ADD COLUMN customer_id UUID CONSTRAINT fk_orders_customer REFERENCES "
            "ecommerce.customers (id) ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE",
            "ALTER TABLE ecommerce.customers DROP COLUMN email",
            "ALTER TABLE orders DROP COLUMN IF EXISTS \"User\" CASCADE"});
}

TEST_CASE("create_index and drop_index with every option", "[ops][index]") {
  Ops op;
  op.create_index("ix_customers_email", {"ecommerce", "customers"}, {"email"},
                  {.unique = true, .where = "deleted_at IS NULL"});
  op.create_index("ix_lower_email", {"ecommerce", "customers"}, {text("lower(email)"), "id"});
  op.create_index("ix_tags", "products", {"tags"}, {.method = IndexMethod::Gin});
  op.create_index("ix_cover", "orders", {"customer_id"}, {.include = {"total", "Status"}}, {.if_not_exists = true});
  op.create_index("ix_sku", "products", {"sku"}, {.unique = true, .nulls_not_distinct = true});
  op.create_index("", "products", {"created_at"}, {.method = IndexMethod::Brin});
  op.drop_index("ix_customers_email", {.schema = "ecommerce"});
  op.drop_index("ix_tags", {.if_exists = true, .cascade = true});
  CHECK(sql_of(op) ==
        std::vector<std::string>{
            "CREATE UNIQUE INDEX ix_customers_email ON ecommerce.customers (email) WHERE deleted_at IS NULL",
            "CREATE INDEX ix_lower_email ON ecommerce.customers ((lower(email)), id)",
            "CREATE INDEX ix_tags ON products USING gin (tags)",
            "CREATE INDEX IF NOT EXISTS ix_cover ON orders (customer_id) INCLUDE (total, \"Status\")",
            "CREATE UNIQUE INDEX ix_sku ON products (sku) NULLS NOT DISTINCT",
            "CREATE INDEX ON products USING brin (created_at)",
            "DROP INDEX ecommerce.ix_customers_email",
            "DROP INDEX IF EXISTS ix_tags CASCADE"});
}

TEST_CASE("every index method renders as its USING word, btree, PostgreSQL's default, is left unsaid", "[ops][index]") {
  Ops op;
  for (auto m : {IndexMethod::BTree, IndexMethod::Hash, IndexMethod::Gist, IndexMethod::SpGist, IndexMethod::Gin,
                 IndexMethod::Brin})
    op.create_index("", "t", {"a"}, {.method = m});
  CHECK(sql_of(op) == std::vector<std::string>{"CREATE INDEX ON t (a)", "CREATE INDEX ON t USING hash (a)",
                                               "CREATE INDEX ON t USING gist (a)", "CREATE INDEX ON t USING spgist (a)",
                                               "CREATE INDEX ON t USING gin (a)", "CREATE INDEX ON t USING brin (a)"});
  CHECK(sql_keyword(IndexMethod::BTree) == "btree");
}

TEST_CASE("concurrent index operations are recorded inside an autocommit block", "[ops][index]") {
  Ops op;
  op.create_index("ix_a", "t", {"a"}, {}, {.concurrently = true});
  op.autocommit_block([&] {
    op.create_index("ix_b", "t", {"b"}, {}, {.concurrently = true});
    op.drop_index("ix_c", {.concurrently = true, .if_exists = true});
  });
  const auto& ops = op.operations();
  REQUIRE(ops.size() == 7);
  CHECK(std::holds_alternative<op::BeginAutocommit>(ops[0]));
  CHECK(sql_of(ops[1]) == "CREATE INDEX CONCURRENTLY ix_a ON t (a)");
  CHECK(std::holds_alternative<op::EndAutocommit>(ops[2]));
  // Already inside a block: no second, nested block.
  CHECK(std::holds_alternative<op::BeginAutocommit>(ops[3]));
  CHECK(sql_of(ops[4]) == "CREATE INDEX CONCURRENTLY ix_b ON t (b)");
  CHECK(sql_of(ops[5]) == "DROP INDEX CONCURRENTLY IF EXISTS ix_c");
  CHECK(std::holds_alternative<op::EndAutocommit>(ops[6]));
}

TEST_CASE("hostile identifiers in tables, columns and indexes are quoted exactly", "[ops][quote]") {
  Ops op;
  op.create_table({"Sales Data", "user"},
                  {Column("select", Integer()).primary_key(), Column("Name\"X", Text()).comment("ünïcødé"),
                   Column("größe", Numeric()), Column("order", Text()).unique()});
  op.create_index("IX \"quoted\"", {"Sales Data", "user"}, {"order", "Name\"X"});
  op.drop_column({"Sales Data", "user"}, "größe");
  CHECK(sql_of(op) == std::vector<std::string>{
                          "CREATE TABLE \"Sales Data\".\"user\" (\n"
                          "    \"select\" INTEGER NOT NULL PRIMARY KEY,\n"
                          "    \"Name\"\"X\" TEXT,\n"
                          "    \"größe\" NUMERIC,\n"
                          "    \"order\" TEXT UNIQUE\n"
                          ")",
                          "COMMENT ON COLUMN \"Sales Data\".\"user\".\"Name\"\"X\" IS 'ünïcødé'",
                          "CREATE INDEX \"IX \"\"quoted\"\"\" ON \"Sales Data\".\"user\" (\"order\", \"Name\"\"X\")",
                          "ALTER TABLE \"Sales Data\".\"user\" DROP COLUMN \"größe\""});
}

TEST_CASE("Column builders and designated options give the same value", "[ops][column]") {
  Column a = Column("id", UUID()).primary_key().server_default("uuid_generate_v7()");
  Column b("id", UUID(), {.server_default = "uuid_generate_v7()", .primary_key = true});
  CHECK(a == b);
  CHECK_FALSE(b.options.nullable);  // a primary key is NOT NULL
  CHECK_FALSE(Column("n", Integer()).identity().options.nullable);
  CHECK(Column("n", Integer()).options.nullable);
  CHECK_FALSE(Column("n", Integer()).not_null() == Column("n", Integer()));
}
