// A project's revisions as one run sees them (Alembic's ScriptDirectory): compiled C++ ones
// and plain SQL ones from the configured version_locations (or embedded in the binary), validated together into one
// graph before anything runs.
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
#include "migrate/ops/history_table.hpp"
#include "migrate/ops/version_table.hpp"

namespace migrate::script {

// A revision's own lock_timeout and statement_timeout (empty: the run's).
struct RevisionTimeouts {
  std::string lock_timeout;
  std::string statement_timeout;
};

struct LoadedRevision {
  graph::Revision meta;
  // Records the revision's upgrade or downgrade operations into `op`.
  std::function<void(Ops& op, graph::Direction direction)> body;
  RevisionTimeouts timeouts;
  // script::source_checksum of the source as this run knows it: a SQL file as read, a C++
  // file as it was when the binary was built; empty for a C++ revision built without one.
  std::string checksum;
};

class Project {
 public:
  // Throws ConfigError when no version location exists and the binary holds no compiled
  // revision of them (nothing to know revisions from); RevisionError when a file is broken,
  // a .cpp in an existing version location is not compiled in, a compiled one's file is gone
  // or differs from the source it was built from (a missed rebuild), or the graph is invalid.
  // The SQL revisions a binary embeds (migrate::embedded_sql(), EMBED_SQL) follow the same
  // rule: read from the binary where their location is not on disk; where it is, a .sql not
  // embedded, an embedded one gone or one that differs is a missed rebuild.
  //
  // Use::Read (commands that only read: heads, history, show, ...) answers despite a .cpp
  // not compiled in: that revision is left out, its file listed in unbuilt() for a warning.
  enum class Use { Write, Read };
  Project(const config::Config& cfg, const std::vector<CompiledRevision>& compiled, bool may_be_new = false,
          Use use = Use::Write);

  const graph::RevisionMap& map() const { return map_; }
  const LoadedRevision& revision(const std::string& id) const;
  const config::Config& config() const { return cfg_; }
  const ops::VersionTable& version_table() const { return version_table_; }
  const ops::HistoryTable& history_table() const { return history_table_; }
  // Alembic's .py revisions in the version locations that no .sql ports (script/python_revisions).
  const std::vector<std::string>& unported_python() const { return unported_python_; }
  // Use::Read: the .cpp files (and, when it embeds SQL, the .sql files) of the version
  // locations this binary was built without.
  const std::vector<std::string>& unbuilt() const { return unbuilt_; }

 private:
  config::Config cfg_;
  ops::VersionTable version_table_;
  ops::HistoryTable history_table_;
  std::map<std::string, LoadedRevision> revisions_;
  std::vector<std::string> unbuilt_;
  graph::RevisionMap map_;
  std::vector<std::string> unported_python_;
};

}  // namespace migrate::script
