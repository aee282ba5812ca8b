// The product catalog: categories, products and which category lists which product.
#include "types.hpp"

namespace app::models {

struct Category : Model<Category, BaseModel> {
  static constexpr Table table{"ecommerce", "categories", "A tree of categories the storefront navigates."};
  Field& parent_id = column("parent_id", UUID()).references({"ecommerce", "categories"}, "id", FkAction::SetNull).index();
  Field& name = column("name", String(100)).not_null();
  Field& slug = column("slug", String(120)).not_null().check("slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'").comment("URL path segment.");
  Field& description = column("description", Text());
  Field& position = column("position", Integer()).not_null().server_default("0");
  TableArgs args = table_args(
      Index{.name = "uq_categories_slug_active", .keys = {"slug"},
            .options = {.unique = true, .where = "NOT is_deleted"}});
};
MIGRATE_MODEL(Category);

// Exactly the seed's Product: what the first revision created.
struct Product : Model<Product, BaseModel, VersionMixin> {
  static constexpr Table table{"ecommerce", "products", "Product with soft delete and version tracking."};
  Field& sku = column("sku", String(100)).unique();
  Field& name = column("name", String(255)).not_null();
};
MIGRATE_MODEL(Product);

struct ProductCategory : Model<ProductCategory, Base> {
  static constexpr Table table{"ecommerce", "product_categories", "Which categories list a product; a product may sit in several."};
  Field& product_id = column("product_id", UUID()).not_null().references({"ecommerce", "products"}, "id", FkAction::Cascade);
  Field& category_id = column("category_id", UUID()).not_null().references({"ecommerce", "categories"}, "id", FkAction::Cascade).index();
  Field& position = column("position", Integer()).not_null().server_default("0");
  TableArgs args = table_args(PrimaryKeyConstraint{.columns = {"product_id", "category_id"}});
};
MIGRATE_MODEL(ProductCategory);

}  // namespace app::models
