// A revision with the common mistakes in C++ options, one per MISTAKE value (README: "Writing
// C++ revisions: common compile errors"); with MISTAKE undefined, the corrected body, which
// must compile, so each expected error is the mistake's own.
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "aaaa00000001") {
  void upgrade(Ops& op) override {
#if MISTAKE == 1  // a misspelt field in an unnamed option list
    op.create_index("ix_t_a", "t", {"a"}, {.uniq = true});
#elif MISTAKE == 2  // the same with the struct named: the compiler names the field
    op.create_index("ix_t_a", "t", {"a"}, IndexOptions{.uniq = true});
#elif MISTAKE == 3  // a field of the other options struct: how the index is built, not what it is
    op.create_index("ix_t_a", "t", {"a"}, IndexOptions{.concurrently = true});
#elif MISTAKE == 4  // fields out of declaration order
    op.create_index("ix_t_a", "t", {"a"}, IndexOptions{.where = "a > 0", .unique = true});
#elif MISTAKE == 5  // a string where the option is an enum
    op.create_foreign_key("fk_t_u", "t", "u", {"u_id"}, {"id"}, ForeignKeyOptions{.on_delete = "CASCADE"});
#else
    op.create_index("ix_t_a", "t", {"a"}, IndexOptions{.unique = true, .where = "a > 0"});
    op.autocommit_block([&] { op.create_index("ix_t_b", "t", {"b"}, {}, CreateIndexOptions{.concurrently = true}); });
    op.create_foreign_key("fk_t_u", "t", "u", {"u_id"}, {"id"}, ForeignKeyOptions{.on_delete = FkAction::Cascade});
#endif
  }
  void downgrade(Ops& op) override { op.drop_index("ix_t_a"); }
};
