// Defaults of every shape, a sequence, identity and generated columns, checks and comments.
#include "corpus.hpp"

namespace corpus {

struct Ticket : Model<Ticket, Base> {
#if CORPUS_STEP >= 2
  static constexpr Table table{"corpus", "tickets", "Support tickets (comment changed in step 2)."};
#else
  static constexpr Table table{"corpus", "tickets", "Support tickets."};
#endif
  MIGRATE_COLUMN(id, BigInteger()).primary_key().server_default("nextval('corpus.ticket_number_seq')");
  MIGRATE_COLUMN(line_no, Integer()).identity({.always = false});
  MIGRATE_COLUMN(title, String(100)).not_null().server_default("'untitled'");
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(hits, Integer()).not_null().server_default("1");  // a changed default
  MIGRATE_COLUMN(delta, Integer());                                 // a dropped default
  MIGRATE_COLUMN(ratio, Numeric(5, 2)).server_default("0.5").comment("Share of the whole, 0 to 1.");  // a new comment
  MIGRATE_COLUMN(owner, Text()).comment("Who answers it.");  // NOT NULL -> NULL, a changed comment
#else
  MIGRATE_COLUMN(hits, Integer()).not_null().server_default("0");
  MIGRATE_COLUMN(delta, Integer()).server_default("-1");
  MIGRATE_COLUMN(ratio, Numeric(5, 2)).server_default("0.5");
  MIGRATE_COLUMN(owner, Text()).not_null().server_default("CURRENT_USER").comment("Who filed it.");
#endif
  MIGRATE_COLUMN(active, Boolean()).not_null().server_default("true");
  MIGRATE_COLUMN(created_at, DateTime(true)).not_null().server_default("now()");
  MIGRATE_COLUMN(updated_at, DateTime(true)).not_null().server_default("CURRENT_TIMESTAMP");
  MIGRATE_COLUMN(created_on, Date()).server_default("CURRENT_DATE");
  MIGRATE_COLUMN(ttl, Interval()).server_default("'1 day'::interval");
  MIGRATE_COLUMN(due_at, DateTime(true)).server_default("now() + interval '7 days'");
  MIGRATE_COLUMN(meta, JSONB()).not_null().server_default("'{\"v\": 1}'::jsonb");
  MIGRATE_COLUMN(tags, Array(Text())).server_default("'{}'::text[]");
  MIGRATE_COLUMN(numbers, Array(Integer())).server_default("ARRAY[1, 2, 3]");
  MIGRATE_COLUMN(token, UUID()).not_null().server_default("gen_random_uuid()");
  MIGRATE_COLUMN(status, ItemStatus).not_null().server_default("'draft'");
  MIGRATE_COLUMN(score, Integer()).server_default("(2 * 21)");
  MIGRATE_COLUMN(code, Char(4)).server_default("upper('ab' || 'cd')");
  MIGRATE_COLUMN(price, Numeric(10, 2)).not_null().server_default("0");
  MIGRATE_COLUMN(quantity, Integer()).not_null().server_default("1").check("quantity > 0");
  MIGRATE_COLUMN(total, Numeric(12, 2)).generated("price * quantity").comment("Computed by the server.");
  MIGRATE_COLUMN(title_length, Integer()).generated("char_length(title)");
  TableArgs args = table_args(
#if CORPUS_STEP >= 3
      // no alter-sequence operation: an execute() whose downgrade must be written by hand
      Sequence{.name = {"corpus", "ticket_number_seq"}, .options = {.as = BigInteger(), .start = 1000, .increment = 5}},
#else
      Sequence{.name = {"corpus", "ticket_number_seq"}, .options = {.as = BigInteger(), .start = 1000, .increment = 10}},
#endif
#if CORPUS_STEP >= 2
      // a changed check
      CheckConstraint{.expression = "price >= 0 AND quantity <= 10000", .name = "ck_tickets_bounds"},
#else
      CheckConstraint{.expression = "price >= 0 AND quantity < 1000", .name = "ck_tickets_bounds"},
#endif
      CheckConstraint{.expression = "due_at IS NULL OR due_at > created_at", .name = "ck_tickets_due_after_created"});
};
MIGRATE_MODEL(Ticket);

}  // namespace corpus
