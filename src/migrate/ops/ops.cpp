// The recording side of `op`: each public call appends one Operation value.
#include <migrate/ops.hpp>

namespace migrate {

void Ops::execute(std::string sql, std::vector<std::optional<std::string>> params) {
  record(op::Execute{std::move(sql), std::move(params)});
}

void Ops::autocommit_block(const std::function<void()>& body) {
  record(op::BeginAutocommit{});
  body();
  record(op::EndAutocommit{});
}

}  // namespace migrate
