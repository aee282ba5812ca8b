// SQL for the history table, shared by online runs and offline (--sql) output.
#include "migrate/ops/history_table.hpp"

#include <fmt/format.h>

#include "migrate/ops/quote.hpp"

namespace migrate::ops {

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::Applied: return "applied";
    case Outcome::Failed: return "failed";
    case Outcome::RolledBack: return "rolled back";
    case Outcome::Stamped: return "stamped";
    case Outcome::Adopted: return "adopted";
    case Outcome::Repaired: return "repaired";
  }
  return "applied";
}

HistoryTable HistoryTable::beside(const VersionTable& version) {
  return {version.name == "alembic_version" ? "migrate_history" : version.name + "_history", version.schema};
}

std::string HistoryTable::qualified() const {
  return schema.empty() ? quote_ident(name) : quote_ident(schema) + "." + quote_ident(name);
}

std::string HistoryTable::create_sql() const {
  return fmt::format(
      "CREATE TABLE IF NOT EXISTS {} (\n"
      "    id BIGINT GENERATED ALWAYS AS IDENTITY, \n"
      "    revision VARCHAR(32) NOT NULL, \n"
      "    direction VARCHAR(4) NOT NULL CHECK (direction IN ('up', 'down')), \n"
      "    checksum CHAR(64), \n"
      "    outcome VARCHAR(16) NOT NULL, \n"
      "    started_at TIMESTAMPTZ NOT NULL, \n"
      "    finished_at TIMESTAMPTZ NOT NULL, \n"
      "    duration_ms BIGINT, \n"
      "    tool_version TEXT NOT NULL, \n"
      "    db_user TEXT NOT NULL DEFAULT current_user, \n"
      "    client_host TEXT, \n"
      "    CONSTRAINT {} PRIMARY KEY (id)\n)",
      qualified(), quote_ident(name + "_pkey"));
}

std::string HistoryTable::insert_sql(const HistoryRow& row) const {
  auto time = [](const std::optional<std::string>& t) {
    return t ? quote_literal(*t + "+00") : std::string("clock_timestamp()");
  };
  return fmt::format(
      "INSERT INTO {} (revision, direction, checksum, outcome, started_at, finished_at, duration_ms, tool_version, "
      "client_host) VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {})",
      qualified(), quote_literal(row.revision), row.up ? "'up'" : "'down'",
      row.checksum.empty() ? std::string("NULL") : quote_literal(row.checksum), quote_literal(outcome_name(row.outcome)),
      time(row.started), time(row.finished), row.duration_ms ? std::to_string(*row.duration_ms) : std::string("NULL"),
      quote_literal(row.tool_version),
      row.client_host ? quote_literal(*row.client_host) : std::string("inet_client_addr()::text"));
}

std::string HistoryTable::exists_sql() const {
  return fmt::format("SELECT to_regclass({}) IS NOT NULL", quote_literal(qualified()));
}

std::string HistoryTable::select_sql(bool newest_first, std::optional<long long> limit) const {
  constexpr const char* iso = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";
  return fmt::format(
      "SELECT id, revision, direction, checksum, outcome, to_char(started_at AT TIME ZONE 'UTC', {0}), "
      "to_char(finished_at AT TIME ZONE 'UTC', {0}), duration_ms, tool_version, db_user, client_host FROM {1} "
      "ORDER BY id{2}{3}",
      iso, qualified(), newest_first ? " DESC" : "", limit ? fmt::format(" LIMIT {}", *limit) : std::string());
}

}  // namespace migrate::ops
