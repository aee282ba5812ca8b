// create products
//
// Revision ID: 7d1f4c2a9b3e
// Revises:
// Create Date: 2026-11-26 09:40:00.000000
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "7d1f4c2a9b3e", .down = {},
    .message = "create products",
    .created = "2026-11-26 09:40:00.000000") {
  void upgrade(migrate::Ops& op) override {
    using namespace migrate;
    op.create_table({"ecommerce", "products"},
                    {Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
                     Column("sku", String(100)),
                     Column("name", String(255)).not_null(),
                     Column("created_at", Timestamp(true)).not_null().server_default("now()"),
                     Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
                     Column("deleted_at", Timestamp(true)),
                     Column("is_deleted", Boolean()).not_null().server_default("false"),
                     Column("version", Integer()).not_null().server_default("1"),
                     PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_products"},
                     UniqueConstraint{.columns = {"sku"}, .name = "uq_products_sku"}},
                    {.comment = "Product with soft delete and version tracking."});
  }

  void downgrade(migrate::Ops& op) override { op.drop_table({"ecommerce", "products"}); }
};
