// A run's connection: lock, sink, version rows.
#include "migrate/db/session.hpp"

#include <algorithm>

#include <pqxx/pqxx>

#include "migrate/db/advisory_lock.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/db/introspect.hpp"
#include "migrate/db/lease_lock.hpp"
#include "migrate/db/online_sink.hpp"
#include "migrate/db/pqxx_errors.hpp"

namespace migrate::db {

Session::Session(const std::string& url)
    : connection_(connect(url)), url_(url), sink_(std::make_unique<OnlineSink>(*connection_)) {}

Session::~Session() = default;

void Session::lock(const ops::VersionTable& table, int timeout_seconds, int lease_seconds) {
  if (lease_seconds > 0)
    lease_ = std::make_unique<LeaseLock>(url_, lease_table_of(table.name, table.schema), "migrate:" + table.qualified(),
                                         lease_seconds, timeout_seconds);
  else
    lock_ = std::make_unique<AdvisoryLock>(*connection_, table.qualified(), timeout_seconds);
}

ops::Sink& Session::sink() { return *sink_; }

std::optional<std::vector<std::string>> Session::versions(const ops::VersionTable& table) {
  return translate_errors("reading the version table", [&]() -> std::optional<std::vector<std::string>> {
    auto& tx = sink_->transaction();
    if (!tx.exec(table.exists_sql())[0][0].as<bool>()) return std::nullopt;
    std::vector<std::string> heads;
    for (const auto& row : tx.exec(table.select_sql())) heads.push_back(row[0].c_str());
    std::sort(heads.begin(), heads.end());
    return heads;
  });
}

schema::Catalog Session::introspect(const IntrospectOptions& options) {
  return db::introspect(sink_->transaction(), options);
}

std::optional<Session::BatchFailure> Session::execute_batch(const std::vector<std::string>& statements) {
  if (statements.empty()) return std::nullopt;
  auto& tx = sink_->transaction();
  std::string batch;
  for (const auto& sql : statements) batch += sql + ";\n";
  // A libpqxx subtransaction is a savepoint: a failure rolls back to it and leaves `tx` usable.
  try {
    translate_errors("", [&] {
      pqxx::subtransaction all(tx, "migrate_batch");
      all.exec(batch);
      all.commit();
    });
    return std::nullopt;
  } catch (const DatabaseError& e) {
    if (!e.refused_statement()) throw;
  }
  std::size_t index = 0;
  try {
    translate_errors("", [&] {
      pqxx::subtransaction one_by_one(tx, "migrate_batch");
      for (; index < statements.size(); ++index) one_by_one.exec(statements[index]);
      one_by_one.abort();  // only looking for the failing one
    });
  } catch (const DatabaseError& e) {
    if (!e.refused_statement()) throw;
    return BatchFailure{index, e.what()};
  }
  return BatchFailure{statements.size(), "the statements failed together but not one by one"};
}

void Session::rollback() { sink_->rollback(); }

std::string Session::describe() const { return db::describe(*connection_); }

}  // namespace migrate::db
