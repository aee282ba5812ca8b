// Shipments of orders.
#include "types.hpp"

namespace app::models {

struct Shipment : Model<Shipment, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "shipments", "A parcel sent for an order; an order may ship in several."};
  Field& order_id = column("order_id", UUID()).not_null().references({"ecommerce", "orders"}, "id", FkAction::Cascade).index();
  Field& address_id = column("address_id", UUID()).references({"ecommerce", "addresses"}, "id", FkAction::SetNull);
  Field& status = column("status", ShipmentStatus).not_null().server_default("'pending'");
  Field& carrier = column("carrier", String(50)).not_null();
  Field& tracking_number = column("tracking_number", String(100));
  Field& shipped_at = column("shipped_at", DateTime(true));
  Field& delivered_at = column("delivered_at", DateTime(true));
  TableArgs args = table_args(
      Index{.name = "uq_shipments_carrier_tracking", .keys = {"carrier", "tracking_number"},
            .options = {.unique = true, .where = "tracking_number IS NOT NULL"}},
      CheckConstraint{.expression = "delivered_at IS NULL OR (shipped_at IS NOT NULL AND delivered_at >= shipped_at)",
                      .name = "ck_shipments_delivered_after_shipped"});
};
MIGRATE_MODEL(Shipment);

}  // namespace app::models
