// The registries that MIGRATE_REVISION and the files migrate_add_revisions generates fill at
// static initialisation: revisions, checksums, embedded SQL, the project.
#include <migrate/compiled_checksums.hpp>
#include <migrate/compiled_project.hpp>
#include <migrate/embedded_sql.hpp>
#include <migrate/revision.hpp>

namespace migrate {

std::vector<CompiledRevision>& compiled_revisions() {
  // A function-local static: safe whatever order the revision files initialise in.
  static std::vector<CompiledRevision> revisions;
  return revisions;
}

std::map<std::string, std::string>& compiled_checksums() {
  static std::map<std::string, std::string> checksums;
  return checksums;
}

std::vector<EmbeddedSql>& embedded_sql() {
  static std::vector<EmbeddedSql> files;
  return files;
}

std::vector<CompiledProject>& compiled_projects() {
  static std::vector<CompiledProject> projects;
  return projects;
}

std::string rebuild_advice() {
  const auto& projects = compiled_projects();
  if (projects.empty() || projects.front().rebuild.empty()) return "rebuild this migrate binary";
  return "rebuild (" + projects.front().rebuild + ")";
}

}  // namespace migrate
