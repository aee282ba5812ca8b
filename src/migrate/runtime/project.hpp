// A project's revisions as one run sees them: compiled C++ ones and plain SQL ones from
// the configured version_locations, validated together into one graph before anything runs.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <migrate/ops.hpp>
#include <migrate/revision.hpp>

#include "migrate/config/config.hpp"
#include "migrate/graph/plan.hpp"
#include "migrate/graph/revision_map.hpp"

namespace migrate::runtime {

struct LoadedRevision {
  graph::Revision meta;
  std::string kind;  // "cpp" or "sql"
  // Records the revision's upgrade or downgrade operations into `op`.
  std::function<void(Ops& op, graph::Direction direction)> body;
};

class Project {
 public:
  // Throws RevisionError when a file is broken, a .cpp in a version location is not
  // compiled in (a missed rebuild), or the graph is invalid.
  Project(const config::Config& cfg, const std::vector<CompiledRevision>& compiled);

  const graph::RevisionMap& map() const { return map_; }
  const LoadedRevision& revision(const std::string& id) const;
  const config::Config& config() const { return cfg_; }

 private:
  config::Config cfg_;
  std::map<std::string, LoadedRevision> revisions_;
  graph::RevisionMap map_;
};

}  // namespace migrate::runtime
