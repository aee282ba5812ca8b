// Every operation with every option, in an order a fresh test database accepts: shared by the
// integration test (apply, reverse, compare pg_dump) and the C++ round trip.
#pragma once
#include <migrate/ops.hpp>

#include "migrate/ops/reverse.hpp"

namespace every_operation {

using namespace migrate;

// Records the inverse of the last recorded operation, so drops carry the definition
// reverse() needs to recreate what they drop.
inline void undo_last(Ops& op) {
  Operation last = op.operations().back();
  for (auto& r : ops::reverse(last)) op.record(std::move(r));
}

// Reversible operations only: applying them and then reverse() of them leaves the schema
// exactly as it was.
inline void reversible(Ops& op) {
  const QualifiedName status{"ecommerce", "order_status"};
  op.create_enum(status, {"new", "paid", "shipped"});
  op.rename_enum_value(status, "shipped", "sent");
  op.create_enum({"ecommerce", "Colour's"}, {"red", "Grün", "it's"});
  undo_last(op);  // drop_enum carrying its values
  op.create_enum(Enum("priority", {"low", "high"}, "audit"));
  op.create_schema("billing");
  op.create_schema("scratch_schema", true);
  undo_last(op);  // drop_schema

  op.create_sequence({"ecommerce", "order_number_seq"},
                     {.as = BigInteger(), .start = 1000, .increment = 1, .min_value = 1000, .max_value = 99999999,
                      .cache = 1});
  op.create_sequence({"audit", "ring"}, {.as = SmallInteger(), .increment = -1, .max_value = 10, .cycle = true});
  op.create_sequence("scratch_seq");
  undo_last(op);  // drop_sequence carrying its options

  op.create_table({"ecommerce", "customers"},
                  {Column("id", UUID()).primary_key().server_default("uuid_generate_v7()"),
                   Column("email", String(320)).not_null().unique().comment("Login; unique."),
                   Column("Display Name", Text()).collate("C"),
                   Column("user", Text()),
                   Column("deleted_at", Timestamp(true))},
                  {.comment = "People who order."});

  op.create_table(
      {"ecommerce", "products"},
      {Column("id", BigInteger()).identity({.always = true, .start = 10, .increment = 5}),
       Column("sku", String(100)).not_null(),
       Column("name", String(255)).not_null(),
       Column("price", Numeric(12, 2)).not_null().server_default("0"),
       Column("qty", Integer()).not_null().server_default("1"),
       Column("total", Numeric(14, 2)).generated("price * qty"),
       Column("rank", SmallInteger()),
       Column("weight", Real()),
       Column("ratio", Double()),
       Column("active", Boolean()).not_null().server_default("true"),
       Column("notes", Text()),
       Column("currency", Char(3)),
       Column("launched", Date()),
       Column("opens", Time()),
       Column("opens_tz", Time(true)),
       Column("seen", DateTime()),
       Column("created_at", Timestamp(true)).not_null().server_default("now()"),
       Column("shelf_life", Interval()),
       Column("ref", UUID()),
       Column("spec", JSON()),
       Column("attrs", JSONB()).not_null().server_default("'{}'::jsonb"),
       Column("image", LargeBinary()),
       Column("origin_ip", INET()),
       Column("origin_net", CIDR()),
       Column("tags", Array(Text())).server_default("'{}'::text[]"),
       Column("sizes", Array(Integer())),
       Column("priority", Enum("priority", {}, "audit")),
       Column("search", Type("tsvector")),
       PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_products"},
       UniqueConstraint{.columns = {"sku"}, .name = "uq_products_sku", .options = {.nulls_not_distinct = true}},
       UniqueConstraint{.columns = {"name", "currency"}, .name = "uq_products_name",
                        .options = {.deferrable = true, .initially_deferred = true}},
       CheckConstraint{.expression = "price >= 0", .name = "ck_products_price"}},
      {.comment = "Sellable things.", .if_not_exists = true});
  // Labels reordered, which ALTER TYPE cannot do: every column of the type converted.
  op.replace_enum({"audit", "priority"}, {"high", "low"},
                  {.existing_values = {"low", "high"}, .columns = {{.table = {"ecommerce", "products"}, .column = "priority"}}});

  op.create_table({"ecommerce", "orders"},
                  {Column("id", BigInteger()).not_null().server_default("nextval('ecommerce.order_number_seq')"),
                   Column("customer_id", UUID()).not_null(),
                   Column("status", Enum("order_status", {}, "ecommerce")).not_null().server_default("'new'"),
                   Column("created_at", Timestamp(true)).not_null(),
                   PrimaryKeyConstraint{.columns = {"id", "created_at"}, .name = "pk_orders"},
                   ForeignKeyConstraint{.columns = {"customer_id"},
                                        .referred_table = {"ecommerce", "customers"},
                                        .referred_columns = {"id"},
                                        .name = "fk_orders_customer",
                                        .options = {.on_delete = FkAction::Cascade}}},
                  {.partition_by = PartitionBy::range({"created_at"})});
  op.create_partition({"ecommerce", "orders_2026"}, {"ecommerce", "orders"},
                      PartitionBound::range({"'2026-01-01'"}, {"'2027-01-01'"}));
  op.create_table({"ecommerce", "orders_2027"},
                  {Column("id", BigInteger()).not_null(), Column("customer_id", UUID()).not_null(),
                   Column("status", Enum("order_status", {}, "ecommerce")).not_null(),
                   Column("created_at", Timestamp(true)).not_null()});
  auto y2027 = PartitionBound::range({"'2027-01-01'"}, {"'2028-01-01'"});
  op.attach_partition({"ecommerce", "orders"}, {"ecommerce", "orders_2027"}, y2027);
  op.detach_partition({"ecommerce", "orders"}, {"ecommerce", "orders_2027"}, {.concurrently = true, .bound = y2027});
  op.attach_partition({"ecommerce", "orders"}, {"ecommerce", "orders_2027"}, y2027);

  op.create_table({"archive", "regions"}, {Column("code", Text()).not_null(), Column("name", Text())},
                  {.partition_by = PartitionBy::list({"code"})});
  op.create_partition({"archive", "regions_eu"}, {"archive", "regions"}, PartitionBound::list({"'de'", "'fr'"}));
  op.create_partition({"archive", "regions_other"}, {"archive", "regions"}, PartitionBound::default_partition());
  op.create_table({"archive", "blobs"}, {Column("k", Integer()).not_null(), Column("at", Date())},
                  {.partition_by = PartitionBy::hash({"k"})});
  op.create_partition({"archive", "blobs_0"}, {"archive", "blobs"}, PartitionBound::hash(2, 0));
  op.create_partition({"archive", "blobs_1"}, {"archive", "blobs"}, PartitionBound::hash(2, 1));
  op.create_table({"archive", "by_month"}, {Column("at", Date()).not_null()},
                  {.partition_by = PartitionBy::range({text("extract(year FROM at)")})});

  op.create_table({"audit", "log"},
                  {Column("id", BigInteger()).identity(),
                   Column("customer_id", UUID()).references({.table = {"ecommerce", "customers"}, .column = "id",
                                                             .name = "fk_log_customer",
                                                                 .options = {.on_delete = FkAction::SetNull, .on_update = FkAction::Cascade, .deferrable = true}}),
                   Column("message", Text())});
  op.create_primary_key("pk_log", {"audit", "log"}, {"id"});

  // Hostile names: keywords, upper case, spaces, quotes, unicode.
  const QualifiedName items{"ecommerce", "Order Items"};
  op.create_table(items, {Column("select", Integer()).not_null(), Column("Größe", Text()),
                          Column("quote\"d", Text()), Column("order", Numeric(10, 2))});
  op.rename_table(items, "Line Items");
  const QualifiedName lines{"ecommerce", "Line Items"};

  op.add_column(lines, Column("product_id", BigInteger()));
  op.add_column(lines, Column("note", String(50)).server_default("'-'").not_null().comment("Free text."),
                {.if_not_exists = true});
  op.add_column(lines, Column("scratch", Integer()).unique().comment("to be dropped"));
  undo_last(op);  // drop_column carrying the definition
  op.add_column({"ecommerce", "customers"},
                Column("referrer_id", UUID()).references({"ecommerce", "customers"}, "id", FkAction::SetNull));

  op.alter_column(lines, "order", {.type = Numeric(14, 4), .existing_type = Numeric(10, 2)});
  op.alter_column(lines, "Größe", {.type = Integer(), .using_expr = "\"Größe\"::integer", .existing_type = Text()});
  op.alter_column(lines, "select", {.nullable = true, .existing_nullable = false});
  op.alter_column(lines, "quote\"d", {.nullable = false});
  op.alter_column(lines, "note", {.server_default = "'n/a'", .existing_server_default = "'-'"});
  op.alter_column(lines, "note", {.drop_server_default = true, .existing_server_default = "'n/a'"});
  op.alter_column(lines, "product_id", {.server_default = "0"});
  op.alter_column(lines, "note", {.comment = "Shown on the invoice.", .existing_comment = "Free text."});
  op.alter_column(lines, "product_id", {.comment = "Which product."});
  op.alter_column(lines, "note", {.drop_comment = true, .existing_comment = "Shown on the invoice."});
  op.alter_column(lines, "quote\"d", {.new_name = "Quoted"});

  op.create_unique_constraint("uq_lines_product", lines, {"product_id", "order"},
                              {.nulls_not_distinct = true, .deferrable = true});
  op.create_check_constraint("ck_lines_order", lines, "\"order\" >= 0", {.not_valid = true});
  op.validate_constraint("ck_lines_order", lines);
  op.create_foreign_key("fk_lines_product", lines, {"ecommerce", "products"}, {"product_id"}, {"id"},
                        {.on_delete = FkAction::SetNull, .on_update = FkAction::Restrict, .match = FkMatch::Full,
                         .deferrable = true, .initially_deferred = true, .not_valid = true});
  op.create_check_constraint("ck_scratch", lines, "true");
  undo_last(op);  // drop_constraint carrying the definition

  op.create_index("ix_customers_email_live", {"ecommerce", "customers"}, {"email"},
                  {.unique = true, .where = "deleted_at IS NULL"});
  op.create_index("ix_customers_lower_email", {"ecommerce", "customers"}, {text("lower(email)"), "id"});
  op.create_index("ix_customers_email_sorted", {"ecommerce", "customers"},
                  {IndexKey("email").opclass("text_pattern_ops"), IndexKey("id").desc().nulls_last(),
                   IndexKey(text("lower(email)")).nulls_first()});
  op.create_index("ix_products_attrs", {"ecommerce", "products"}, {"attrs"}, {.method = IndexMethod::Gin});
  op.create_index("ix_products_search", {"ecommerce", "products"}, {"search"}, {.method = IndexMethod::Gist});
  op.create_index("ix_products_created", {"ecommerce", "products"}, {"created_at"}, {.method = IndexMethod::Brin});
  op.create_index("ix_products_ref", {"ecommerce", "products"}, {"ref"}, {.method = IndexMethod::Hash});
  op.create_index("ix_products_origin_ip", {"ecommerce", "products"}, {"origin_ip"}, {.method = IndexMethod::SpGist});
  op.create_index("ix_products_sku_cover", {"ecommerce", "products"}, {"sku"},
                  {.include = {"name", "price"}}, {.if_not_exists = true});
  op.create_index("ix_lines_quoted", lines, {"Quoted"}, {.unique = true, .nulls_not_distinct = true});
  op.create_index("Ix Lines \"Order\"", lines, {"order", "Größe"}, {}, {.concurrently = true});
  op.create_index("ix_scratch", lines, {"note"});
  undo_last(op);  // drop_index carrying the definition

  op.create_table_comment({"ecommerce", "customers"}, "People who buy.",
                          {.existing_comment = "People who order."});
  op.drop_table_comment({"ecommerce", "products"}, {.existing_comment = "Sellable things."});
  op.create_table_comment({"audit", "log"}, "It's a log: \\ and ✓.");

  op.create_table({"ecommerce", "currencies"},
                  {Column("code", Char(3)).primary_key(), Column("name", Text()).not_null(),
                   Column("minor_units", SmallInteger()), Column("active", Boolean()), Column("rate", Double())});
  op.bulk_insert({"ecommerce", "currencies"}, {"code", "name", "minor_units", "active", "rate"},
                 {{"EUR", "Euro", 2, true, 1.0},
                  {"JPY", "Yen — 円", 0, false, 157.25},
                  {"XAU", "Gold (troy ounce)", nullptr, nullptr, nullptr},
                  {"CHF", "Franc's", 2, true, 0.9375}});

  op.create_table("scratch", {Column("id", Integer()).primary_key(), Column("v", Text()).unique()},
                  {.comment = "dropped again"});
  undo_last(op);  // drop_table carrying the definition
}

// Operations reverse() must refuse, so a generated downgrade fails loudly.
inline void irreversible(Ops& op) {
  op.create_enum({"ecommerce", "state"}, {"a", "c"});
  op.add_enum_value({"ecommerce", "state"}, "b", {.before = "c"});
  op.add_enum_value({"ecommerce", "state"}, "d", {.after = "c", .if_not_exists = true});
  op.add_enum_value({"ecommerce", "state"}, "e");
  op.execute("CREATE TABLE ecommerce.raw (v text DEFAULT $1, w text DEFAULT $2)", {"it's $2", std::nullopt});
  op.alter_column({"ecommerce", "raw"}, "w", {.type = String(20)});
  op.drop_column({"ecommerce", "raw"}, "v", {.if_exists = true});
  op.drop_constraint("ck_nothing", {"ecommerce", "raw"}, {.if_exists = true});
  op.drop_table({"ecommerce", "raw"});
  op.drop_index("ix_nothing", {.schema = "ecommerce", .if_exists = true, .cascade = true});
  op.drop_enum({"ecommerce", "nothing"}, {.if_exists = true, .cascade = true});
  op.drop_sequence({"ecommerce", "nothing"}, {.if_exists = true});
  op.detach_partition({"ecommerce", "orders"}, {"ecommerce", "orders_2027"});
  op.irreversible("data was deleted");
}

}  // namespace every_operation
