// `--from-revisions`: a database of its own on the same server, brought to the heads by the
// project's revisions, so the comparison does not depend on what a developer's database holds.
#pragma once
#include <memory>
#include <string>

#include <migrate/environment.hpp>

#include "migrate/script/project.hpp"

namespace migrate::db {
class Session;
}

namespace migrate::autogen {

class ScratchDatabase {
 public:
  // Connects with `env` (the developer's database), creates `migrate_scratch_<pid>_<random>`
  // from `from_revisions_template` (template0 by default: nothing of the server's template1),
  // runs `from_revisions_bootstrap` in it (what the revisions assume exists: extensions,
  // schemas, functions), then upgrades it to the heads with the project's revisions and
  // environment hook. CREATE DATABASE needs the CREATEDB right. On any failure the database
  // is dropped before the error leaves.
  ScratchDatabase(const script::Project& project, const EnvironmentContext& env);
  ~ScratchDatabase();  // DROP DATABASE ... WITH (FORCE); a failure is only logged
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // `env` with its url pointing at the scratch database.
  const EnvironmentContext& environment() const { return env_; }
  const std::string& name() const { return name_; }

 private:
  void bootstrap(const std::string& file) const;
  void drop() noexcept;

  std::unique_ptr<db::Session> admin_;  // on the developer's database: creates and drops
  std::string name_;
  EnvironmentContext env_;
};

}  // namespace migrate::autogen
