// The offline sink: each statement as SQL text followed by ';', with BEGIN/COMMIT where an
// online run would have them.
#pragma once
#include <ostream>
#include <string>

#include "migrate/ops/sink.hpp"

namespace migrate::runtime {

class OfflineSink final : public ops::Sink {
 public:
  explicit OfflineSink(std::ostream& out) : out_(out) {}
  void begin() override;
  void commit() override;
  bool in_transaction() const override { return open_; }
  void execute(const std::string& sql) override;
  void comment(const std::string& text) override;

 private:
  std::ostream& out_;
  bool open_ = false;
};

}  // namespace migrate::runtime
