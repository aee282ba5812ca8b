// newest_first(): a depth-first variant of Kahn's algorithm run from the heads downwards.
#include "migrate/graph/topo_order.hpp"

namespace migrate::graph {

using Index = RevisionMap::Index;

std::vector<Index> newest_first(const RevisionMap& map, const std::vector<char>& member) {
  const std::size_t n = map.size();
  // How many member revisions build on each member and are not listed yet.
  std::vector<std::uint32_t> waiting(n, 0);
  for (Index i = 0; i < n; ++i) {
    if (!member[i]) continue;
    for (auto p : map.parents(i)) {
      if (member[p]) ++waiting[p];
    }
  }
  std::vector<Index> stack;  // top of the stack is listed next
  for (Index i = static_cast<Index>(n); i-- > 0;) {
    if (member[i] && waiting[i] == 0) stack.push_back(i);
  }
  std::vector<Index> out;
  while (!stack.empty()) {
    Index i = stack.back();
    stack.pop_back();
    out.push_back(i);
    auto ps = map.parents(i);
    for (auto it = ps.rbegin(); it != ps.rend(); ++it) {  // first parent ends on top
      if (member[*it] && --waiting[*it] == 0) stack.push_back(*it);
    }
  }
  return out;
}

}  // namespace migrate::graph
