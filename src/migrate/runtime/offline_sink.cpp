// SQL text for --sql: what an online run would send, in the order it would send it.
#include "migrate/runtime/offline_sink.hpp"

namespace migrate::runtime {

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
