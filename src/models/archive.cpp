// archive: orders moved out of ecommerce once closed, kept for accounting.
#include "types.hpp"

namespace app::models {

// No foreign keys out of the archive: it must outlive what it copied.
struct ArchivedOrder : Model<ArchivedOrder, Base> {
  static constexpr Table table{"archive", "orders", "Closed orders moved out of ecommerce.orders, kept for accounting."};
  Field& id = column("id", UUID()).primary_key().comment("The order's id in ecommerce.orders.");
  Field& order_number = column("order_number", String(20)).not_null().unique();
  Field& customer_id = column("customer_id", UUID()).not_null().index();
  Field& status = column("status", OrderStatus).not_null();
  Field& currency = column("currency", Char(3)).not_null();
  Field& subtotal_amount = column("subtotal_amount", Money()).not_null();
  Field& discount_amount = column("discount_amount", Money()).not_null();
  Field& shipping_amount = column("shipping_amount", Money()).not_null();
  Field& tax_amount = column("tax_amount", Money()).not_null();
  Field& total_amount = column("total_amount", Money()).not_null().check("total_amount >= 0");
  Field& placed_at = column("placed_at", DateTime(true));
  Field& created_at = column("created_at", DateTime(true)).not_null();
  Field& archived_at = column("archived_at", DateTime(true)).not_null().server_default("now()");
  Field& archive_reason = column("archive_reason", String(100)).not_null().server_default("'retention'");
  TableArgs args = table_args(
      Index{.name = "ix_orders_archived_at", .keys = {"archived_at"}, .options = {.method = IndexMethod::Brin}});
};
MIGRATE_MODEL(ArchivedOrder);

struct ArchivedOrderItem : Model<ArchivedOrderItem, Base> {
  static constexpr Table table{"archive", "order_items", "Lines of archived orders."};
  Field& id = column("id", UUID()).primary_key();
  Field& order_id = column("order_id", UUID()).not_null().references({"archive", "orders"}, "id", FkAction::Cascade).index();
  Field& variant_id = column("variant_id", UUID()).not_null();
  Field& sku = column("sku", String(100)).not_null();
  Field& product_name = column("product_name", String(255)).not_null();
  Field& quantity = column("quantity", Integer()).not_null().check("quantity > 0");
  Field& unit_price = column("unit_price", Money()).not_null().check("unit_price >= 0");
  Field& discount_amount = column("discount_amount", Money()).not_null();
  Field& line_total = column("line_total", Money()).not_null();
  Field& created_at = column("created_at", DateTime(true)).not_null();
};
MIGRATE_MODEL(ArchivedOrderItem);

}  // namespace app::models
