// create catalog and inventory
//
// Revision ID: 5c2d8b0e4f17
// Revises: 3a9e1f6c2b84
// Create Date: 2026-11-26 10:06:00.000000
//
// Categories, variants, prices and stock (src/models/catalog.cpp, variants.cpp, inventory.cpp).
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "5c2d8b0e4f17", .down = {"3a9e1f6c2b84"},
    .message = "create catalog and inventory",
    .created = "2026-11-26 10:06:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.create_table({"ecommerce", "product_variants"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("product_id", UUID()).not_null(),
        Column("sku", String(100)).not_null(),
        Column("name", String(255)).not_null(),
        Column("attributes", JSONB()).not_null().server_default("'{}'::jsonb").comment("Size, colour and the like, as the storefront filters on them."),
        Column("weight_grams", Integer()),
        Column("is_active", Boolean()).not_null().server_default("true"),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        Column("version", Integer()).not_null().server_default("1"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_product_variants"},
        ForeignKeyConstraint{.columns = {"product_id"}, .referred_table = {"ecommerce", "products"}, .referred_columns = {"id"}, .name = "fk_product_variants_product_id_products", .options = {.on_delete = FkAction::Cascade}},
        CheckConstraint{.expression = "weight_grams > 0", .name = "ck_product_variants_weight_grams"}}, {.comment = "A sellable version of a product (size, colour), with its own SKU."});
    op.create_index("ix_product_variants_product_id", {"ecommerce", "product_variants"}, {"product_id"});
    op.create_index("uq_product_variants_sku_active", {"ecommerce", "product_variants"}, {"sku"}, {.unique = true, .where = "NOT is_deleted"});
    op.create_index("ix_product_variants_attributes", {"ecommerce", "product_variants"}, {"attributes"}, {.method = IndexMethod::Gin});
    op.create_table({"ecommerce", "categories"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("parent_id", UUID()),
        Column("name", String(100)).not_null(),
        Column("slug", String(120)).not_null().comment("URL path segment."),
        Column("description", Text()),
        Column("position", Integer()).not_null().server_default("0"),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_categories"},
        ForeignKeyConstraint{.columns = {"parent_id"}, .referred_table = {"ecommerce", "categories"}, .referred_columns = {"id"}, .name = "fk_categories_parent_id_categories", .options = {.on_delete = FkAction::SetNull}},
        CheckConstraint{.expression = "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", .name = "ck_categories_slug"}}, {.comment = "A tree of categories the storefront navigates."});
    op.create_index("ix_categories_parent_id", {"ecommerce", "categories"}, {"parent_id"});
    op.create_index("uq_categories_slug_active", {"ecommerce", "categories"}, {"slug"}, {.unique = true, .where = "NOT is_deleted"});
    op.create_table({"ecommerce", "product_categories"}, {
        Column("product_id", UUID()).not_null(),
        Column("category_id", UUID()).not_null(),
        Column("position", Integer()).not_null().server_default("0"),
        ForeignKeyConstraint{.columns = {"product_id"}, .referred_table = {"ecommerce", "products"}, .referred_columns = {"id"}, .name = "fk_product_categories_product_id_products", .options = {.on_delete = FkAction::Cascade}},
        ForeignKeyConstraint{.columns = {"category_id"}, .referred_table = {"ecommerce", "categories"}, .referred_columns = {"id"}, .name = "fk_product_categories_category_id_categories", .options = {.on_delete = FkAction::Cascade}},
        PrimaryKeyConstraint{.columns = {"product_id", "category_id"}, .name = "pk_product_categories"}}, {.comment = "Which categories list a product; a product may sit in several."});
    op.create_index("ix_product_categories_category_id", {"ecommerce", "product_categories"}, {"category_id"});
    op.create_table({"ecommerce", "warehouses"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("code", String(20)).not_null(),
        Column("name", String(100)).not_null(),
        Column("country_code", Char(2)).not_null(),
        Column("is_active", Boolean()).not_null().server_default("true"),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_warehouses"},
        UniqueConstraint{.columns = {"code"}, .name = "uq_warehouses_code"},
        CheckConstraint{.expression = "country_code ~ '^[A-Z]{2}$'", .name = "ck_warehouses_country_code"}}, {.comment = "A place stock is kept and shipped from."});
    op.create_table({"ecommerce", "inventory_levels"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("variant_id", UUID()).not_null(),
        Column("warehouse_id", UUID()).not_null(),
        Column("quantity_on_hand", Integer()).not_null().server_default("0"),
        Column("quantity_reserved", Integer()).not_null().server_default("0").comment("Held by unpaid orders; never more than is on hand."),
        Column("reorder_point", Integer()).not_null().server_default("0"),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("version", Integer()).not_null().server_default("1"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_inventory_levels"},
        ForeignKeyConstraint{.columns = {"variant_id"}, .referred_table = {"ecommerce", "product_variants"}, .referred_columns = {"id"}, .name = "fk_inventory_levels_variant_id_product_variants", .options = {.on_delete = FkAction::Cascade}},
        ForeignKeyConstraint{.columns = {"warehouse_id"}, .referred_table = {"ecommerce", "warehouses"}, .referred_columns = {"id"}, .name = "fk_inventory_levels_warehouse_id_warehouses", .options = {.on_delete = FkAction::Restrict}},
        CheckConstraint{.expression = "quantity_on_hand >= 0", .name = "ck_inventory_levels_quantity_on_hand"},
        CheckConstraint{.expression = "quantity_reserved >= 0", .name = "ck_inventory_levels_quantity_reserved"},
        CheckConstraint{.expression = "reorder_point >= 0", .name = "ck_inventory_levels_reorder_point"},
        UniqueConstraint{.columns = {"variant_id", "warehouse_id"}, .name = "uq_inventory_levels_variant_id"},
        CheckConstraint{.expression = "quantity_reserved <= quantity_on_hand", .name = "ck_inventory_levels_reserved_on_hand"}}, {.comment = "Stock of one variant in one warehouse."});
    op.create_index("ix_inventory_levels_warehouse_id", {"ecommerce", "inventory_levels"}, {"warehouse_id"});
    op.create_table({"ecommerce", "product_prices"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("variant_id", UUID()).not_null(),
        Column("currency", Char(3)).not_null(),
        Column("amount", Numeric(12, 2)).not_null(),
        Column("compare_at_amount", Numeric(12, 2)).comment("The struck-through price of a sale."),
        Column("valid_from", Timestamp(true)).not_null().server_default("now()"),
        Column("valid_to", Timestamp(true)),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_product_prices"},
        ForeignKeyConstraint{.columns = {"variant_id"}, .referred_table = {"ecommerce", "product_variants"}, .referred_columns = {"id"}, .name = "fk_product_prices_variant_id_product_variants", .options = {.on_delete = FkAction::Cascade}},
        CheckConstraint{.expression = "currency ~ '^[A-Z]{3}$'", .name = "ck_product_prices_currency"},
        CheckConstraint{.expression = "amount >= 0", .name = "ck_product_prices_amount"},
        CheckConstraint{.expression = "compare_at_amount >= 0", .name = "ck_product_prices_compare_at_amount"},
        UniqueConstraint{.columns = {"variant_id", "currency", "valid_from"}, .name = "uq_product_prices_variant_id"},
        CheckConstraint{.expression = "valid_to IS NULL OR valid_to > valid_from", .name = "ck_product_prices_valid_range"}}, {.comment = "A variant's price in one currency from valid_from until valid_to (open-ended when null)."});
  }

  void downgrade(migrate::Ops& op) override {
    op.drop_table({"ecommerce", "product_prices"});
    op.drop_table({"ecommerce", "inventory_levels"});
    op.drop_table({"ecommerce", "warehouses"});
    op.drop_table({"ecommerce", "product_categories"});
    op.drop_table({"ecommerce", "categories"});
    op.drop_table({"ecommerce", "product_variants"});
  }
};
