// Where rendered SQL goes: a live connection (online) or SQL text on a stream (offline).
// The runner drives both the same way, so --sql prints exactly what an online run executes.
#pragma once
#include <memory>
#include <ostream>
#include <string>

#include <pqxx/pqxx>

namespace migrate::runtime {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual bool in_transaction() const = 0;
  virtual void execute(const std::string& sql) = 0;
  virtual void comment(const std::string& text) = 0;  // offline only: "-- Running upgrade ..."
};

class OnlineSink final : public Sink {
 public:
  explicit OnlineSink(pqxx::connection& c) : connection_(c) {}
  void begin() override;
  void commit() override;
  bool in_transaction() const override { return tx_ != nullptr; }
  void execute(const std::string& sql) override;
  void comment(const std::string&) override {}
  pqxx::transaction_base& transaction();  // the open transaction, for version-table reads

 private:
  pqxx::connection& connection_;
  std::unique_ptr<pqxx::work> tx_;
};

class OfflineSink final : public Sink {
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
