// Sending statements; every libpqxx failure leaves here as a DatabaseError with its reason.
#include "migrate/db/online_sink.hpp"

#include <pqxx/pqxx>

#include "migrate/db/pqxx_errors.hpp"

namespace migrate::db {

struct OnlineSink::Open {
  explicit Open(pqxx::connection_base& c) : tx(c) {}
  pqxx::work tx;
};

OnlineSink::OnlineSink(pqxx::connection_base& c) : connection_(c) {}
OnlineSink::~OnlineSink() = default;

bool OnlineSink::in_transaction() const { return open_ != nullptr; }

void OnlineSink::begin() {
  translate_errors("", [&] { open_ = std::make_unique<Open>(connection_); });
}

void OnlineSink::commit() {
  if (!open_) return;
  auto open = std::move(open_);  // whatever happens, the transaction is over
  translate_errors("", [&] { open->tx.commit(); });
}

void OnlineSink::rollback() {
  if (!open_) return;
  auto open = std::move(open_);
  translate_errors("ROLLBACK", [&] { open->tx.abort(); });
}

void OnlineSink::execute(const std::string& sql) {
  translate_errors("", [&] {
    if (open_) {
      open_->tx.exec(sql);
    } else {
      pqxx::nontransaction autocommit(connection_);
      autocommit.exec(sql);
    }
  });
}

pqxx::dbtransaction& OnlineSink::transaction() {
  if (!open_) begin();
  return open_->tx;
}

}  // namespace migrate::db
