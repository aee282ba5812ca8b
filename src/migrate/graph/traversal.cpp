// Ancestor and descendant closures with an explicit stack, so 100 000-revision chains cannot
// overflow the call stack (Alembic hits Python's recursion limit there).
#include "migrate/graph/traversal.hpp"

namespace migrate::graph {
namespace {

template <class Next>
std::vector<char> closure(std::size_t n, std::span<const RevisionMap::Index> seeds, Next next) {
  std::vector<char> marks(n, 0);
  std::vector<RevisionMap::Index> stack;
  for (auto s : seeds) {
    if (!marks[s]) {
      marks[s] = 1;
      stack.push_back(s);
    }
  }
  while (!stack.empty()) {
    auto i = stack.back();
    stack.pop_back();
    for (auto j : next(i)) {
      if (!marks[j]) {
        marks[j] = 1;
        stack.push_back(j);
      }
    }
  }
  return marks;
}

}  // namespace

std::vector<char> ancestor_marks(const RevisionMap& map, std::span<const RevisionMap::Index> seeds,
                                 Edges edges) {
  if (edges == Edges::Down) return closure(map.size(), seeds, [&](auto i) { return map.down(i); });
  return closure(map.size(), seeds, [&](auto i) { return map.parents(i); });
}

std::vector<char> descendant_marks(const RevisionMap& map, std::span<const RevisionMap::Index> seeds,
                                   Edges edges) {
  if (edges == Edges::Down) {
    return closure(map.size(), seeds, [&](auto i) { return map.down_children(i); });
  }
  return closure(map.size(), seeds, [&](auto i) { return map.children(i); });
}

}  // namespace migrate::graph
