// create payments, shipments and reviews
//
// Revision ID: b7d1c5e9a362
// Revises: 8e4f2a6d1c93
// Create Date: 2026-11-26 10:08:00.000000
//
// What happens after checkout (src/models/payments.cpp, shipments.cpp, reviews.cpp).
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "b7d1c5e9a362", .down = {"8e4f2a6d1c93"},
    .message = "create payments, shipments and reviews",
    .created = "2026-11-26 10:08:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.create_enum({"ecommerce", "payment_status"}, {"pending", "authorized", "captured", "failed", "refunded", "partially_refunded", "voided"});
    op.create_enum({"ecommerce", "payment_method"}, {"card", "paypal", "bank_transfer", "gift_card"});
    op.create_enum({"ecommerce", "shipment_status"}, {"pending", "label_created", "in_transit", "delivered", "returned", "lost"});
    op.create_table({"ecommerce", "payments"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("order_id", UUID()).not_null(),
        Column("status", Enum("payment_status", {}, "ecommerce")).not_null().server_default("'pending'"),
        Column("method", Enum("payment_method", {}, "ecommerce")).not_null(),
        Column("amount", Numeric(12, 2)).not_null(),
        Column("currency", Char(3)).not_null(),
        Column("provider", String(50)).not_null(),
        Column("provider_reference", String(255)).comment("The provider's id; makes webhook deliveries idempotent."),
        Column("authorized_at", Timestamp(true)),
        Column("captured_at", Timestamp(true)),
        Column("failure_reason", Text()),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_payments"},
        ForeignKeyConstraint{.columns = {"order_id"}, .referred_table = {"ecommerce", "orders"}, .referred_columns = {"id"}, .name = "fk_payments_order_id_orders", .options = {.on_delete = FkAction::Restrict}},
        CheckConstraint{.expression = "amount > 0", .name = "ck_payments_amount"},
        CheckConstraint{.expression = "currency ~ '^[A-Z]{3}$'", .name = "ck_payments_currency"}}, {.comment = "A payment attempt for an order, as the payment provider reports it."});
    op.create_index("ix_payments_order_id", {"ecommerce", "payments"}, {"order_id"});
    op.create_index("uq_payments_provider_reference", {"ecommerce", "payments"}, {"provider", "provider_reference"}, {.unique = true, .where = "provider_reference IS NOT NULL"});
    op.create_index("ix_payments_status_unsettled", {"ecommerce", "payments"}, {"status"}, {.where = "status IN ('pending', 'authorized')"});
    op.create_table({"ecommerce", "reviews"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("product_id", UUID()).not_null(),
        Column("customer_id", UUID()),
        Column("order_item_id", UUID()),
        Column("rating", SmallInteger()).not_null(),
        Column("title", String(200)),
        Column("body", Text()),
        Column("is_verified_purchase", Boolean()).not_null().server_default("false"),
        Column("is_published", Boolean()).not_null().server_default("true"),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_reviews"},
        ForeignKeyConstraint{.columns = {"product_id"}, .referred_table = {"ecommerce", "products"}, .referred_columns = {"id"}, .name = "fk_reviews_product_id_products", .options = {.on_delete = FkAction::Cascade}},
        ForeignKeyConstraint{.columns = {"customer_id"}, .referred_table = {"ecommerce", "customers"}, .referred_columns = {"id"}, .name = "fk_reviews_customer_id_customers", .options = {.on_delete = FkAction::SetNull}},
        ForeignKeyConstraint{.columns = {"order_item_id"}, .referred_table = {"ecommerce", "order_items"}, .referred_columns = {"id"}, .name = "fk_reviews_order_item_id_order_items", .options = {.on_delete = FkAction::SetNull}},
        CheckConstraint{.expression = "rating BETWEEN 1 AND 5", .name = "ck_reviews_rating"}}, {.comment = "A customer's rating of a product; kept when the customer goes."});
    op.create_index("ix_reviews_product_id", {"ecommerce", "reviews"}, {"product_id"});
    op.create_index("uq_reviews_product_customer_active", {"ecommerce", "reviews"}, {"product_id", "customer_id"}, {.unique = true, .where = "NOT is_deleted"});
    op.create_table({"ecommerce", "shipments"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("order_id", UUID()).not_null(),
        Column("address_id", UUID()),
        Column("status", Enum("shipment_status", {}, "ecommerce")).not_null().server_default("'pending'"),
        Column("carrier", String(50)).not_null(),
        Column("tracking_number", String(100)),
        Column("shipped_at", Timestamp(true)),
        Column("delivered_at", Timestamp(true)),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_shipments"},
        ForeignKeyConstraint{.columns = {"order_id"}, .referred_table = {"ecommerce", "orders"}, .referred_columns = {"id"}, .name = "fk_shipments_order_id_orders", .options = {.on_delete = FkAction::Cascade}},
        ForeignKeyConstraint{.columns = {"address_id"}, .referred_table = {"ecommerce", "addresses"}, .referred_columns = {"id"}, .name = "fk_shipments_address_id_addresses", .options = {.on_delete = FkAction::SetNull}},
        CheckConstraint{.expression = "delivered_at IS NULL OR (shipped_at IS NOT NULL AND delivered_at >= shipped_at)", .name = "ck_shipments_delivered_after_shipped"}}, {.comment = "A parcel sent for an order; an order may ship in several."});
    op.create_index("ix_shipments_order_id", {"ecommerce", "shipments"}, {"order_id"});
    op.create_index("uq_shipments_carrier_tracking", {"ecommerce", "shipments"}, {"carrier", "tracking_number"}, {.unique = true, .where = "tracking_number IS NOT NULL"});
  }

  void downgrade(migrate::Ops& op) override {
    op.drop_table({"ecommerce", "shipments"});
    op.drop_table({"ecommerce", "reviews"});
    op.drop_table({"ecommerce", "payments"});
    op.drop_enum({"ecommerce", "shipment_status"});
    op.drop_enum({"ecommerce", "payment_method"});
    op.drop_enum({"ecommerce", "payment_status"});
  }
};
