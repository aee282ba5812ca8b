// The text both sides of the round trip compare: every statement, as the offline runner prints it.
#pragma once
#include <string>
#include <vector>

#include "migrate/ops/render_sql.hpp"

namespace roundtrip {

inline std::string sql_text(const std::vector<migrate::Operation>& operations) {
  std::string out;
  for (const auto& o : operations)
    for (const auto& s : migrate::ops::render_sql(o)) out += s + ";\n";
  return out;
}

}  // namespace roundtrip
