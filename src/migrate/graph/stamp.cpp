// Which rows a stamp leaves, and the one step that gets there.
#include "migrate/graph/stamp.hpp"

#include <algorithm>
#include <set>

#include "migrate/graph/queries.hpp"
#include "migrate/graph/target_resolver.hpp"

namespace migrate::graph {

std::vector<Step> plan_stamp(const RevisionMap& map, const std::vector<std::string>& current,
                             const std::vector<std::string>& targets, bool purge) {
  std::set<std::string> destinations;
  for (const auto& t : targets)
    for (auto& id : resolve_target(map, t, purge ? std::vector<std::string>{} : current)) destinations.insert(id);
  const bool to_base = std::any_of(targets.begin(), targets.end(),
                                   [](const std::string& t) { return parse_target(t).kind == Target::Kind::Base; });

  std::set<std::string> after = destinations;
  if (!purge && !to_base) {
    for (const auto& head : current) {
      auto up = ancestors(map, head);
      auto down = descendants(map, head);
      bool same_line = std::any_of(destinations.begin(), destinations.end(), [&](const std::string& d) {
        return d == head || std::find(up.begin(), up.end(), d) != up.end() ||
               std::find(down.begin(), down.end(), d) != down.end();
      });
      if (!same_line) after.insert(head);
    }
  }
  Step step;
  step.direction = Direction::Up;
  step.stamp = true;
  for (const auto& v : current)
    if (!after.count(v)) step.remove_versions.push_back(v);
  std::set<std::string> before(current.begin(), current.end());
  for (const auto& v : after)
    if (!before.count(v)) step.add_versions.push_back(v);
  if (step.remove_versions.empty() && step.add_versions.empty()) return {};
  step.from = step.remove_versions;
  step.to = step.add_versions;
  step.revision = step.to.empty() ? "" : step.to.front();
  return {step};
}

}  // namespace migrate::graph
