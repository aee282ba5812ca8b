// The registries that MIGRATE_REVISION and the generated checksum file fill at static
// initialisation.
#include <migrate/compiled_checksums.hpp>
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

}  // namespace migrate
