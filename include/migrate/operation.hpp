// Operation values: what a revision body records, before any rendering.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace migrate {

namespace op {

// Raw SQL, optionally with $1..$n parameters bound as literals when rendered.
struct Execute {
  std::string sql;
  std::vector<std::optional<std::string>> params;
};

// Brackets operations that must run outside any transaction (CREATE INDEX CONCURRENTLY ...).
struct BeginAutocommit {};
struct EndAutocommit {};

}  // namespace op

using Operation = std::variant<op::Execute, op::BeginAutocommit, op::EndAutocommit>;

}  // namespace migrate
