// Shipments of orders.
#include "types.hpp"

namespace app::models {

struct Shipment : Model<Shipment, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "shipments", "A parcel sent for an order; an order may ship in several."};
  MIGRATE_COLUMN(order_id, UUID()).not_null().references({"ecommerce", "orders"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(address_id, UUID()).references({"ecommerce", "addresses"}, "id", FkAction::SetNull);
  MIGRATE_COLUMN(status, ShipmentStatus).not_null().server_default("'pending'");
  MIGRATE_COLUMN(carrier, String(50)).not_null();
  MIGRATE_COLUMN(tracking_number, String(100));
  MIGRATE_COLUMN(shipped_at, DateTime(true));
  MIGRATE_COLUMN(delivered_at, DateTime(true));
  TableArgs args = table_args(
      Index{.name = "uq_shipments_carrier_tracking", .keys = {"carrier", "tracking_number"},
            .options = {.unique = true, .where = "tracking_number IS NOT NULL"}},
      CheckConstraint{.expression = "delivered_at IS NULL OR (shipped_at IS NOT NULL AND delivered_at >= shipped_at)",
                      .name = "ck_shipments_delivered_after_shipped"});
};
MIGRATE_MODEL(Shipment);

}  // namespace app::models
