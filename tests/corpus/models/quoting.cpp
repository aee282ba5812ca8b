// Names that need quoting (keywords, capitals, spaces), quotes inside literals, and an enum
// compared inside checks and predicates, where the scratch schema's name must not leak.
#include "corpus.hpp"

namespace corpus {

struct User : Model<User, Base> {
  static constexpr Table table{"corpus_ref", "user", "A reserved word as a table name; it's quoted."};
  Field& id = column("id", Integer()).identity({.always = true}).primary_key();
  Field& select = column("select", String(20)).not_null().server_default("'it''s'");
  Field& display_name = column("DisplayName", Text()).comment("Mixed case: \"quoted\" and it's fine.");
  Field& with_space = column("with space", Integer());
  MIGRATE_COLUMN(status, ItemStatus).not_null().server_default("'active'").check("status IN ('draft', 'active')");
  MIGRATE_COLUMN(node_id, Integer()).references({"corpus", "nodes"}, "id", FkAction::SetDefault);
  TableArgs args = table_args(
      Index{.name = "ix_user_live_select", .keys = {"select", "DisplayName"},
            .options = {.unique = true, .where = "status <> 'archived'", .nulls_not_distinct = true}},
      UniqueConstraint{.columns = {"with space"}, .options = {.deferrable = true, .initially_deferred = true}});
};
MIGRATE_MODEL(User);

}  // namespace corpus
