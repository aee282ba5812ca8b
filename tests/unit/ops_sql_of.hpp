// Test helper shared by the ops SQL tests: every statement recorded operations render to.
#pragma once
#include <string>
#include <vector>

#include <migrate/ops.hpp>

#include "migrate/ops/render_sql.hpp"

namespace ops_test {

inline std::vector<std::string> sql_of(const migrate::Ops& op) {
  std::vector<std::string> out;
  for (const auto& o : op.operations())
    for (auto& s : migrate::ops::render_sql(o)) out.push_back(std::move(s));
  return out;
}

}  // namespace ops_test
