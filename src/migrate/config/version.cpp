// Only this file is compiled with MIGRATE_VERSION, so a version bump rebuilds one object.
#include <migrate/version.hpp>

namespace migrate {

const char* tool_version() { return MIGRATE_VERSION; }

}  // namespace migrate
