// The registry that MIGRATE_REVISION fills at static initialisation.
#include <migrate/revision.hpp>

namespace migrate {

std::vector<CompiledRevision>& compiled_revisions() {
  // A function-local static: safe whatever order the revision files initialise in.
  static std::vector<CompiledRevision> revisions;
  return revisions;
}

}  // namespace migrate
