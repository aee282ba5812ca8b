// Stock: warehouses and how many of each variant each one holds.
#include "types.hpp"

namespace app::models {

struct Warehouse : Model<Warehouse, BaseModel> {
  static constexpr Table table{"ecommerce", "warehouses", "A place stock is kept and shipped from."};
  MIGRATE_COLUMN(code, String(20)).not_null().unique();
  MIGRATE_COLUMN(name, String(100)).not_null();
  MIGRATE_COLUMN(country_code, Char(2)).not_null().check("country_code ~ '^[A-Z]{2}$'");
  MIGRATE_COLUMN(is_active, Boolean()).not_null().server_default("true");
};
MIGRATE_MODEL(Warehouse);

// Versioned: reservations at checkout update these rows concurrently.
struct InventoryLevel : Model<InventoryLevel, BaseModelNoSoftDelete, VersionMixin> {
  static constexpr Table table{"ecommerce", "inventory_levels", "Stock of one variant in one warehouse."};
  MIGRATE_COLUMN(variant_id, UUID()).not_null().references({"ecommerce", "product_variants"}, "id", FkAction::Cascade);
  // RESTRICT: a warehouse that still holds stock cannot disappear.
  MIGRATE_COLUMN(warehouse_id, UUID()).not_null().references({"ecommerce", "warehouses"}, "id", FkAction::Restrict).index();
  MIGRATE_COLUMN(quantity_on_hand, Integer()).not_null().server_default("0").check("quantity_on_hand >= 0");
  MIGRATE_COLUMN(quantity_reserved, Integer()).not_null().server_default("0").check("quantity_reserved >= 0")
      .comment("Held by unpaid orders; never more than is on hand.");
  MIGRATE_COLUMN(reorder_point, Integer()).not_null().server_default("0").check("reorder_point >= 0");
  TableArgs args = table_args(
      UniqueConstraint{.columns = {"variant_id", "warehouse_id"}},
      CheckConstraint{.expression = "quantity_reserved <= quantity_on_hand", .name = "ck_inventory_levels_reserved_on_hand"});
};
MIGRATE_MODEL(InventoryLevel);

}  // namespace app::models
