// Graph queries built on the traversal closures; every list is sorted by id.
#include "migrate/graph/queries.hpp"

#include <algorithm>

#include "migrate/error.hpp"
#include "migrate/graph/target_resolver.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

std::vector<std::string> marked_except(const RevisionMap& map, const std::vector<char>& marks, Index self) {
  std::vector<std::string> out;
  for (Index i = 0; i < map.size(); ++i) {
    if (marks[i] && i != self) out.push_back(map.id(i));
  }
  return out;
}

}  // namespace

std::vector<std::string> branch_points(const RevisionMap& map) {
  std::vector<std::string> out;
  for (Index i = 0; i < map.size(); ++i) {
    if (map.is_branch_point(i)) out.push_back(map.id(i));
  }
  return out;
}

std::vector<std::string> merge_points(const RevisionMap& map) {
  std::vector<std::string> out;
  for (Index i = 0; i < map.size(); ++i) {
    if (map.is_merge_point(i)) out.push_back(map.id(i));
  }
  return out;
}

std::vector<std::string> ancestors(const RevisionMap& map, std::string_view id, Edges edges) {
  const Index seed[] = {map.index_of(id)};
  return marked_except(map, ancestor_marks(map, seed, edges), seed[0]);
}

std::vector<std::string> descendants(const RevisionMap& map, std::string_view id, Edges edges) {
  const Index seed[] = {map.index_of(id)};
  return marked_except(map, descendant_marks(map, seed, edges), seed[0]);
}

std::string effective_head(const RevisionMap& map, std::string_view label) {
  auto heads = resolve_target(map, std::string(label) + "@head");
  if (heads.empty()) throw RevisionError("Branch '" + std::string(label) + "' has no head");
  return heads.front();
}

std::vector<std::vector<std::string>> effective_branch_labels(const RevisionMap& map) {
  std::vector<std::vector<std::string>> out(map.size());
  for (Index owner = 0; owner < map.size(); ++owner) {
    const auto& labels = map.at(owner).branch_labels;
    if (labels.empty()) continue;
    const Index seed[] = {owner};
    auto marks = descendant_marks(map, seed, Edges::Down);
    // Alembic's _add_branches then walks down from the last revision above the labelled one
    // and labels down to the first branch point (over all edges) or merge point. So the
    // label reaches below its revision only when the line above it is one plain chain
    // (otherwise the walk stops at or above it), and then down to where its line splits
    // off from another or joins two.
    auto plain = [&](Index i) { return map.children(i).size() <= 1 && map.down(i).size() <= 1; };
    bool reaches = true;
    for (Index at = owner;;) {
      if (!plain(at)) {
        reaches = false;
        break;
      }
      if (map.down_children(at).empty()) break;
      at = map.down_children(at)[0];
    }
    for (Index at = owner; reaches && !map.down(at).empty();) {
      Index p = map.down(at)[0];
      if (!plain(p)) break;
      marks[p] = 1;
      at = p;
    }
    for (Index i = 0; i < map.size(); ++i) {
      if (marks[i]) out[i].insert(out[i].end(), labels.begin(), labels.end());
    }
  }
  for (auto& labels : out) {
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  }
  return out;
}

}  // namespace migrate::graph
