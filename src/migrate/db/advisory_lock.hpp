// One run at a time per database and version table, as Flyway does (Alembic does not).
#pragma once
#include <string>


namespace pqxx {
class connection_base;
}

namespace migrate::db {

// A session-level advisory lock, held until release() or the connection closes. The key
// is derived from the version table's name, so two projects in one database do not block
// each other. Throws LockError naming the holder's pid after `timeout_seconds`.
class AdvisoryLock {
 public:
  // `version_table`: the schema-qualified name, as VersionTable::qualified() gives it.
  AdvisoryLock(pqxx::connection_base& c, const std::string& version_table, int timeout_seconds);
  ~AdvisoryLock();
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;

 private:
  pqxx::connection_base& connection_;
  std::string key_;
  bool held_ = false;
};

}  // namespace migrate::db
