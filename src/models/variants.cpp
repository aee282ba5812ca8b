// What is actually sold: product variants and their prices over time.
#include "types.hpp"

namespace app::models {

struct ProductVariant : Model<ProductVariant, BaseModel, VersionMixin> {
  static constexpr Table table{"ecommerce", "product_variants", "A sellable version of a product (size, colour), with its own SKU."};
  MIGRATE_COLUMN(product_id, UUID()).not_null().references({"ecommerce", "products"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(sku, String(100)).not_null();
  MIGRATE_COLUMN(name, String(255)).not_null();
  MIGRATE_COLUMN(attributes, JSONB()).not_null().server_default("'{}'::jsonb").comment("Size, colour and the like, as the storefront filters on them.");
  MIGRATE_COLUMN(weight_grams, Integer()).check("weight_grams > 0");
  MIGRATE_COLUMN(is_active, Boolean()).not_null().server_default("true");
  TableArgs args = table_args(
      Index{.name = "uq_product_variants_sku_active", .keys = {"sku"},
            .options = {.unique = true, .where = "NOT is_deleted"}},
      Index{.name = "ix_product_variants_attributes", .keys = {"attributes"}, .options = {.method = IndexMethod::Gin}});
};
MIGRATE_MODEL(ProductVariant);

struct ProductPrice : Model<ProductPrice, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "product_prices", "A variant's price in one currency from valid_from until valid_to (open-ended when null)."};
  MIGRATE_COLUMN(variant_id, UUID()).not_null().references({"ecommerce", "product_variants"}, "id", FkAction::Cascade);
  MIGRATE_COLUMN(currency, Char(3)).not_null().check("currency ~ '^[A-Z]{3}$'");
  MIGRATE_COLUMN(amount, Money()).not_null().check("amount >= 0");
  MIGRATE_COLUMN(compare_at_amount, Money()).check("compare_at_amount >= 0").comment("The struck-through price of a sale.");
  MIGRATE_COLUMN(valid_from, DateTime(true)).not_null().server_default("now()");
  MIGRATE_COLUMN(valid_to, DateTime(true));
  TableArgs args = table_args(
      UniqueConstraint{.columns = {"variant_id", "currency", "valid_from"}},
      CheckConstraint{.expression = "valid_to IS NULL OR valid_to > valid_from", .name = "ck_product_prices_valid_range"});
};
MIGRATE_MODEL(ProductPrice);

}  // namespace app::models
