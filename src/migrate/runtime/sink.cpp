// The two sinks. Online statements outside a transaction run in autocommit mode.
#include "migrate/runtime/sink.hpp"

namespace migrate::runtime {

void OnlineSink::begin() { tx_ = std::make_unique<pqxx::work>(connection_); }

void OnlineSink::commit() {
  if (!tx_) return;
  tx_->commit();
  tx_.reset();
}

void OnlineSink::execute(const std::string& sql) {
  if (tx_) {
    tx_->exec(sql);
  } else {
    pqxx::nontransaction autocommit(connection_);
    autocommit.exec(sql);
  }
}

pqxx::transaction_base& OnlineSink::transaction() {
  if (!tx_) begin();
  return *tx_;
}

void OfflineSink::begin() {
  out_ << "BEGIN;\n\n";
  open_ = true;
}

void OfflineSink::commit() {
  if (!open_) return;
  out_ << "COMMIT;\n\n";
  open_ = false;
}

void OfflineSink::execute(const std::string& sql) { out_ << sql << ";\n\n"; }

void OfflineSink::comment(const std::string& text) { out_ << "-- " << text << "\n\n"; }

}  // namespace migrate::runtime
