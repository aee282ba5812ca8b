// create customers and addresses
//
// Revision ID: 3a9e1f6c2b84
// Revises: 7d1f4c2a9b3e
// Create Date: 2026-11-26 10:05:00.000000
//
// Written from src/models/customers.cpp; customer email is unique among live rows only.
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "3a9e1f6c2b84", .down = {"7d1f4c2a9b3e"},
    .message = "create customers and addresses",
    .created = "2026-11-26 10:05:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.create_table({"ecommerce", "customers"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("email", String(320)).not_null().comment("Login and contact address, unique among live accounts whatever its case."),
        Column("first_name", String(100)).not_null(),
        Column("last_name", String(100)).not_null(),
        Column("phone", String(32)),
        Column("marketing_opt_in", Boolean()).not_null().server_default("false"),
        Column("last_login_at", Timestamp(true)),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_customers"},
        CheckConstraint{.expression = "position('@' in email) > 1", .name = "ck_customers_email_has_at"}}, {.comment = "A shopper's account; soft-deleted so that orders keep their buyer."});
    op.create_index("uq_customers_email_active", {"ecommerce", "customers"}, {text("lower(email)")}, {.unique = true, .where = "NOT is_deleted"});
    op.create_table({"ecommerce", "addresses"}, {
        Column("id", UUID()).not_null().server_default("uuid_generate_v7()"),
        Column("customer_id", UUID()).not_null(),
        Column("label", String(50)).comment("The customer's own name for it: home, office."),
        Column("recipient_name", String(200)).not_null(),
        Column("line1", String(255)).not_null(),
        Column("line2", String(255)),
        Column("city", String(100)).not_null(),
        Column("region", String(100)),
        Column("postal_code", String(20)).not_null(),
        Column("country_code", Char(2)).not_null().comment("ISO 3166-1 alpha-2."),
        Column("is_default_shipping", Boolean()).not_null().server_default("false"),
        Column("is_default_billing", Boolean()).not_null().server_default("false"),
        Column("created_at", Timestamp(true)).not_null().server_default("now()"),
        Column("updated_at", Timestamp(true)).not_null().server_default("now()"),
        Column("deleted_at", Timestamp(true)),
        Column("is_deleted", Boolean()).not_null().server_default("false"),
        PrimaryKeyConstraint{.columns = {"id"}, .name = "pk_addresses"},
        ForeignKeyConstraint{.columns = {"customer_id"}, .referred_table = {"ecommerce", "customers"}, .referred_columns = {"id"}, .name = "fk_addresses_customer_id_customers", .options = {.on_delete = FkAction::Cascade}},
        CheckConstraint{.expression = "country_code ~ '^[A-Z]{2}$'", .name = "ck_addresses_country_code"}}, {.comment = "Postal addresses a customer ships to or is billed at."});
    op.create_index("ix_addresses_customer_id", {"ecommerce", "addresses"}, {"customer_id"});
    op.create_index("uq_addresses_default_shipping", {"ecommerce", "addresses"}, {"customer_id"}, {.unique = true, .where = "is_default_shipping AND NOT is_deleted"});
    op.create_index("uq_addresses_default_billing", {"ecommerce", "addresses"}, {"customer_id"}, {.unique = true, .where = "is_default_billing AND NOT is_deleted"});
  }

  void downgrade(migrate::Ops& op) override {
    op.drop_table({"ecommerce", "addresses"});
    op.drop_table({"ecommerce", "customers"});
  }
};
