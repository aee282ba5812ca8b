// Orders and their lines.
#include "types.hpp"

namespace app::models {

// Versioned: payment callbacks and the back office update the same order concurrently.
struct Order : Model<Order, BaseModel, VersionMixin> {
  static constexpr Table table{"ecommerce", "orders", "A placed order; amounts are frozen at checkout."};
  MIGRATE_COLUMN(order_number, String(20)).not_null().unique()
      .server_default("'ORD-' || nextval('ecommerce.order_number_seq')").comment("What the customer quotes to support.");
  // RESTRICT: a customer with orders is soft-deleted, never removed.
  MIGRATE_COLUMN(customer_id, UUID()).not_null().references({"ecommerce", "customers"}, "id", FkAction::Restrict);
  MIGRATE_COLUMN(status, OrderStatus).not_null().server_default("'pending'");
  MIGRATE_COLUMN(currency, Char(3)).not_null().check("currency ~ '^[A-Z]{3}$'");
  MIGRATE_COLUMN(subtotal_amount, Money()).not_null().server_default("0").check("subtotal_amount >= 0");
  MIGRATE_COLUMN(discount_amount, Money()).not_null().server_default("0").check("discount_amount >= 0");
  MIGRATE_COLUMN(shipping_amount, Money()).not_null().server_default("0").check("shipping_amount >= 0");
  MIGRATE_COLUMN(tax_amount, Money()).not_null().server_default("0").check("tax_amount >= 0");
  MIGRATE_COLUMN(total_amount, Money()).not_null().server_default("0").check("total_amount >= 0");
  MIGRATE_COLUMN(coupon_id, UUID()).references({"ecommerce", "coupons"}, "id", FkAction::SetNull);
  MIGRATE_COLUMN(shipping_address_id, UUID()).references({"ecommerce", "addresses"}, "id", FkAction::SetNull);
  MIGRATE_COLUMN(billing_address_id, UUID()).references({"ecommerce", "addresses"}, "id", FkAction::SetNull);
  MIGRATE_COLUMN(placed_at, DateTime(true));
  MIGRATE_COLUMN(cancelled_at, DateTime(true));
  MIGRATE_COLUMN(notes, Text());
  TableArgs args = table_args(
      Sequence{{"ecommerce", "order_number_seq"}, {.start = 100001}},
      CheckConstraint{.expression = "total_amount = subtotal_amount - discount_amount + shipping_amount + tax_amount",
                      .name = "ck_orders_total_adds_up"},
      Index{.name = "ix_orders_customer_id_created_at", .keys = {"customer_id", "created_at"}},
      // The fulfilment queue reads only orders still in flight.
      Index{.name = "ix_orders_status_open", .keys = {"status"},
            .options = {.where = "status IN ('pending', 'awaiting_payment', 'paid', 'processing')"}});
};
MIGRATE_MODEL(Order);

struct OrderItem : Model<OrderItem, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "order_items", "One line of an order; SKU and name are copied so the line survives catalog edits."};
  MIGRATE_COLUMN(order_id, UUID()).not_null().references({"ecommerce", "orders"}, "id", FkAction::Cascade).index();
  // RESTRICT: a variant that was sold is retired (soft-deleted), not removed.
  MIGRATE_COLUMN(variant_id, UUID()).not_null().references({"ecommerce", "product_variants"}, "id", FkAction::Restrict).index();
  MIGRATE_COLUMN(sku, String(100)).not_null();
  MIGRATE_COLUMN(product_name, String(255)).not_null();
  MIGRATE_COLUMN(quantity, Integer()).not_null().check("quantity > 0");
  MIGRATE_COLUMN(unit_price, Money()).not_null().check("unit_price >= 0");
  MIGRATE_COLUMN(discount_amount, Money()).not_null().server_default("0").check("discount_amount >= 0");
  MIGRATE_COLUMN(line_total, Money()).generated("quantity * unit_price - discount_amount");
  TableArgs args = table_args(
      CheckConstraint{.expression = "discount_amount <= quantity * unit_price", .name = "ck_order_items_discount_within_line"});
};
MIGRATE_MODEL(OrderItem);

}  // namespace app::models
