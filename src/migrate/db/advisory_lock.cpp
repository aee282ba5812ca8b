// Taking and releasing the run lock; a wait is a poll so the timeout is ours, not the server's.
#include "migrate/db/advisory_lock.hpp"

#include <fmt/format.h>

#include <pqxx/pqxx>

#include <chrono>
#include <thread>

#include <migrate/error.hpp>

#include "migrate/db/connection.hpp"

namespace migrate::db {

AdvisoryLock::AdvisoryLock(pqxx::connection_base& c, const std::string& version_table, int timeout_seconds)
    : connection_(c), key_("migrate:" + version_table) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  try {
    for (;;) {
      pqxx::nontransaction tx(connection_);
      if (tx.exec("SELECT pg_try_advisory_lock(hashtext(" + tx.quote(key_) + "))")[0][0].as<bool>()) {
        held_ = true;
        return;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        auto holder = tx.exec(
            "SELECT coalesce(string_agg(pid::text, ', '), 'unknown') FROM pg_locks "
            "WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND objid = hashtext(" + tx.quote(key_) +
            ")::oid AND classid = ((hashtext(" + tx.quote(key_) + ")::bigint >> 32) & 4294967295)::oid");
        throw LockError(fmt::format(
            "another migrate run holds the lock on {} (server pid {}); nothing was changed",
            describe(connection_), holder[0][0].c_str()));
      }
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
