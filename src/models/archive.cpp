// archive: orders moved out of ecommerce once closed, kept for accounting.
#include "types.hpp"

namespace app::models {

// No foreign keys out of the archive: it must outlive what it copied.
struct ArchivedOrder : Model<ArchivedOrder, Base> {
  static constexpr Table table{"archive", "orders", "Closed orders moved out of ecommerce.orders, kept for accounting."};
  MIGRATE_COLUMN(id, UUID()).primary_key().comment("The order's id in ecommerce.orders.");
  MIGRATE_COLUMN(order_number, String(20)).not_null().unique();
  MIGRATE_COLUMN(customer_id, UUID()).not_null().index();
  MIGRATE_COLUMN(status, OrderStatus).not_null();
  MIGRATE_COLUMN(currency, Char(3)).not_null();
  MIGRATE_COLUMN(subtotal_amount, Money()).not_null();
  MIGRATE_COLUMN(discount_amount, Money()).not_null();
  MIGRATE_COLUMN(shipping_amount, Money()).not_null();
  MIGRATE_COLUMN(tax_amount, Money()).not_null();
  MIGRATE_COLUMN(total_amount, Money()).not_null().check("total_amount >= 0");
  MIGRATE_COLUMN(placed_at, DateTime(true));
  MIGRATE_COLUMN(created_at, DateTime(true)).not_null();
  MIGRATE_COLUMN(archived_at, DateTime(true)).not_null().server_default("now()");
  MIGRATE_COLUMN(archive_reason, String(100)).not_null().server_default("'retention'");
  TableArgs args = table_args(
      Index{.name = "ix_orders_archived_at", .keys = {"archived_at"}, .options = {.method = IndexMethod::Brin}});
};
MIGRATE_MODEL(ArchivedOrder);

struct ArchivedOrderItem : Model<ArchivedOrderItem, Base> {
  static constexpr Table table{"archive", "order_items", "Lines of archived orders."};
  MIGRATE_COLUMN(id, UUID()).primary_key();
  MIGRATE_COLUMN(order_id, UUID()).not_null().references({"archive", "orders"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(variant_id, UUID()).not_null();
  MIGRATE_COLUMN(sku, String(100)).not_null();
  MIGRATE_COLUMN(product_name, String(255)).not_null();
  MIGRATE_COLUMN(quantity, Integer()).not_null().check("quantity > 0");
  MIGRATE_COLUMN(unit_price, Money()).not_null().check("unit_price >= 0");
  MIGRATE_COLUMN(discount_amount, Money()).not_null();
  MIGRATE_COLUMN(line_total, Money()).not_null();
  MIGRATE_COLUMN(created_at, DateTime(true)).not_null();
};
MIGRATE_MODEL(ArchivedOrderItem);

}  // namespace app::models
