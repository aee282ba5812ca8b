// create audit log
//
// Revision ID: d2f6a8c4e0b5
// Revises: b7d1c5e9a362
// Create Date: 2026-11-26 10:09:00.000000
//
// audit.audit_log (src/models/audit.cpp), range-partitioned by month, and the trigger
// function that fills it from the audited ecommerce tables.
#include <array>
#include <string>

#include <migrate/revision.hpp>

namespace {

// Tables whose every row change is logged: money, stock and personal data.
constexpr std::array kAudited = {"customers", "addresses", "coupons", "orders", "payments",
                                 "shipments", "inventory_levels", "product_prices"};

// Monthly partitions from January 2026 for two years; rows outside land in the default
// partition until a maintenance revision adds the next months.
constexpr int kFirstYear = 2026;
constexpr int kMonths = 24;

// Month m after January of kFirstYear: "2026_03" for names, "'2026-03-01 00:00:00+00'" for bounds.
std::string month_suffix(int m) {
  int month = m % 12 + 1;
  return std::to_string(kFirstYear + m / 12) + (month < 10 ? "_0" : "_") + std::to_string(month);
}
std::string month_start(int m) {
  int month = m % 12 + 1;
  return "'" + std::to_string(kFirstYear + m / 12) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-01 00:00:00+00'";
}

}  // namespace

MIGRATE_REVISION(.id = "d2f6a8c4e0b5", .down = {"b7d1c5e9a362"},
    .message = "create audit log",
    .created = "2026-11-26 10:09:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.create_enum({"audit", "audit_action"}, {"insert", "update", "delete"});
    op.create_table({"audit", "audit_log"}, {
        Column("id", BigInteger()).identity(),
        Column("occurred_at", Timestamp(true)).not_null().server_default("now()"),
        Column("actor", String(255)).not_null().comment("The application user (setting app.actor) or else the database role."),
        Column("table_schema", String(63)).not_null(),
        Column("table_name", String(63)).not_null(),
        Column("row_id", Text()).not_null(),
        Column("action", Enum("audit_action", {}, "audit")).not_null(),
        Column("old_values", JSONB()),
        Column("new_values", JSONB()),
        Column("transaction_id", BigInteger()).not_null().server_default("txid_current()"),
        PrimaryKeyConstraint{.columns = {"id", "occurred_at"}, .name = "pk_audit_log"}}, {.comment = "Row changes of audited tables, written by audit.log_change(); one partition per month.", .partition_by = PartitionBy::range({"occurred_at"})});
    op.create_index("ix_audit_log_row", {"audit", "audit_log"}, {"table_schema", "table_name", "row_id"});
    op.create_index("ix_audit_log_old_values", {"audit", "audit_log"}, {"old_values"}, {.method = IndexMethod::Gin});
    op.create_index("ix_audit_log_new_values", {"audit", "audit_log"}, {"new_values"}, {.method = IndexMethod::Gin});
    for (int m = 0; m < kMonths; ++m)
      op.create_partition({"audit", "audit_log_" + month_suffix(m)}, {"audit", "audit_log"},
                          PartitionBound::range({month_start(m)}, {month_start(m + 1)}));
    op.create_partition({"audit", "audit_log_default"}, {"audit", "audit_log"}, PartitionBound::default_partition());

    // No operation creates functions or triggers: raw SQL. SECURITY DEFINER with a fixed
    // search_path, so roles that may change a table need no right to write the log.
    op.execute(R"(CREATE FUNCTION audit.log_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  old_row jsonb;
  new_row jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  -- An UPDATE that changed nothing is not worth a row.
  IF TG_OP = 'UPDATE' AND old_row = new_row THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit.audit_log (actor, table_schema, table_name, row_id, action, old_values, new_values)
  VALUES (coalesce(nullif(current_setting('app.actor', true), ''), session_user::text),
          TG_TABLE_SCHEMA, TG_TABLE_NAME, coalesce(new_row, old_row) ->> 'id',
          lower(TG_OP)::audit.audit_action, old_row, new_row);
  RETURN NULL;
END
$$)");
    op.execute("COMMENT ON FUNCTION audit.log_change() IS 'Row trigger: writes one audit.audit_log row per change'");
    for (const char* table : kAudited)
      op.execute(std::string("CREATE TRIGGER audit_log_change AFTER INSERT OR UPDATE OR DELETE ON ecommerce.") + table +
                 " FOR EACH ROW EXECUTE FUNCTION audit.log_change()");
  }

  void downgrade(migrate::Ops& op) override {
    for (const char* table : kAudited) op.execute(std::string("DROP TRIGGER audit_log_change ON ecommerce.") + table);
    op.execute("DROP FUNCTION audit.log_change()");
    // Dropping the parent drops every partition with it.
    op.drop_table({"audit", "audit_log"});
    op.drop_enum({"audit", "audit_action"});
  }
};
