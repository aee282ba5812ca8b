// audit.audit_log: every change to an audited table, partitioned by month.
#include "types.hpp"

namespace app::models {

// Filled by the trigger function audit.log_change() (see the revision that creates it).
struct AuditLog : Model<AuditLog, Base> {
  static constexpr Table table{"audit", "audit_log", "Row changes of audited tables, written by audit.log_change(); one partition per month."};
  MIGRATE_COLUMN(id, BigInteger()).identity();
  MIGRATE_COLUMN(occurred_at, DateTime(true)).not_null().server_default("now()");
  MIGRATE_COLUMN(actor, String(255)).not_null().comment("The application user (setting app.actor) or else the database role.");
  MIGRATE_COLUMN(table_schema, String(63)).not_null();
  MIGRATE_COLUMN(table_name, String(63)).not_null();
  MIGRATE_COLUMN(row_id, Text()).not_null();
  MIGRATE_COLUMN(action, AuditAction).not_null();
  MIGRATE_COLUMN(old_values, JSONB());
  MIGRATE_COLUMN(new_values, JSONB());
  MIGRATE_COLUMN(transaction_id, BigInteger()).not_null().server_default("txid_current()");
  TableArgs args = table_args(
      // A partitioned table's keys must contain the partition key.
      PrimaryKeyConstraint{.columns = {"id", "occurred_at"}},
      PartitionBy::range({"occurred_at"}),
      Index{.name = "ix_audit_log_row", .keys = {"table_schema", "table_name", "row_id"}},
      Index{.name = "ix_audit_log_old_values", .keys = {"old_values"}, .options = {.method = IndexMethod::Gin}},
      Index{.name = "ix_audit_log_new_values", .keys = {"new_values"}, .options = {.method = IndexMethod::Gin}});
};
MIGRATE_MODEL(AuditLog);

}  // namespace app::models
