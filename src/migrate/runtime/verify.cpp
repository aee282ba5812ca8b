// Replaying the history table to find each applied revision's recorded checksum.
#include "migrate/runtime/verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "migrate/graph/traversal.hpp"

namespace migrate::runtime {

Verification verify(const script::Project& project, const std::vector<std::string>& heads,
                    const std::vector<ops::HistoryEntry>& history) {
  const auto& map = project.map();
  // revision -> recorded checksum (empty: recorded without one)
  std::map<std::string, std::string> recorded;
  for (const auto& row : history) {
    if (row.outcome == ops::outcome_name(ops::Outcome::Failed) ||
        row.outcome == ops::outcome_name(ops::Outcome::RolledBack))
      continue;
    if (row.direction == "up")
      recorded[row.revision] = row.checksum;
    else
      recorded.erase(row.revision);
  }

  Verification v;
  std::vector<graph::RevisionMap::Index> seeds;
  for (const auto& h : heads) {
    if (auto i = map.find(h))
      seeds.push_back(*i);
    else
      v.gone.push_back(h);
  }
  auto applied = graph::ancestor_marks(map, seeds, graph::Edges::All);
  for (graph::RevisionMap::Index i = 0; i < map.size(); ++i) {
    if (!applied[i]) continue;
    const auto& id = map.id(i);
    auto it = recorded.find(id);
    if (it == recorded.end()) {
      v.unrecorded.push_back(id);
      continue;
    }
    const auto& current = project.revision(id).checksum;
    if (!it->second.empty() && !current.empty() && it->second != current)
      v.changed.push_back({id, map.at(i).path, it->second, current});
  }
  for (const auto& [id, checksum] : recorded)
    if (!map.contains(id) && std::find(v.gone.begin(), v.gone.end(), id) == v.gone.end()) v.gone.push_back(id);
  return v;
}

std::string describe(const Verification& v) {
  std::vector<std::string> parts;
  for (const auto& c : v.changed) parts.push_back(fmt::format("{} ({}) changed since it was applied", c.revision, c.path));
  for (const auto& g : v.gone) parts.push_back(fmt::format("{} was applied but its source is gone", g));
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace migrate::runtime
