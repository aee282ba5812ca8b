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
    op.execute(R"(CREATE TABLE ecommerce.products (
    id UUID DEFAULT uuid_generate_v7() NOT NULL,
    sku VARCHAR(100),
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    is_deleted BOOLEAN DEFAULT false NOT NULL,
    version INTEGER DEFAULT 1 NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (id),
    CONSTRAINT uq_products_sku UNIQUE (sku)
))");
    op.execute("COMMENT ON TABLE ecommerce.products IS 'Product with soft delete and version tracking.'");
  }

  void downgrade(migrate::Ops& op) override { op.execute("DROP TABLE ecommerce.products"); }
};
