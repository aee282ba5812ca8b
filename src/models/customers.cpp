// Customers and their addresses.
#include "types.hpp"

namespace app::models {

struct Customer : Model<Customer, BaseModel> {
  static constexpr Table table{"ecommerce", "customers", "A shopper's account; soft-deleted so that orders keep their buyer."};
  Field& email = column("email", String(320)).not_null().comment("Login and contact address, unique among live accounts whatever its case.");
  Field& first_name = column("first_name", String(100)).not_null();
  Field& last_name = column("last_name", String(100)).not_null();
  Field& phone = column("phone", String(32));
  Field& marketing_opt_in = column("marketing_opt_in", Boolean()).not_null().server_default("false");
  Field& last_login_at = column("last_login_at", DateTime(true));
  TableArgs args = table_args(
      // A deleted account frees its address for a new sign-up.
      Index{.name = "uq_customers_email_active", .keys = {text("lower(email)")},
            .options = {.unique = true, .where = "NOT is_deleted"}},
      CheckConstraint{.expression = "position('@' in email) > 1", .name = "ck_customers_email_has_at"});
};
MIGRATE_MODEL(Customer);

struct Address : Model<Address, BaseModel> {
  static constexpr Table table{"ecommerce", "addresses", "Postal addresses a customer ships to or is billed at."};
  Field& customer_id = column("customer_id", UUID()).not_null().references({"ecommerce", "customers"}, "id", FkAction::Cascade).index();
  Field& label = column("label", String(50)).comment("The customer's own name for it: home, office.");
  Field& recipient_name = column("recipient_name", String(200)).not_null();
  Field& line1 = column("line1", String(255)).not_null();
  Field& line2 = column("line2", String(255));
  Field& city = column("city", String(100)).not_null();
  Field& region = column("region", String(100));
  Field& postal_code = column("postal_code", String(20)).not_null();
  Field& country_code = column("country_code", Char(2)).not_null().check("country_code ~ '^[A-Z]{2}$'").comment("ISO 3166-1 alpha-2.");
  Field& is_default_shipping = column("is_default_shipping", Boolean()).not_null().server_default("false");
  Field& is_default_billing = column("is_default_billing", Boolean()).not_null().server_default("false");
  TableArgs args = table_args(
      // At most one live default of each kind per customer.
      Index{.name = "uq_addresses_default_shipping", .keys = {"customer_id"},
            .options = {.unique = true, .where = "is_default_shipping AND NOT is_deleted"}},
      Index{.name = "uq_addresses_default_billing", .keys = {"customer_id"},
            .options = {.unique = true, .where = "is_default_billing AND NOT is_deleted"}});
};
MIGRATE_MODEL(Address);

}  // namespace app::models
