// The project a binary's compiled revisions belong to, registered by the file that
// migrate_add_revisions generates (cmake/MigrateRevisions.cmake): its version folder and how
// its developers rebuild it. The environment hook belongs to this project only, and errors
// about a missed rebuild name its own build command.
#pragma once
#include <string>
#include <vector>

namespace migrate {

struct CompiledProject {
  std::string version_folder;  // relative to the project's root, like a revision's __FILE__: "migrations/versions"
  std::string rebuild;         // the command that rebuilds this binary: "just build", "cmake --build build"
  // Built with EMBED_SQL: the folder's .sql revisions are in the binary too (embedded_sql.hpp),
  // so a .sql on disk it does not carry is a missed rebuild, like a .cpp.
  bool embeds_sql = false;
};

// Empty for a binary built without migrate_add_revisions.
std::vector<CompiledProject>& compiled_projects();

struct CompiledProjectRegistrar {
  CompiledProjectRegistrar(const char* version_folder, const char* rebuild, bool embeds_sql = false) {
    compiled_projects().push_back({version_folder, rebuild, embeds_sql});
  }
};

// "rebuild (just build)": what to do when a compiled revision and its file disagree.
std::string rebuild_advice();

}  // namespace migrate
