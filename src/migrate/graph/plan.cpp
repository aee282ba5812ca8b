// Upgrade and downgrade plans: which revisions run, in what order, and each step's effect on
// the version table, following Alembic's _collect_upgrade/_collect_downgrade_revisions.
#include "migrate/graph/plan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migrate/error.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/graph/topo_order.hpp"
#include "migrate/graph/traversal.hpp"
#include "migrate/graph/version_rows.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

std::vector<std::string> ids(const RevisionMap& map, std::span<const Index> revs) {
  std::vector<std::string> out;
  out.reserve(revs.size());
  for (auto i : revs) out.push_back(map.id(i));
  return out;
}

// Each step's row change is Alembic's (version_rows.hpp), applied in plan order from `current`.
std::vector<Step> upgrade_steps(const RevisionMap& map, std::span<const Index> current,
                                const std::vector<Index>& order) {
  VersionRows rows(map, current);
  std::vector<Step> steps;
  steps.reserve(order.size());
  for (auto r : order) {
    Step s{Direction::Up, map.id(r), ids(map, map.down(r)), {map.id(r)}, {}, {}};
    rows.upgrade(r, s);
    steps.push_back(std::move(s));
  }
  return steps;
}

std::vector<Step> downgrade_steps(const RevisionMap& map, std::span<const Index> current,
                                  const std::vector<Index>& order) {
  VersionRows rows(map, current);
  std::vector<Step> steps;
  steps.reserve(order.size());
  for (auto r : order) {
    Step s{Direction::Down, map.id(r), {map.id(r)}, ids(map, map.down(r)), {}, {}};
    rows.downgrade(r, s);
    steps.push_back(std::move(s));
  }
  return steps;
}

bool has_applied_down_child(const RevisionMap& map, Index i, const std::vector<char>& applied) {
  auto c = map.down_children(i);
  return std::any_of(c.begin(), c.end(), [&](Index j) { return applied[j] != 0; });
}

}  // namespace

std::vector<Step> plan_upgrade(const RevisionMap& map, const std::vector<std::string>& current,
                               const Target& target) {
  auto cur = current_indices(map, current);
  check_no_overlap(map, cur);  // Alembic's _collect_upgrade_revisions checks the rows too
  auto targets = upgrade_destinations(map, cur, target);
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  check_no_overlap(map, targets);

  // A target already applied adds nothing (Alembic: nothing to do, so `upgrade REV` can be
  // rerun by a deploy script); one on a branch the database is not on upgrades that branch.
  auto applied = ancestor_marks(map, cur, Edges::All);
  auto needs = ancestor_marks(map, targets, Edges::All);
  for (std::size_t i = 0; i < needs.size(); ++i) needs[i] &= static_cast<char>(!applied[i]);
  auto order = newest_first(map, needs);
  std::reverse(order.begin(), order.end());
  return upgrade_steps(map, cur, order);
}

std::vector<Step> plan_downgrade(const RevisionMap& map, const std::vector<std::string>& current,
                                 const Target& target) {
  auto cur = current_indices(map, current);
  auto dest = downgrade_destination(map, cur, target);

  // Roots: the lowest revisions to remove. Everything applied above them goes too,
  // including revisions of other branches that depend on them.
  std::vector<Index> roots;
  if (dest.revision) {
    auto c = map.down_children(*dest.revision);
    roots.assign(c.begin(), c.end());
  } else {
    for (Index i = 0; i < map.size(); ++i) {
      if (map.is_base(i)) roots.push_back(i);
    }
  }
  if (dest.branch && roots.size() > 1) {
    const Index seed[] = {*dest.branch};
    auto on_branch = ancestor_marks(map, seed, Edges::Down);
    std::erase_if(roots, [&](Index i) { return !on_branch[i]; });
    if (roots.empty()) throw RevisionError("Not a valid downgrade target from current heads");
  }

  auto applied = ancestor_marks(map, cur, Edges::All);
  auto removed = descendant_marks(map, roots, Edges::All);
  bool any = false;
  for (std::size_t i = 0; i < removed.size(); ++i) {
    removed[i] &= applied[i];
    any = any || removed[i];
  }
  if (dest.revision && !any &&
      std::find(cur.begin(), cur.end(), *dest.revision) == cur.end()) {
    throw RevisionError("Destination " + target.text +
                        " is not a valid downgrade target from current head(s)");
  }
  auto order = newest_first(map, removed);
  return downgrade_steps(map, cur, order);
}

std::vector<Step> plan_to(const RevisionMap& map, const std::vector<std::string>& current,
                          const Target& target) {
  if (target.is_relative()) {
    return target.steps > 0 ? plan_upgrade(map, current, target) : plan_downgrade(map, current, target);
  }
  if (target.kind == Target::Kind::Base) return plan_downgrade(map, current, target);
  auto cur = current_indices(map, current);
  auto targets = upgrade_destinations(map, cur, target);
  auto applied = ancestor_marks(map, cur, Edges::All);
  bool all_applied = std::all_of(targets.begin(), targets.end(), [&](Index t) { return applied[t] != 0; });
  bool below = std::any_of(targets.begin(), targets.end(),
                           [&](Index t) { return has_applied_down_child(map, t, applied); });
  if (all_applied && below) return plan_downgrade(map, current, target);
  return plan_upgrade(map, current, target);
}

std::vector<Step> plan_upgrade(const RevisionMap& map, const std::vector<std::string>& current,
                               std::string_view target) {
  return plan_upgrade(map, current, parse_target(target));
}

std::vector<Step> plan_downgrade(const RevisionMap& map, const std::vector<std::string>& current,
                                 std::string_view target) {
  return plan_downgrade(map, current, parse_target(target));
}

std::vector<Step> plan_to(const RevisionMap& map, const std::vector<std::string>& current,
                          std::string_view target) {
  return plan_to(map, current, parse_target(target));
}

std::string step_arrow(const Step& step, std::string_view base_text) {
  auto side = [&](const std::vector<std::string>& revs) {
    return revs.empty() ? std::string(base_text) : fmt::format("{}", fmt::join(revs, ", "));
  };
  return side(step.from) + " -> " + side(step.to);
}

std::vector<std::string> apply_steps(std::vector<std::string> current, const std::vector<Step>& steps) {
  return apply_steps(std::move(current), std::span<const Step>(steps));
}

std::vector<std::string> apply_steps(std::vector<std::string> current, std::span<const Step> steps) {
  for (const auto& s : steps) {
    for (const auto& r : s.remove_versions) {
      auto it = std::find(current.begin(), current.end(), r);
      if (it == current.end()) {
        throw RevisionError("Step " + s.revision + " removes version " + r + " that is not current");
      }
      current.erase(it);
    }
    for (const auto& a : s.add_versions) {
      if (std::find(current.begin(), current.end(), a) != current.end()) {
        throw RevisionError("Step " + s.revision + " adds version " + a + " that is already current");
      }
      current.push_back(a);
    }
  }
  std::sort(current.begin(), current.end());
  return current;
}

}  // namespace migrate::graph
