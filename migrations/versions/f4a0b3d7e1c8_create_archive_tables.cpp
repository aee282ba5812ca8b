// create archive tables
//
// Revision ID: f4a0b3d7e1c8
// Revises: d2f6a8c4e0b5
// Create Date: 2026-11-26 10:10:00.000000
//
// archive.orders and archive.order_items (src/models/archive.cpp): closed orders kept for accounting.
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "f4a0b3d7e1c8", .down = {"d2f6a8c4e0b5"},
    .message = "create archive tables",
    .created = "2026-11-26 10:10:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.create_table({"archive", "orders"}, {
        Column("id", UUID()).not_null().comment("The order's id in ecommerce.orders."),
        Column("order_number", String(20)).not_null(),
        Column("customer_id", UUID()).not_null(),
        Column("status", Enum("order_status", {}, "ecommerce")).not_null(),
        Column("currency", Char(3)).not_null(),
        Column("subtotal_amount", Numeric(12, 2)).not_null(),
        Column("discount_amount", Numeric(12, 2)).not_null(),
        Column("shipping_amount", Numeric(12, 2)).not_null(),
        Column("tax_amount", Numeric(12, 2)).not_null(),
        Column("total_amount", Numeric(12, 2)).not_null(),
        Column("placed_at", Timestamp(true)),
        Column("created_at", Timestamp(true)).not_null(),
        Column("archived_at", Timestamp(true)).not_null().server_default("now()"),
        Column("archive_reason", String(100)).not_null().server_default("'retention'"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_orders"},
        UniqueConstraint{.columns = {"order_number"}, .name = "uq_orders_order_number"},
        CheckConstraint{.expression = "total_amount >= 0", .name = "ck_orders_total_amount"}}, {.comment = "Closed orders moved out of ecommerce.orders, kept for accounting."});
    op.create_index("ix_orders_customer_id", {"archive", "orders"}, {"customer_id"});
    op.create_index("ix_orders_archived_at", {"archive", "orders"}, {"archived_at"}, {.method = IndexMethod::Brin});
    op.create_table({"archive", "order_items"}, {
        Column("id", UUID()).not_null(),
        Column("order_id", UUID()).not_null(),
        Column("variant_id", UUID()).not_null(),
        Column("sku", String(100)).not_null(),
        Column("product_name", String(255)).not_null(),
        Column("quantity", Integer()).not_null(),
        Column("unit_price", Numeric(12, 2)).not_null(),
        Column("discount_amount", Numeric(12, 2)).not_null(),
        Column("line_total", Numeric(12, 2)).not_null(),
        Column("created_at", Timestamp(true)).not_null(),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_order_items"},
        ForeignKeyConstraint{.columns = {"order_id"}, .referred_table = {"archive", "orders"}, .referred_columns = {"id"}, .name = "fk_order_items_order_id_orders", .options = {.on_delete = FkAction::Cascade}},
        CheckConstraint{.expression = "quantity > 0", .name = "ck_order_items_quantity"},
        CheckConstraint{.expression = "unit_price >= 0", .name = "ck_order_items_unit_price"}}, {.comment = "Lines of archived orders."});
    op.create_index("ix_order_items_order_id", {"archive", "order_items"}, {"order_id"});
  }

  void downgrade(migrate::Ops& op) override {
    op.drop_table({"archive", "order_items"});
    op.drop_table({"archive", "orders"});
  }
};
