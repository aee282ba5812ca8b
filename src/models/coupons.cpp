// Discount coupons.
#include "types.hpp"

namespace app::models {

struct Coupon : Model<Coupon, BaseModel> {
  static constexpr Table table{"ecommerce", "coupons", "A discount code, a percentage or a fixed amount off an order."};
  MIGRATE_COLUMN(code, String(50)).not_null().comment("Matched case-insensitively.");
  MIGRATE_COLUMN(description, Text());
  MIGRATE_COLUMN(discount_type, DiscountType).not_null();
  MIGRATE_COLUMN(discount_value, Money()).not_null().check("discount_value > 0");
  MIGRATE_COLUMN(min_order_amount, Money()).not_null().server_default("0").check("min_order_amount >= 0");
  MIGRATE_COLUMN(max_redemptions, Integer()).check("max_redemptions > 0");
  MIGRATE_COLUMN(times_redeemed, Integer()).not_null().server_default("0").check("times_redeemed >= 0");
  MIGRATE_COLUMN(starts_at, DateTime(true)).not_null().server_default("now()");
  MIGRATE_COLUMN(expires_at, DateTime(true));
  TableArgs args = table_args(
      Index{.name = "uq_coupons_code_active", .keys = {text("upper(code)")},
            .options = {.unique = true, .where = "NOT is_deleted"}},
      CheckConstraint{.expression = "discount_type <> 'percentage' OR discount_value <= 100",
                      .name = "ck_coupons_percentage_at_most_100"},
      CheckConstraint{.expression = "expires_at IS NULL OR expires_at > starts_at", .name = "ck_coupons_valid_range"});
};
MIGRATE_MODEL(Coupon);

}  // namespace app::models
