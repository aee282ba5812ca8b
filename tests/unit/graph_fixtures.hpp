// Helpers for the graph tests: compact revision lists and step summaries.
#pragma once
#include <string>
#include <vector>

#include "migrate/graph/plan.hpp"
#include "migrate/graph/revision_map.hpp"

namespace graph_test {

using migrate::graph::Revision;
using Ids = std::vector<std::string>;

inline Revision rev(std::string id, Ids down = {}, Ids labels = {}, Ids depends_on = {}) {
  Revision r;
  r.id = std::move(id);
  r.down_revisions = std::move(down);
  r.branch_labels = std::move(labels);
  r.depends_on = std::move(depends_on);
  r.message = "rev " + r.id;
  return r;
}

// The revisions each step runs, in order.
inline Ids revisions_of(const std::vector<migrate::graph::Step>& steps) {
  Ids out;
  for (const auto& s : steps) out.push_back(s.revision);
  return out;
}

// A step's version-table effect as "-a -b +c", for compact expectations.
inline std::string effect(const migrate::graph::Step& s) {
  std::string out;
  for (const auto& r : s.remove_versions) out += (out.empty() ? "-" : " -") + r;
  for (const auto& a : s.add_versions) out += (out.empty() ? "+" : " +") + a;
  return out;
}

inline Ids effects_of(const std::vector<migrate::graph::Step>& steps) {
  Ids out;
  for (const auto& s : steps) out.push_back(effect(s));
  return out;
}

// Alembic's BranchedPathTest graph: a -> b -> {c1 (label c1branch) -> d1, c2 (label c2branch) -> d2}.
inline migrate::graph::RevisionMap branched_path() {
  return migrate::graph::RevisionMap({rev("a"), rev("b", {"a"}), rev("c1", {"b"}, {"c1branch"}), rev("d1", {"c1"}),
                                      rev("c2", {"b"}, {"c2branch"}), rev("d2", {"c2"})});
}

}  // namespace graph_test
