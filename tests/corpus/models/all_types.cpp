// One column of every type the model DSL has (include/migrate/types.hpp).
#include "corpus.hpp"

namespace corpus {

struct AllTypes : Model<AllTypes, Base> {
  static constexpr Table table{"corpus", "all_types", "One column of every type the DSL has."};
  MIGRATE_COLUMN(id, BigInteger()).identity({.always = true}).primary_key();
  MIGRATE_COLUMN(small, SmallInteger());
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(regular, BigInteger());  // a type change
#else
  MIGRATE_COLUMN(regular, Integer());
#endif
  MIGRATE_COLUMN(big, BigInteger());
  MIGRATE_COLUMN(amount, Numeric(12, 2));
  MIGRATE_COLUMN(whole, Numeric(5));
  MIGRATE_COLUMN(any_number, Numeric());
  MIGRATE_COLUMN(real_value, Real());
  MIGRATE_COLUMN(double_value, Double());
  MIGRATE_COLUMN(flag, Boolean());
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(label, String(80));  // a longer length
  MIGRATE_COLUMN(body, Text()).not_null();  // NULL -> NOT NULL
#else
  MIGRATE_COLUMN(label, String(40));
  MIGRATE_COLUMN(body, Text());
#endif
  MIGRATE_COLUMN(free_text, String());
  MIGRATE_COLUMN(code, Char(3));
#if CORPUS_STEP < 2
  MIGRATE_COLUMN(single_char, Char());  // dropped in step 2
#endif
  MIGRATE_COLUMN(day, Date());
  MIGRATE_COLUMN(at_time, Time());
  MIGRATE_COLUMN(at_time_tz, Time(true));
  MIGRATE_COLUMN(stamp, Timestamp());
  MIGRATE_COLUMN(stamp_tz, DateTime(true));
  MIGRATE_COLUMN(span, Interval());
  MIGRATE_COLUMN(uid, UUID());
  MIGRATE_COLUMN(doc_json, JSON());
  MIGRATE_COLUMN(doc, JSONB());
  MIGRATE_COLUMN(blob, LargeBinary());
  MIGRATE_COLUMN(address, INET());
  MIGRATE_COLUMN(network, CIDR());
  MIGRATE_COLUMN(numbers, Array(Integer()));
  MIGRATE_COLUMN(words, Array(Text()));
  MIGRATE_COLUMN(status, ItemStatus);
  MIGRATE_COLUMN(priorities, Array(Priority));
  MIGRATE_COLUMN(search, Type("tsvector"));
  MIGRATE_COLUMN(during, Type("tstzrange"));
#if CORPUS_STEP >= 2
  MIGRATE_COLUMN(added_note, Text()).comment("Added in step 2.");  // a new column
  // A new check on an existing column.
  TableArgs args = table_args(CheckConstraint{.expression = "amount >= 0", .name = "ck_all_types_amount_positive"});
#endif
};
MIGRATE_MODEL(AllTypes);

}  // namespace corpus
