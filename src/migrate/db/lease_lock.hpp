// The run lock for servers behind a transaction-pooling proxy (PgBouncer), where a session
// advisory lock means nothing: a lease row in a small table beside the version table
// ("<version_table>_lock"), owned by this run, its expiry renewed while it runs, taken
// over by another run only once it has expired (its owner died without releasing it).
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace pqxx {
class connection_base;
}

namespace migrate::db {

class LeaseLock {
 public:
  // Opens its own connection to `url` (each statement commits on its own, as a pool
  // needs), creates the table if missing, and waits up to `timeout_seconds` for the row
  // with `key`; LockError naming the owner after that. `lease_seconds`: how long a lease
  // lives without renewal; it is renewed every third of that. Should a renewal find the
  // lease gone, the run is aborted (db::abort_run).
  LeaseLock(const std::string& url, const std::string& table, const std::string& key, int lease_seconds,
            int timeout_seconds);
  ~LeaseLock();  // stops renewing, deletes the row
  LeaseLock(const LeaseLock&) = delete;
  LeaseLock& operator=(const LeaseLock&) = delete;

 private:
  void renew_until_stopped();

  std::shared_ptr<pqxx::connection_base> connection_;
  std::string table_, key_, owner_;
  int lease_seconds_;
  std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  std::thread renewer_;
};

// "<version table>_lock" in the version table's schema, quoted where needed.
std::string lease_table_of(const std::string& version_table_name, const std::string& schema);

}  // namespace migrate::db
