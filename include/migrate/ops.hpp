// `op`, the object a revision body calls: each call records one Operation value.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <migrate/operation.hpp>

namespace migrate {

class Ops {
 public:
  Ops() = default;
  explicit Ops(std::map<std::string, std::string> x_arguments) : x_(std::move(x_arguments)) {}

  void execute(std::string sql, std::vector<std::optional<std::string>> params = {});

  // Operations recorded inside `body` run outside the migration's transaction.
  void autocommit_block(const std::function<void()>& body);

  // `-x key=value` arguments from the command line, as Alembic's get_x_argument().
  const std::map<std::string, std::string>& x_arguments() const { return x_; }

  const std::vector<Operation>& operations() const { return ops_; }
  void record(Operation operation) { ops_.push_back(std::move(operation)); }

 private:
  std::vector<Operation> ops_;
  std::map<std::string, std::string> x_;
};

}  // namespace migrate
