// The session's side of lock-safe DDL: timeouts, naming who blocks, and cleaning up after a
// CREATE INDEX CONCURRENTLY that failed.
#include <fmt/format.h>

#include <pqxx/pqxx>

#include "migrate/db/online_sink.hpp"
#include "migrate/db/pqxx_errors.hpp"
#include "migrate/db/session.hpp"

namespace migrate::db {

void Session::set_timeouts(const std::string& lock_timeout, const std::string& statement_timeout) {
  translate_errors("setting lock_timeout and statement_timeout", [&] {
    pqxx::nontransaction tx(*connection_);
    tx.exec("SELECT pg_catalog.set_config('lock_timeout', " + tx.quote(lock_timeout) +
            ", false), pg_catalog.set_config('statement_timeout', " + tx.quote(statement_timeout) + ", false)");
  });
}

std::string Session::lock_holders(const std::vector<std::string>& relations) {
  if (relations.empty()) return "";
  return translate_errors("finding who holds the lock", [&] {
    pqxx::nontransaction tx(*connection_);
    std::string names;
    for (const auto& r : relations) names += (names.empty() ? "" : ", ") + tx.quote(r);
    // to_regclass reads a name as SQL does; a quoted or odd one it cannot read is skipped.
    auto rows = tx.exec(
        "SELECT DISTINCT a.pid, coalesce(nullif(a.application_name, ''), 'no application_name'), "
        "coalesce(a.state, 'unknown'), "
        "coalesce(to_char(coalesce(a.xact_start, a.state_change) AT TIME ZONE 'UTC', 'HH24:MI:SS') || ' UTC', '?'), "
        "left(regexp_replace(a.query, '\\s+', ' ', 'g'), 120) "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.granted AND l.pid <> pg_backend_pid() AND l.relation IN "
        "(SELECT to_regclass(n) FROM unnest(ARRAY[" + names + "]::text[]) AS n) ORDER BY a.pid");
    std::string text;
    for (const auto& row : rows)
      text += fmt::format("{}server pid {} ({}, {} since {}: {})", text.empty() ? "" : "; ", row[0].c_str(),
                          row[1].c_str(), row[2].c_str(), row[3].c_str(), row[4].c_str());
    return config::redact_secrets(text);
  });
}

std::string Session::drop_invalid_index(const std::string& index, const std::string& table) {
  return translate_errors("dropping the INVALID index a failed CREATE INDEX CONCURRENTLY left", [&] {
    pqxx::nontransaction tx(*connection_);
    auto rows = tx.exec(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid AND c.relname = " + tx.quote(index) +
        " AND i.indrelid = to_regclass(" + tx.quote(table) + ")");
    if (rows.empty()) return std::string();
    std::string qualified = rows[0][0].c_str();
    tx.exec("DROP INDEX CONCURRENTLY IF EXISTS " + qualified);
    return qualified;
  });
}

}  // namespace migrate::db
