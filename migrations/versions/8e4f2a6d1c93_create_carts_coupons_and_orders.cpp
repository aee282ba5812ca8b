// create carts, coupons and orders
//
// Revision ID: 8e4f2a6d1c93
// Revises: 5c2d8b0e4f17
// Create Date: 2026-11-26 10:07:00.000000
//
// Carts, coupons, orders and their lines (src/models/carts.cpp, coupons.cpp, orders.cpp).
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "8e4f2a6d1c93", .down = {"5c2d8b0e4f17"},
    .message = "create carts, coupons and orders",
    .created = "2026-11-26 10:07:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.create_enum({"ecommerce", "order_status"}, {"pending", "awaiting_payment", "paid", "processing", "shipped", "delivered", "cancelled", "refunded"});
    op.create_enum({"ecommerce", "cart_status"}, {"open", "converted", "abandoned"});
    op.create_enum({"ecommerce", "discount_type"}, {"percentage", "fixed_amount"});
    op.create_sequence({"ecommerce", "order_number_seq"}, {.start = 100001});
    op.create_table({"ecommerce", "carts"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("customer_id", UUID()),
        Column("session_token", String(64)),
        Column("status", Enum("cart_status", {}, "ecommerce")).not_null().server_default("'open'"),
        Column("currency", Char(3)).not_null().server_default("'EUR'"),
        Column("expires_at", Timestamp(true)),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_carts"},
        ForeignKeyConstraint{.columns = {"customer_id"}, .referred_table = {"ecommerce", "customers"}, .referred_columns = {"id"}, .name = "fk_carts_customer_id_customers", .options = {.on_delete = FkAction::Cascade}},
        UniqueConstraint{.columns = {"session_token"}, .name = "uq_carts_session_token"},
        CheckConstraint{.expression = "currency ~ '^[A-Z]{3}$'", .name = "ck_carts_currency"},
        CheckConstraint{.expression = "customer_id IS NOT NULL OR session_token IS NOT NULL", .name = "ck_carts_has_owner"}}, {.comment = "A cart in progress; a guest's is found by its session token."});
    op.create_index("ix_carts_customer_id", {"ecommerce", "carts"}, {"customer_id"});
    op.create_index("ix_carts_expires_at_open", {"ecommerce", "carts"}, {"expires_at"}, {.where = "status = 'open'"});
    op.create_table({"ecommerce", "cart_items"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("cart_id", UUID()).not_null(),
        Column("variant_id", UUID()).not_null(),
        Column("quantity", Integer()).not_null(),
        Column("unit_price", Numeric(12, 2)).not_null(),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_cart_items"},
        ForeignKeyConstraint{.columns = {"cart_id"}, .referred_table = {"ecommerce", "carts"}, .referred_columns = {"id"}, .name = "fk_cart_items_cart_id_carts", .options = {.on_delete = FkAction::Cascade}},
        ForeignKeyConstraint{.columns = {"variant_id"}, .referred_table = {"ecommerce", "product_variants"}, .referred_columns = {"id"}, .name = "fk_cart_items_variant_id_product_variants", .options = {.on_delete = FkAction::Cascade}},
        CheckConstraint{.expression = "quantity > 0", .name = "ck_cart_items_quantity"},
        CheckConstraint{.expression = "unit_price >= 0", .name = "ck_cart_items_unit_price"},
        UniqueConstraint{.columns = {"cart_id", "variant_id"}, .name = "uq_cart_items_cart_id"}}, {.comment = "One variant in a cart, at the price shown when it was added."});
    op.create_index("ix_cart_items_variant_id", {"ecommerce", "cart_items"}, {"variant_id"});
    op.create_table({"ecommerce", "coupons"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("code", String(50)).not_null().comment("Matched case-insensitively."),
        Column("description", Text()),
        Column("discount_type", Enum("discount_type", {}, "ecommerce")).not_null(),
        Column("discount_value", Numeric(12, 2)).not_null(),
        Column("min_order_amount", Numeric(12, 2)).not_null().server_default("0"),
        Column("max_redemptions", Integer()),
        Column("times_redeemed", Integer()).not_null().server_default("0"),
        Column("starts_at", Timestamp(true)).not_null().server_default("now()"),
        Column("expires_at", Timestamp(true)),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_coupons"},
        CheckConstraint{.expression = "discount_value > 0", .name = "ck_coupons_discount_value"},
        CheckConstraint{.expression = "min_order_amount >= 0", .name = "ck_coupons_min_order_amount"},
        CheckConstraint{.expression = "max_redemptions > 0", .name = "ck_coupons_max_redemptions"},
        CheckConstraint{.expression = "times_redeemed >= 0", .name = "ck_coupons_times_redeemed"},
        CheckConstraint{.expression = "discount_type <> 'percentage' OR discount_value <= 100", .name = "ck_coupons_percentage_at_most_100"},
        CheckConstraint{.expression = "expires_at IS NULL OR expires_at > starts_at", .name = "ck_coupons_valid_range"}}, {.comment = "A discount code, a percentage or a fixed amount off an order."});
    op.create_index("uq_coupons_code_active", {"ecommerce", "coupons"}, {text("upper(code)")}, {.unique = true, .where = "NOT is_deleted"});
    op.create_table({"ecommerce", "orders"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("order_number", String(20)).not_null().server_default("'ORD-' || nextval('ecommerce.order_number_seq')").comment("What the customer quotes to support."),
        Column("customer_id", UUID()).not_null(),
        Column("status", Enum("order_status", {}, "ecommerce")).not_null().server_default("'pending'"),
        Column("currency", Char(3)).not_null(),
        Column("subtotal_amount", Numeric(12, 2)).not_null().server_default("0"),
        Column("discount_amount", Numeric(12, 2)).not_null().server_default("0"),
        Column("shipping_amount", Numeric(12, 2)).not_null().server_default("0"),
        Column("tax_amount", Numeric(12, 2)).not_null().server_default("0"),
        Column("total_amount", Numeric(12, 2)).not_null().server_default("0"),
        Column("coupon_id", UUID()),
        Column("shipping_address_id", UUID()),
        Column("billing_address_id", UUID()),
        Column("placed_at", Timestamp(true)),
        Column("cancelled_at", Timestamp(true)),
        Column("notes", Text()),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        Column("version", Integer()).not_null().server_default("1"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_orders"},
        UniqueConstraint{.columns = {"order_number"}, .name = "uq_orders_order_number"},
        ForeignKeyConstraint{.columns = {"customer_id"}, .referred_table = {"ecommerce", "customers"}, .referred_columns = {"id"}, .name = "fk_orders_customer_id_customers", .options = {.on_delete = FkAction::Restrict}},
        CheckConstraint{.expression = "currency ~ '^[A-Z]{3}$'", .name = "ck_orders_currency"},
        CheckConstraint{.expression = "subtotal_amount >= 0", .name = "ck_orders_subtotal_amount"},
        CheckConstraint{.expression = "discount_amount >= 0", .name = "ck_orders_discount_amount"},
        CheckConstraint{.expression = "shipping_amount >= 0", .name = "ck_orders_shipping_amount"},
        CheckConstraint{.expression = "tax_amount >= 0", .name = "ck_orders_tax_amount"},
        CheckConstraint{.expression = "total_amount >= 0", .name = "ck_orders_total_amount"},
        ForeignKeyConstraint{.columns = {"coupon_id"}, .referred_table = {"ecommerce", "coupons"}, .referred_columns = {"id"}, .name = "fk_orders_coupon_id_coupons", .options = {.on_delete = FkAction::SetNull}},
        ForeignKeyConstraint{.columns = {"shipping_address_id"}, .referred_table = {"ecommerce", "addresses"}, .referred_columns = {"id"}, .name = "fk_orders_shipping_address_id_addresses", .options = {.on_delete = FkAction::SetNull}},
        ForeignKeyConstraint{.columns = {"billing_address_id"}, .referred_table = {"ecommerce", "addresses"}, .referred_columns = {"id"}, .name = "fk_orders_billing_address_id_addresses", .options = {.on_delete = FkAction::SetNull}},
        CheckConstraint{.expression = "total_amount = subtotal_amount - discount_amount + shipping_amount + tax_amount", .name = "ck_orders_total_adds_up"}}, {.comment = "A placed order; amounts are frozen at checkout."});
    op.create_index("ix_orders_customer_id_created_at", {"ecommerce", "orders"}, {"customer_id", "created_at"});
    op.create_index("ix_orders_status_open", {"ecommerce", "orders"}, {"status"}, {.where = "status IN ('pending', 'awaiting_payment', 'paid', 'processing')"});
    op.create_table({"ecommerce", "order_items"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("order_id", UUID()).not_null(),
        Column("variant_id", UUID()).not_null(),
        Column("sku", String(100)).not_null(),
        Column("product_name", String(255)).not_null(),
        Column("quantity", Integer()).not_null(),
        Column("unit_price", Numeric(12, 2)).not_null(),
        Column("discount_amount", Numeric(12, 2)).not_null().server_default("0"),
        Column("line_total", Numeric(12, 2)).generated("quantity * unit_price - discount_amount"),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_order_items"},
        ForeignKeyConstraint{.columns = {"order_id"}, .referred_table = {"ecommerce", "orders"}, .referred_columns = {"id"}, .name = "fk_order_items_order_id_orders", .options = {.on_delete = FkAction::Cascade}},
        ForeignKeyConstraint{.columns = {"variant_id"}, .referred_table = {"ecommerce", "product_variants"}, .referred_columns = {"id"}, .name = "fk_order_items_variant_id_product_variants", .options = {.on_delete = FkAction::Restrict}},
        CheckConstraint{.expression = "quantity > 0", .name = "ck_order_items_quantity"},
        CheckConstraint{.expression = "unit_price >= 0", .name = "ck_order_items_unit_price"},
        CheckConstraint{.expression = "discount_amount >= 0", .name = "ck_order_items_discount_amount"},
        CheckConstraint{.expression = "discount_amount <= quantity * unit_price", .name = "ck_order_items_discount_within_line"}}, {.comment = "One line of an order; SKU and name are copied so the line survives catalog edits."});
    op.create_index("ix_order_items_order_id", {"ecommerce", "order_items"}, {"order_id"});
    op.create_index("ix_order_items_variant_id", {"ecommerce", "order_items"}, {"variant_id"});
  }

  void downgrade(migrate::Ops& op) override {
    op.drop_table({"ecommerce", "order_items"});
    op.drop_table({"ecommerce", "orders"});
    op.drop_table({"ecommerce", "coupons"});
    op.drop_table({"ecommerce", "cart_items"});
    op.drop_table({"ecommerce", "carts"});
    op.drop_sequence({"ecommerce", "order_number_seq"});
    op.drop_enum({"ecommerce", "discount_type"});
    op.drop_enum({"ecommerce", "cart_status"});
    op.drop_enum({"ecommerce", "order_status"});
  }
};
