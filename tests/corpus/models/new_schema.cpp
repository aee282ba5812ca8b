// A schema no database has until step 2: its revision creates the schema before the table,
// and the downgrade drops both.
#include "corpus.hpp"

#if CORPUS_STEP >= 2
namespace corpus {

struct Archive : Model<Archive, Base> {
  static constexpr Table table{"corpus_extra", "archived_documents", "Added in step 2, in a new schema."};
  MIGRATE_COLUMN(id, BigInteger()).primary_key();
  MIGRATE_COLUMN(document_id, BigInteger()).not_null().references({"corpus", "documents"}, "id", FkAction::Cascade);
};
MIGRATE_MODEL(Archive);

}  // namespace corpus
#endif
