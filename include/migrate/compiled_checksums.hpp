// The build-time checksum of each compiled revision's source, registered by the file that
// migrate_add_revisions generates (cmake/MigrateRevisions.cmake) beside the revisions.
#pragma once
#include <initializer_list>
#include <map>
#include <string>
#include <utility>

namespace migrate {

// source_file (as CompiledRevision holds it) -> 64 hex digits (script::source_checksum).
// A revision compiled without migrate_add_revisions has none.
std::map<std::string, std::string>& compiled_checksums();

struct ChecksumRegistrar {
  ChecksumRegistrar(std::initializer_list<std::pair<const char*, const char*>> checksums) {
    for (const auto& [file, checksum] : checksums) compiled_checksums()[file] = checksum;
  }
};

}  // namespace migrate
