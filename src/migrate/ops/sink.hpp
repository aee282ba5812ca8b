// Where rendered SQL goes: a live connection (db::OnlineSink) or SQL text on a stream
// (runtime::OfflineSink). The runner drives both the same way, so --sql prints exactly
// what an online run executes. Here, below both, so neither part depends on the other.
#pragma once
#include <string>

namespace migrate::ops {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual bool in_transaction() const = 0;
  // Online failures are DatabaseError with a reason (include/migrate/error.hpp).
  virtual void execute(const std::string& sql) = 0;
  virtual void comment(const std::string& text) = 0;  // offline only: "-- Running upgrade ..."
};

}  // namespace migrate::ops
