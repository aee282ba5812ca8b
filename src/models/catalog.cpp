// The product catalog: categories, products and which category lists which product.
#include "types.hpp"

namespace app::models {

struct Category : Model<Category, BaseModel> {
  static constexpr Table table{"ecommerce", "categories", "A tree of categories the storefront navigates."};
  MIGRATE_COLUMN(parent_id, UUID()).references({"ecommerce", "categories"}, "id", FkAction::SetNull).index();
  MIGRATE_COLUMN(name, String(100)).not_null();
  MIGRATE_COLUMN(slug, String(120)).not_null().check("slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'").comment("URL path segment.");
  MIGRATE_COLUMN(description, Text());
  MIGRATE_COLUMN(position, Integer()).not_null().server_default("0");
  TableArgs args = table_args(
      Index{.name = "uq_categories_slug_active", .keys = {"slug"},
            .options = {.unique = true, .where = "NOT is_deleted"}});
};
MIGRATE_MODEL(Category);

// Exactly the seed's Product: what the first revision created.
struct Product : Model<Product, BaseModel, VersionMixin> {
  static constexpr Table table{"ecommerce", "products", "Product with soft delete and version tracking."};
  MIGRATE_COLUMN(sku, String(100)).unique();
  MIGRATE_COLUMN(name, String(255)).not_null();
};
MIGRATE_MODEL(Product);

struct ProductCategory : Model<ProductCategory, Base> {
  static constexpr Table table{"ecommerce", "product_categories", "Which categories list a product; a product may sit in several."};
  MIGRATE_COLUMN(product_id, UUID()).not_null().references({"ecommerce", "products"}, "id", FkAction::Cascade);
  MIGRATE_COLUMN(category_id, UUID()).not_null().references({"ecommerce", "categories"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(position, Integer()).not_null().server_default("0");
  TableArgs args = table_args(PrimaryKeyConstraint{.columns = {"product_id", "category_id"}});
};
MIGRATE_MODEL(ProductCategory);

}  // namespace app::models
