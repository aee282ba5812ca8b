// The history table (migrate_history): one row per step a run took, beside the version
// table, and its SQL, the same text online and offline.
#pragma once
#include <optional>
#include <string>

#include "migrate/ops/version_table.hpp"

namespace migrate::ops {

// What became of a step, or why a row was written without one.
enum class Outcome {
  Applied,     // the step ran and committed
  Failed,      // the step's statements failed (recorded afterwards, in a transaction of its own)
  RolledBack,  // the step ran, then a later failure rolled the whole run back
  Stamped,     // `stamp`: only the version table moved
  Adopted,     // applied before history was kept (Alembic, an older migrate): recorded as found
  Repaired,    // `repair`: a person accepted the source as it is now
};
const char* outcome_name(Outcome outcome);  // "applied", "failed", "rolled back", ...

struct HistoryRow {
  std::string revision;
  bool up = true;
  std::string checksum;  // empty: NULL (a revision whose source this binary has no checksum of)
  Outcome outcome = Outcome::Applied;
  // UTC, "YYYY-MM-DD HH:MM:SS.ffffff"; nullopt (offline) leaves the time to the server.
  std::optional<std::string> started, finished;
  std::optional<long long> duration_ms;
  std::string tool_version;
  // The machine migrate ran on; nullopt (offline) leaves it to the server: inet_client_addr().
  std::optional<std::string> client_host;
};

// A row as read back.
struct HistoryEntry {
  long long id = 0;
  std::string revision, direction, checksum, outcome, started, finished;
  std::optional<long long> duration_ms;
  std::string tool_version, db_user, client_host;
};

struct HistoryTable {
  std::string name = "migrate_history";
  std::string schema;

  // Beside `version`, in its schema: migrate_history for Alembic's alembic_version, else
  // <version table>_history, so two projects sharing a database keep two histories.
  static HistoryTable beside(const VersionTable& version);

  std::string qualified() const;
  // IF NOT EXISTS: an offline script may run against a database that has it already.
  std::string create_sql() const;
  std::string insert_sql(const HistoryRow& row) const;
  std::string exists_sql() const;
  // Rows oldest first (newest first with `newest_first`, at most `limit` when given):
  // id, revision, direction, checksum, outcome, started, finished (ISO 8601 UTC text),
  // duration_ms, tool_version, db_user, client_host.
  std::string select_sql(bool newest_first = false, std::optional<long long> limit = {}) const;
};

}  // namespace migrate::ops
