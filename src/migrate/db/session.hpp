// One connection as a run uses it: opened the way db::connect opens them, the run lock,
// the online sink, and the version table's rows. No libpqxx type crosses this header.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migrate/db/introspect.hpp"
#include "migrate/ops/history_table.hpp"
#include "migrate/ops/sink.hpp"
#include "migrate/ops/version_table.hpp"
#include "migrate/schema/catalog.hpp"

namespace pqxx {
class connection_base;
}

namespace migrate::db {

class AdvisoryLock;
class LeaseLock;
class OnlineSink;

class Session {
 public:
  explicit Session(const std::string& url);  // DatabaseError "cannot connect: ..."
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Takes the run lock for `table` (released with the session); LockError after
  // `timeout_seconds` naming the holder. `lease_seconds` > 0: lock_mode = table, a lease
  // row in "<table>_lock" instead of the session advisory lock (for PgBouncer).
  void lock(const ops::VersionTable& table, int timeout_seconds, int lease_seconds = 0);

  ops::Sink& sink();

  // The table's rows, sorted, read in the sink's transaction (begun if none is open);
  // nullopt when the table does not exist.
  std::optional<std::vector<std::string>> versions(const ops::VersionTable& table);

  // The history table's rows (see HistoryTable::select_sql), read like versions();
  // nullopt when the table does not exist.
  std::optional<std::vector<ops::HistoryEntry>> history(const ops::HistoryTable& table, bool newest_first = false,
                                                        std::optional<long long> limit = {});

  // `options.schemas` read into a Catalog in the sink's transaction (begun if none is open),
  // without `options.exclude_tables` (the version table).
  schema::Catalog introspect(const IntrospectOptions& options);

  // A statement of a batch that failed: its index and the server's message.
  struct BatchFailure {
    std::size_t index;
    std::string message;
  };

  // `statements` in one round trip, inside a savepoint of the sink's transaction (begun if
  // none is open). When one fails, the savepoint is rolled back, so the transaction lives on
  // without any of them, and they are sent again one by one, likewise, to name it.
  std::optional<BatchFailure> execute_batch(const std::vector<std::string>& statements);

  // Undoes the sink's open transaction, if any.
  void rollback();

  // Lock-safe DDL (lock_safety.cpp). PostgreSQL's lock_timeout and statement_timeout for
  // the rest of the session, outside any transaction so a rollback keeps them.
  void set_timeouts(const std::string& lock_timeout, const std::string& statement_timeout);
  // Who holds locks on `relations` (as a statement names them), from pg_locks and
  // pg_stat_activity: "server pid 4242 (psql, idle in transaction since 17:01:02 UTC:
  // LOCK TABLE t1)"; "" when nobody does. Outside a transaction, after rollback().
  std::string lock_holders(const std::vector<std::string>& relations);
  // Drops `index` on `table` with DROP INDEX CONCURRENTLY when it exists and is INVALID (what
  // a failed CREATE INDEX CONCURRENTLY leaves); returns its qualified name, or "" when there
  // was nothing to drop. Outside a transaction, after rollback().
  std::string drop_invalid_index(const std::string& index, const std::string& table);

  // "host:port/dbname", for messages (never the password).
  std::string describe() const;

  pqxx::connection_base& connection() { return *connection_; }

 private:
  std::shared_ptr<pqxx::connection_base> connection_;
  std::string url_;
  std::unique_ptr<AdvisoryLock> lock_;
  std::unique_ptr<LeaseLock> lease_;
  std::unique_ptr<OnlineSink> sink_;  // destroyed first: its transaction ends before the unlock
};

}  // namespace migrate::db
