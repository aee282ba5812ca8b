// A table of step 1 that step 2 drops, with what a drop must take along and a downgrade
// must bring back: an index, a check, a foreign key to a live table, an enum array.
#include "corpus.hpp"

#if CORPUS_STEP < 2
namespace corpus {

struct LegacyNote : Model<LegacyNote, Base> {
  static constexpr Table table{"corpus", "legacy_notes", "Dropped in step 2."};
  MIGRATE_COLUMN(id, Integer()).identity().primary_key();
  MIGRATE_COLUMN(node_id, Integer()).not_null().references({"corpus", "nodes"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(body, Text()).not_null().check("length(body) > 0");
  MIGRATE_COLUMN(statuses, Array(ItemStatus)).server_default("'{draft}'");
};
MIGRATE_MODEL(LegacyNote);

}  // namespace corpus
#endif
