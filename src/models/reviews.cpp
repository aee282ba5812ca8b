// Product reviews.
#include "types.hpp"

namespace app::models {

struct Review : Model<Review, BaseModel> {
  static constexpr Table table{"ecommerce", "reviews", "A customer's rating of a product; kept when the customer goes."};
  MIGRATE_COLUMN(product_id, UUID()).not_null().references({"ecommerce", "products"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(customer_id, UUID()).references({"ecommerce", "customers"}, "id", FkAction::SetNull);
  MIGRATE_COLUMN(order_item_id, UUID()).references({"ecommerce", "order_items"}, "id", FkAction::SetNull);
  MIGRATE_COLUMN(rating, SmallInteger()).not_null().check("rating BETWEEN 1 AND 5");
  MIGRATE_COLUMN(title, String(200));
  MIGRATE_COLUMN(body, Text());
  MIGRATE_COLUMN(is_verified_purchase, Boolean()).not_null().server_default("false");
  MIGRATE_COLUMN(is_published, Boolean()).not_null().server_default("true");
  TableArgs args = table_args(
      // One live review per customer and product.
      Index{.name = "uq_reviews_product_customer_active", .keys = {"product_id", "customer_id"},
            .options = {.unique = true, .where = "NOT is_deleted"}});
};
MIGRATE_MODEL(Review);

}  // namespace app::models
