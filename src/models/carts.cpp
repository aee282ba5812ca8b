// Shopping carts, for signed-in customers and guests.
#include "types.hpp"

namespace app::models {

struct Cart : Model<Cart, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "carts", "A cart in progress; a guest's is found by its session token."};
  MIGRATE_COLUMN(customer_id, UUID()).references({"ecommerce", "customers"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(session_token, String(64)).unique();
  MIGRATE_COLUMN(status, CartStatus).not_null().server_default("'open'");
  MIGRATE_COLUMN(currency, Char(3)).not_null().server_default("'EUR'").check("currency ~ '^[A-Z]{3}$'");
  MIGRATE_COLUMN(expires_at, DateTime(true));
  TableArgs args = table_args(
      CheckConstraint{.expression = "customer_id IS NOT NULL OR session_token IS NOT NULL", .name = "ck_carts_has_owner"},
      // The abandoned-cart job scans open carts by expiry only.
      Index{.name = "ix_carts_expires_at_open", .keys = {"expires_at"}, .options = {.where = "status = 'open'"}});
};
MIGRATE_MODEL(Cart);

struct CartItem : Model<CartItem, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "cart_items", "One variant in a cart, at the price shown when it was added."};
  MIGRATE_COLUMN(cart_id, UUID()).not_null().references({"ecommerce", "carts"}, "id", FkAction::Cascade);
  MIGRATE_COLUMN(variant_id, UUID()).not_null().references({"ecommerce", "product_variants"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(quantity, Integer()).not_null().check("quantity > 0");
  MIGRATE_COLUMN(unit_price, Money()).not_null().check("unit_price >= 0");
  TableArgs args = table_args(UniqueConstraint{.columns = {"cart_id", "variant_id"}});
};
MIGRATE_MODEL(CartItem);

}  // namespace app::models
