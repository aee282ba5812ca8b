// history(): Alembic's walk_revisions(lower, upper) listed in the canonical newest-first order.
#include "migrate/graph/history.hpp"

#include <algorithm>

#include "migrate/error.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/graph/topo_order.hpp"
#include "migrate/graph/traversal.hpp"
#include "migrate/graph/version_rows.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

std::vector<std::string> between(const RevisionMap& map, std::vector<Index> lower,
                                 std::vector<Index> upper, const std::string& lower_arg,
                                 const std::string& upper_arg) {
  for (auto* revs : {&lower, &upper}) {
    std::sort(revs->begin(), revs->end());
    revs->erase(std::unique(revs->begin(), revs->end()), revs->end());
    check_no_overlap(map, *revs);
  }
  auto wanted = ancestor_marks(map, upper, Edges::All);
  for (auto l : lower) {
    if (!wanted[l]) {
      throw RevisionError("Requested range " + lower_arg + ":" + upper_arg +
                          " does not refer to ancestor/descendant revisions along the same branch");
    }
  }
  if (!lower.empty()) {
    // Keep what lies on or above `lower` along its lines, minus what is already under it.
    auto under = ancestor_marks(map, lower, Edges::All);
    auto above = descendant_marks(map, lower, Edges::Down);
    for (auto l : lower) under[l] = 0;
    for (Index i = 0; i < map.size(); ++i) {
      if (under[i] || !above[i]) wanted[i] = 0;
    }
  }
  // Alembic lists the range by walking down from its upper end inside it; a revision it
  // cannot reach so (the lower end sits on another line, reached only through a dependency)
  // fails its sort, so the range is not one line of descent.
  std::vector<char> reached(map.size(), 0);
  std::vector<Index> stack;
  for (auto u : upper) {
    if (wanted[u] && !reached[u]) {
      reached[u] = 1;
      stack.push_back(u);
    }
  }
  while (!stack.empty()) {
    auto i = stack.back();
    stack.pop_back();
    for (auto p : normalized_down(map, i)) {
      if (wanted[p] && !reached[p]) {
        reached[p] = 1;
        stack.push_back(p);
      }
    }
  }
  if (wanted != reached) {
    throw RevisionError("Requested range " + lower_arg + ":" + upper_arg +
                        " does not refer to ancestor/descendant revisions along the same branch");
  }
  std::vector<std::string> out;
  for (auto i : newest_first(map, wanted)) out.push_back(map.id(i));
  return out;
}

std::string join(const std::vector<std::string>& ids, const char* empty) {
  if (ids.empty()) return empty;
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

}  // namespace

std::vector<std::string> history(const RevisionMap& map, std::string_view lower_text,
                                 std::string_view upper_text, const std::vector<std::string>& current) {
  const std::string lower_arg = lower_text.empty() ? "base" : std::string(lower_text);
  const std::string upper_arg = upper_text.empty() ? "heads" : std::string(upper_text);
  auto cur = current_indices(map, current);
  auto upper = upgrade_destinations(map, cur, parse_target(upper_arg));

  Target lower_target = parse_target(lower_arg);
  std::vector<Index> lower;
  if (lower_target.is_relative()) {
    // "-N:" counts down from the upper end, as Alembic reads a relative lower bound.
    std::span<const Index> from = lower_target.has_anchor() ? std::span<const Index>(cur)
                                                            : std::span<const Index>(upper);
    if (auto r = downgrade_destination(map, from, lower_target).revision) lower.push_back(*r);
  } else {
    lower = upgrade_destinations(map, {}, lower_target);
    if (!lower_target.branch.empty()) {
      // "LABEL@base:heads" and "LABEL@rev:heads" walk only the heads on that label's line.
      auto lineage = lineage_marks(map, resolve_branch(map, lower_target.branch));
      std::erase_if(upper, [&](Index i) { return !lineage[i]; });
    }
  }
  return between(map, std::move(lower), std::move(upper), lower_arg, upper_arg);
}

std::vector<std::string> history_between(const RevisionMap& map, const std::vector<std::string>& lower,
                                         const std::vector<std::string>& upper) {
  std::vector<Index> lo, up;
  for (const auto& id : lower) lo.push_back(map.index_of(id));
  if (upper.empty()) {
    for (Index i = 0; i < map.size(); ++i) {
      if (map.is_head(i)) up.push_back(i);
    }
  } else {
    for (const auto& id : upper) up.push_back(map.index_of(id));
  }
  return between(map, std::move(lo), std::move(up), join(lower, "base"), join(upper, "heads"));
}

RevisionMarks marks(const RevisionMap& map, std::string_view id) {
  Index i = map.index_of(id);
  return {map.is_head(i), map.is_down_head(i) && !map.is_head(i), map.is_branch_point(i),
          map.is_merge_point(i)};
}

std::string marks_text(const RevisionMarks& m, bool current) {
  std::string out;
  if (m.head) out += " (head)";
  if (m.effective_head) out += " (effective head)";
  if (current) out += " (current)";
  if (m.branch_point) out += " (branchpoint)";
  if (m.merge_point) out += " (mergepoint)";
  return out;
}

}  // namespace migrate::graph
