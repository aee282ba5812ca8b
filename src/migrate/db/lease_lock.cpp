// lock_mode = table: acquiring, renewing and releasing the lease row.
#include "migrate/db/lease_lock.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include <chrono>
#include <random>
#include <unistd.h>

#include <migrate/error.hpp>

#include "migrate/db/connection.hpp"
#include "migrate/db/interrupt.hpp"
#include "migrate/ops/quote.hpp"

namespace migrate::db {

namespace {

constexpr auto report_every = std::chrono::seconds(5);

// Unique per run: what it is, where it runs, and a random part for two runs in one process.
std::string make_owner(pqxx::connection_base& c) {
  char host[256] = "unknown";
  gethostname(host, sizeof host - 1);
  std::random_device rd;
  pqxx::nontransaction tx(c);
  std::string app = tx.exec("SELECT current_setting('application_name')")[0][0].c_str();
  return fmt::format("{} (pid {} on {}, #{:08x})", app.empty() ? "migrate" : app, getpid(), host, rd());
}

std::string holder(pqxx::transaction_base& tx, const std::string& table, const std::string& key) {
  auto rows = tx.exec("SELECT owner, to_char(acquired AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), "
                      "greatest(0, extract(epoch FROM expires - now()))::int FROM " + table +
                      " WHERE lock_key = " + tx.quote(key));
  if (rows.empty()) return "nobody: it has just been released";
  return fmt::format("{} since {} UTC, lease ending in {} s", rows[0][0].c_str(), rows[0][1].c_str(),
                     rows[0][2].c_str());
}

}  // namespace

std::string lease_table_of(const std::string& version_table_name, const std::string& schema) {
  std::string name = ops::quote_ident(version_table_name + "_lock");
  return schema.empty() ? name : ops::quote_ident(schema) + "." + name;
}

LeaseLock::LeaseLock(const std::string& url, const std::string& table, const std::string& key, int lease_seconds,
                     int timeout_seconds)
    : connection_(connect(url)), table_(table), key_(key), lease_seconds_(std::max(lease_seconds, 3)) {
  using clock = std::chrono::steady_clock;
  auto started = clock::now();
  auto deadline = started + std::chrono::seconds(timeout_seconds);
  auto next_report = started;
  try {
    owner_ = make_owner(*connection_);
    {
      pqxx::nontransaction tx(*connection_);
      tx.exec("CREATE TABLE IF NOT EXISTS " + table_ +
              " (lock_key varchar(128) PRIMARY KEY, owner text NOT NULL, acquired timestamptz NOT NULL, "
              "expires timestamptz NOT NULL)");
    }
    const std::string lease = std::to_string(lease_seconds_) + " seconds";
    for (;;) {
      pqxx::nontransaction tx(*connection_);
      // Taken when free, or when its lease ran out (an owner that died without releasing).
      auto previous = tx.exec(
          "WITH old AS (SELECT owner, expires FROM " + table_ + " WHERE lock_key = " + tx.quote(key_) +
          ") INSERT INTO " + table_ + " AS l VALUES (" + tx.quote(key_) + ", " + tx.quote(owner_) +
          ", now(), now() + " + tx.quote(lease) + "::interval) ON CONFLICT (lock_key) DO UPDATE SET owner = "
          "EXCLUDED.owner, acquired = EXCLUDED.acquired, expires = EXCLUDED.expires WHERE l.expires < now() "
          "RETURNING (SELECT owner FROM old)");
      if (!previous.empty()) {
        if (!previous[0][0].is_null())
          spdlog::info("took over the run lock's lease in {} from {}, whose lease had run out", table_,
                       previous[0][0].c_str());
        break;
      }
      auto now = clock::now();
      if (now >= deadline)
        throw LockError(fmt::format("another migrate run holds the lease in {}{}: {}; nothing was changed", table_,
                                    timeout_seconds > 0 ? fmt::format(" after {} s of waiting", timeout_seconds) : "",
                                    holder(tx, table_, key_)));
      if (now >= next_report) {
        spdlog::info("waiting for the run lock's lease in {} (waited {} s of {}): held by {}", table_,
                     std::chrono::duration_cast<std::chrono::seconds>(now - started).count(), timeout_seconds,
                     holder(tx, table_, key_));
        next_report = now + report_every;
      }
      throw_if_interrupted("while waiting for the run lock; nothing was changed");
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError("connection lost while taking the run lock: " + server_message(e));
  } catch (const pqxx::sql_error& e) {
    throw DatabaseError("taking the run lock (lock_mode = table) failed: " + server_message(e));
  }
  renewer_ = std::thread([this] { renew_until_stopped(); });
}

void LeaseLock::renew_until_stopped() {
  const auto every = std::chrono::milliseconds(lease_seconds_ * 1000 / 3);
  const std::string lease = std::to_string(lease_seconds_) + " seconds";
  std::unique_lock guard(mutex_);
  while (!stop_signal_.wait_for(guard, every, [this] { return stop_; })) {
    std::string lost;
    try {
      pqxx::nontransaction tx(*connection_);
      auto renewed = tx.exec("UPDATE " + table_ + " SET expires = now() + " + tx.quote(lease) +
                             "::interval WHERE lock_key = " + tx.quote(key_) + " AND owner = " + tx.quote(owner_));
      if (renewed.affected_rows() == 1) continue;
      lost = "the row is gone or has another owner";
    } catch (const std::exception& e) {
      lost = server_message(e);
    }
    abort_run(fmt::format("the run lock's lease in {} was lost ({}): another run may hold it now", table_, lost));
    return;
  }
}

LeaseLock::~LeaseLock() {
  {
    std::lock_guard guard(mutex_);
    stop_ = true;
  }
  stop_signal_.notify_all();
  if (renewer_.joinable()) renewer_.join();
  try {
    pqxx::nontransaction tx(*connection_);
    tx.exec("DELETE FROM " + table_ + " WHERE lock_key = " + tx.quote(key_) + " AND owner = " + tx.quote(owner_));
  } catch (...) {
    // Unreleased, the lease runs out on its own.
  }
}

}  // namespace migrate::db
