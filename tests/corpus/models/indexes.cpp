// Indexes: partial, expression, unique, covering, and every access method (GIN through btree_gin).
#include "corpus.hpp"

namespace corpus {

struct Document : Model<Document, Base> {
#if CORPUS_STEP >= 2
  static constexpr Table table{"corpus", "documents"};  // its comment dropped
#else
  static constexpr Table table{"corpus", "documents", "Indexed every way the DSL allows."};
#endif
  MIGRATE_COLUMN(id, BigInteger()).identity().primary_key();
  MIGRATE_COLUMN(title, String(200)).not_null();
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(contact_email, String(255)).renamed_from("email");  // a declared rename
#else
  MIGRATE_COLUMN(email, String(255));
#endif
  MIGRATE_COLUMN(owner_id, Integer()).index();
  MIGRATE_COLUMN(tags, Array(Text())).not_null().server_default("'{}'");
  MIGRATE_COLUMN(body, JSONB()).not_null().server_default("'{}'::jsonb");
  MIGRATE_COLUMN(created_at, DateTime(true)).not_null().server_default("now()");
  MIGRATE_COLUMN(is_deleted, Boolean()).not_null().server_default("false");
  TableArgs args = table_args(
      // expression + unique + partial
#if CORPUS_STEP >= 2
      // the rename reaches the expression; nothing about the index changes
      Index{.name = "uq_documents_email_lower", .keys = {text("lower(contact_email)")},
            .options = {.unique = true, .where = "NOT is_deleted"}},
      // the predicate changes: dropped and created again
      Index{.name = "ix_documents_title_live", .keys = {"title"},
            .options = {.where = "NOT is_deleted AND contact_email IS NOT NULL"}},
      // only a key's NULLS order changes
      Index{.name = "ix_documents_title_pattern",
            .keys = {IndexKey("title").opclass("text_pattern_ops"), IndexKey("created_at").desc()}},
      Index{.name = "ix_documents_created_at", .keys = {"created_at"}},  // a new index
#else
      Index{.name = "uq_documents_email_lower", .keys = {text("lower(email)")},
            .options = {.unique = true, .where = "NOT is_deleted"}},
      Index{.name = "ix_documents_title_live", .keys = {"title"}, .options = {.where = "NOT is_deleted"}},
      // an operator class and a sort order on the keys
      Index{.name = "ix_documents_title_pattern",
            .keys = {IndexKey("title").opclass("text_pattern_ops"), IndexKey("created_at").desc().nulls_last()}},
      Index{.name = "ix_documents_email_hash", .keys = {"email"}, .options = {.method = IndexMethod::Hash}},  // dropped in 2
#endif
      Index{.name = "ix_documents_tags", .keys = {"tags"}, .options = {.method = IndexMethod::Gin}},
      Index{.name = "ix_documents_body", .keys = {"body"}, .options = {.method = IndexMethod::Gin}},
      // an integer in a GIN index needs btree_gin (init_dependencies.sql installs it)
      Index{.name = "ix_documents_owner_tags", .keys = {"owner_id", "tags"}, .options = {.method = IndexMethod::Gin}},
      Index{.name = "ix_documents_owner_covering", .keys = {"owner_id"}, .options = {.include = {"title"}}},
      Index{.name = "ix_documents_created_brin", .keys = {"created_at"}, .options = {.method = IndexMethod::Brin}},
      Index{.name = "ix_documents_year", .keys = {text("date_part('year', created_at AT TIME ZONE 'UTC')"), "owner_id"}});
};
MIGRATE_MODEL(Document);

#if CORPUS_STEP >= 2
// A new enum type, and a table new in step 2 using it, with foreign keys to an existing one.
inline const Type LinkKind = Enum("link_kind", {"cites", "replaces"}, "corpus");

struct DocumentLink : Model<DocumentLink, Base> {
  static constexpr Table table{"corpus", "document_links", "Added in step 2."};
  MIGRATE_COLUMN(kind, LinkKind).not_null().server_default("'cites'");
  MIGRATE_COLUMN(from_id, BigInteger()).not_null().references({"corpus", "documents"}, "id", FkAction::Cascade);
  MIGRATE_COLUMN(to_id, BigInteger()).not_null().references({"corpus", "documents"}, "id", FkAction::Cascade).index();
  TableArgs args = table_args(PrimaryKeyConstraint{.columns = {"from_id", "to_id"}},
                              CheckConstraint{.expression = "from_id <> to_id", .name = "ck_document_links_not_self"});
};
MIGRATE_MODEL(DocumentLink);
#endif

}  // namespace corpus
