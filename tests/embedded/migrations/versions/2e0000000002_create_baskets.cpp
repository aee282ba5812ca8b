// create baskets: a compiled revision between two embedded SQL ones.
#include <migrate/revision.hpp>

MIGRATE_REVISION(.id = "2e0000000002", .down = {"1e0000000001"}, .message = "create baskets",
    .created = "2026-12-03 12:00:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.execute("CREATE TABLE baskets (id bigint PRIMARY KEY, shopper_id bigint NOT NULL REFERENCES shoppers (id))");
  }
  void downgrade(migrate::Ops& op) override { op.execute("DROP TABLE baskets"); }
};
