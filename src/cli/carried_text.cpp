// What the binary carries, printed for people and for pipelines.
#include "cli/carried_text.hpp"

#include <fmt/format.h>

#include <migrate/version.hpp>

namespace migrate::cli {

std::string carried_text(const script::Carried& carried) {
  std::string out = fmt::format("migrate {}\nrevisions: {} compiled, {} embedded\n", tool_version(), carried.compiled,
                                carried.embedded);
  if (!carried.graph_error.empty()) out += fmt::format("heads: none of their own ({})\n", carried.graph_error);
  else if (carried.heads.empty()) out += "heads: none\n";
  for (const auto& head : carried.heads) out += fmt::format("head: {} {}\n", head.id, head.message);
  return out + fmt::format("build: {}\n", carried.build_id);
}

nlohmann::json carried_json(const script::Carried& carried) {
  nlohmann::json heads = nlohmann::json::array();
  for (const auto& head : carried.heads) heads.push_back({{"id", head.id}, {"message", head.message}});
  nlohmann::json doc{{"command", "version"},
                     {"version", tool_version()},
                     {"compiled", carried.compiled},
                     {"embedded", carried.embedded},
                     {"heads", heads},
                     {"build", carried.build_id}};
  if (!carried.graph_error.empty()) doc["heads_error"] = carried.graph_error;
  return doc;
}

}  // namespace migrate::cli
