// One connection as a run uses it: opened the way db::connect opens them, the run lock,
// the online sink, and the version table's rows. No libpqxx type crosses this header.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migrate/db/introspect.hpp"
#include "migrate/ops/sink.hpp"
#include "migrate/ops/version_table.hpp"
#include "migrate/schema/catalog.hpp"

namespace pqxx {
class connection_base;
}

namespace migrate::db {

class AdvisoryLock;
class OnlineSink;

class Session {
 public:
  explicit Session(const std::string& url);  // DatabaseError "cannot connect: ..."
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Takes the run lock for `table` (released with the session); LockError after
  // `timeout_seconds` naming the holder.
  void lock(const ops::VersionTable& table, int timeout_seconds);

  ops::Sink& sink();

  // The table's rows, sorted, read in the sink's transaction (begun if none is open);
  // nullopt when the table does not exist.
  std::optional<std::vector<std::string>> versions(const ops::VersionTable& table);

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

  // "host:port/dbname", for messages (never the password).
  std::string describe() const;

  pqxx::connection_base& connection() { return *connection_; }

 private:
  std::shared_ptr<pqxx::connection_base> connection_;
  std::unique_ptr<AdvisoryLock> lock_;
  std::unique_ptr<OnlineSink> sink_;  // destroyed first: its transaction ends before the unlock
};

}  // namespace migrate::db
