// Customers and their addresses.
#include "types.hpp"

namespace app::models {

struct Customer : Model<Customer, BaseModel> {
  static constexpr Table table{"ecommerce", "customers", "A shopper's account; soft-deleted so that orders keep their buyer."};
  MIGRATE_COLUMN(email, String(320)).not_null().comment("Login and contact address, unique among live accounts whatever its case.");
  MIGRATE_COLUMN(first_name, String(100)).not_null();
  MIGRATE_COLUMN(last_name, String(100)).not_null();
  MIGRATE_COLUMN(phone, String(32));
  MIGRATE_COLUMN(marketing_opt_in, Boolean()).not_null().server_default("false");
  MIGRATE_COLUMN(last_login_at, DateTime(true));
  TableArgs args = table_args(
      // A deleted account frees its address for a new sign-up.
      Index{.name = "uq_customers_email_active", .keys = {text("lower(email)")},
            .options = {.unique = true, .where = "NOT is_deleted"}},
      CheckConstraint{.expression = "position('@' in email) > 1", .name = "ck_customers_email_has_at"});
};
MIGRATE_MODEL(Customer);

struct Address : Model<Address, BaseModel> {
  static constexpr Table table{"ecommerce", "addresses", "Postal addresses a customer ships to or is billed at."};
  MIGRATE_COLUMN(customer_id, UUID()).not_null().references({"ecommerce", "customers"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(label, String(50)).comment("The customer's own name for it: home, office.");
  MIGRATE_COLUMN(recipient_name, String(200)).not_null();
  MIGRATE_COLUMN(line1, String(255)).not_null();
  MIGRATE_COLUMN(line2, String(255));
  MIGRATE_COLUMN(city, String(100)).not_null();
  MIGRATE_COLUMN(region, String(100));
  MIGRATE_COLUMN(postal_code, String(20)).not_null();
  MIGRATE_COLUMN(country_code, Char(2)).not_null().check("country_code ~ '^[A-Z]{2}$'").comment("ISO 3166-1 alpha-2.");
  MIGRATE_COLUMN(is_default_shipping, Boolean()).not_null().server_default("false");
  MIGRATE_COLUMN(is_default_billing, Boolean()).not_null().server_default("false");
  TableArgs args = table_args(
      // At most one live default of each kind per customer.
      Index{.name = "uq_addresses_default_shipping", .keys = {"customer_id"},
            .options = {.unique = true, .where = "is_default_shipping AND NOT is_deleted"}},
      Index{.name = "uq_addresses_default_billing", .keys = {"customer_id"},
            .options = {.unique = true, .where = "is_default_billing AND NOT is_deleted"}});
};
MIGRATE_MODEL(Address);

}  // namespace app::models
