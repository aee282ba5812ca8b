// Keys: composite primary keys and uniques, self-referencing, composite and cross-schema
// foreign keys with their actions, MATCH FULL and deferrable constraints.
#include "corpus.hpp"

namespace corpus {

struct Country : Model<Country, Base> {
  static constexpr Table table{"corpus_ref", "countries", "Reference data in another schema."};
  MIGRATE_COLUMN(code, Char(2)).primary_key().check("code ~ '^[A-Z]{2}$'");
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(name, String(100)).not_null().unique();  // its comment dropped
#else
  MIGRATE_COLUMN(name, String(100)).not_null().unique().comment("English short name.");
#endif
};
MIGRATE_MODEL(Country);

struct Region : Model<Region, Base> {
  static constexpr Table table{"corpus_ref", "regions"};
#if CORPUS_STEP >= 2
  // ON DELETE changes: the foreign key is dropped and added again
  MIGRATE_COLUMN(country_code, Char(2)).not_null().references({"corpus_ref", "countries"}, "code", FkAction::Restrict);
#else
  MIGRATE_COLUMN(country_code, Char(2)).not_null().references({"corpus_ref", "countries"}, "code", FkAction::Cascade);
#endif
  MIGRATE_COLUMN(region_code, String(10)).not_null();
  MIGRATE_COLUMN(name, String(100)).not_null();
  TableArgs args = table_args(PrimaryKeyConstraint{.columns = {"country_code", "region_code"}},
                              UniqueConstraint{.columns = {"country_code", "name"}});
};
MIGRATE_MODEL(Region);

struct Node : Model<Node, Base> {
  static constexpr Table table{"corpus", "nodes", "A tree: each node may have a parent node."};
  MIGRATE_COLUMN(id, Integer()).identity().primary_key();
  MIGRATE_COLUMN(parent_id, Integer());
  MIGRATE_COLUMN(name, String(50)).not_null();
  MIGRATE_COLUMN(position, Integer()).not_null().server_default("0");
  MIGRATE_COLUMN(country_code, Char(2));
  MIGRATE_COLUMN(region_code, String(10));
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(priorities, Array(Priority)).server_default("'{low}'");  // 'normal' is gone
#else
  MIGRATE_COLUMN(priorities, Array(Priority)).server_default("'{normal}'");
#endif
  TableArgs args = table_args(
      ForeignKeyConstraint{.columns = {"parent_id"},
                           .referred_table = {"corpus", "nodes"},
                           .referred_columns = {"id"},
                           .options = {.on_delete = FkAction::SetNull, .deferrable = true, .initially_deferred = true}},
      ForeignKeyConstraint{.columns = {"country_code", "region_code"},
                           .referred_table = {"corpus_ref", "regions"},
                           .referred_columns = {"country_code", "region_code"},
                           .options = {.on_delete = FkAction::SetNull, .on_update = FkAction::Cascade,
                                       .match = FkMatch::Full}},
      UniqueConstraint{.columns = {"parent_id", "name"}, .options = {.nulls_not_distinct = true}},
      UniqueConstraint{.columns = {"parent_id", "position"}, .name = "uq_nodes_sibling_position",
#if CORPUS_STEP >= 2
                       .options = {.deferrable = true, .initially_deferred = true}});  // now INITIALLY DEFERRED
#else
                       .options = {.deferrable = true}});
#endif
};
MIGRATE_MODEL(Node);

struct Address : Model<Address, Base> {
  static constexpr Table table{"corpus", "addresses"};
  MIGRATE_COLUMN(id, UUID()).primary_key().server_default("gen_random_uuid()");
  MIGRATE_COLUMN(country_code, Char(2)).not_null().references(ColumnReference{
      .table = {"corpus_ref", "countries"},
      .column = "code",
      .options = {.on_delete = FkAction::Restrict, .on_update = FkAction::Cascade}});
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(node_id, Integer());  // its foreign key dropped
  MIGRATE_COLUMN(replaced_by, UUID()).references({"corpus", "addresses"}, "id", FkAction::SetNull);  // one added
#else
  MIGRATE_COLUMN(node_id, Integer()).references({"corpus", "nodes"}, "id", FkAction::Cascade);
  MIGRATE_COLUMN(replaced_by, UUID());
#endif
  MIGRATE_COLUMN(line1, String(200)).not_null();
};
MIGRATE_MODEL(Address);

}  // namespace corpus
