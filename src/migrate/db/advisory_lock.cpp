// Taking and releasing the run lock; a wait is a poll so the timeout is ours, not the server's.
#include "migrate/db/advisory_lock.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include <chrono>
#include <thread>

#include <migrate/error.hpp>

#include "migrate/db/connection.hpp"
#include "migrate/db/interrupt.hpp"

namespace migrate::db {

namespace {

// How often a waiting run says who it waits for.
constexpr auto report_every = std::chrono::seconds(5);

// Who holds the lock, as pg_stat_activity shows them: "server pid 4242 (migrate 0.1.0
// upgrade, client 10.0.0.7, connected since 2026-12-02 16:58:03 UTC)". The lock is a
// session's, so the session's start is when it could have taken it at the earliest.
std::string holder(pqxx::transaction_base& tx, const std::string& key) {
  auto k = tx.quote(key);
  auto rows = tx.exec(
      "SELECT l.pid, coalesce(nullif(a.application_name, ''), 'no application_name'), "
      "coalesce(host(a.client_addr), 'local socket'), "
      "coalesce(to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', 'unknown') "
      "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
      "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.objid = hashtext(" + k + ")::oid "
      "AND l.classid = ((hashtext(" + k + ")::bigint >> 32) & 4294967295)::oid "
      "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  if (rows.empty()) return "server pid unknown: it has just let go";
  std::string text;
  for (const auto& row : rows)
    text += fmt::format("{}server pid {} ({}, client {}, connected since {})", text.empty() ? "" : "; ",
                        row[0].c_str(), row[1].c_str(), row[2].c_str(), row[3].c_str());
  return text;
}

}  // namespace

AdvisoryLock::AdvisoryLock(pqxx::connection_base& c, const std::string& version_table, int timeout_seconds)
    : connection_(c), key_("migrate:" + version_table) {
  using clock = std::chrono::steady_clock;
  auto started = clock::now();
  auto deadline = started + std::chrono::seconds(timeout_seconds);
  auto next_report = started;
  try {
    for (;;) {
      pqxx::nontransaction tx(connection_);
      if (tx.exec("SELECT pg_try_advisory_lock(hashtext(" + tx.quote(key_) + "))")[0][0].as<bool>()) {
        held_ = true;
        return;
      }
      auto now = clock::now();
      if (now >= deadline) {
        throw LockError(fmt::format("another migrate run holds the lock on {}{}: {}; nothing was changed",
                                    describe(connection_),
                                    timeout_seconds > 0 ? fmt::format(" after {} s of waiting", timeout_seconds) : "",
                                    holder(tx, key_)));
      }
      if (now >= next_report) {
        auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - started).count();
        spdlog::info("waiting for the run lock on {} (waited {} s of {}): held by {}", describe(connection_), waited,
                     timeout_seconds, holder(tx, key_));
        next_report = now + report_every;
      }
      throw_if_interrupted("while waiting for the run lock; nothing was changed");
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError("connection lost while taking the run lock: " + server_message(e));
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError("taking the run lock failed: " + server_message(e));
  }
}

AdvisoryLock::~AdvisoryLock() {
  if (!held_) return;
  try {
    pqxx::nontransaction tx(connection_);
    tx.exec("SELECT pg_advisory_unlock(hashtext(" + tx.quote(key_) + "))");
  } catch (...) {
    // A lost connection already released the lock with the session.
  }
}

}  // namespace migrate::db
