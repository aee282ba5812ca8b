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

std::optional<std::vector<ops::HistoryEntry>> Session::history(const ops::HistoryTable& table, bool newest_first,
                                                               std::optional<long long> limit) {
  return translate_errors("reading the history table", [&]() -> std::optional<std::vector<ops::HistoryEntry>> {
    auto& tx = sink_->transaction();
    if (!tx.exec(table.exists_sql())[0][0].as<bool>()) return std::nullopt;
    std::vector<ops::HistoryEntry> rows;
    auto text = [](const pqxx::field& f) { return f.is_null() ? std::string() : std::string(f.c_str()); };
    for (const auto& r : tx.exec(table.select_sql(newest_first, limit))) {
      ops::HistoryEntry e;
      e.id = r[0].as<long long>();
      e.revision = text(r[1]);
      e.direction = text(r[2]);
      e.checksum = text(r[3]);
      e.outcome = text(r[4]);
      e.started = text(r[5]);
      e.finished = text(r[6]);
      if (!r[7].is_null()) e.duration_ms = r[7].as<long long>();
      e.tool_version = text(r[8]);
      e.db_user = text(r[9]);
      e.client_host = text(r[10]);
      rows.push_back(std::move(e));
    }
    return rows;
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
