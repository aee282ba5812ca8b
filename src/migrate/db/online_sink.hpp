// The online sink: statements sent over a libpqxx connection, in a transaction or (between
// begin() and commit() none is open) in autocommit mode.
#pragma once
#include <memory>
#include <string>

#include "migrate/ops/sink.hpp"

namespace pqxx {
class connection_base;
class dbtransaction;
}  // namespace pqxx

namespace migrate::db {

class OnlineSink final : public ops::Sink {
 public:
  explicit OnlineSink(pqxx::connection_base& c);
  ~OnlineSink() override;  // an open transaction is rolled back
  void begin() override;
  void commit() override;  // DatabaseError: Statement (e.g. a deferred constraint) or InDoubt
  bool in_transaction() const override;
  void rollback();  // ends the open transaction, if any, undoing it
  void execute(const std::string& sql) override;  // DatabaseError with the reason and the SQL
  void comment(const std::string&) override {}
  // The open transaction (one is begun if none is), for queries of db/ itself.
  pqxx::dbtransaction& transaction();

 private:
  struct Open;
  pqxx::connection_base& connection_;
  std::unique_ptr<Open> open_;
};

}  // namespace migrate::db
