// history_graph() and current_if_reachable().
#include "cli/graph_text.hpp"

#include <migrate/error.hpp>

#include "migrate/graph/graph_drawing.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

std::vector<std::string> history_graph(const graph::RevisionMap& map, const std::vector<std::string>& ids,
                                       const RevisionText& text) {
  std::vector<graph::RevisionMap::Index> order;
  for (const auto& id : ids) order.push_back(map.index_of(id));
  return graph::draw_lanes(map, order, [&](graph::RevisionMap::Index i) {
    return text.history_line(map.at(i)) + graph::depends_note(map.at(i));
  });
}

std::vector<std::string> current_if_reachable(Context& ctx) {
  try {
    return runtime::read_current_heads(ctx.project_to_read());
  } catch (const ConfigError& e) {
    ctx.info(std::string("current revisions not marked: ") + e.what());
  } catch (const DatabaseError& e) {
    ctx.info(std::string("current revisions not marked: ") + e.what());
  }
  return {};
}

}  // namespace migrate::cli
