// Which configured version location a compiled revision belongs to. A compiled revision
// is known by the path it was compiled under relative to its project's root
// ("migrations/versions/3f2a_x.cpp", see cmake/MigrateRevisions.cmake), never by an
// absolute build path, so the binary knows it wherever it is copied or moved.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace migrate::script {

struct CompiledPath {
  std::string folder;  // "migrations/versions" (absolute when built without the prefix map)
  std::string file;    // "3f2a_x.cpp": its identity within the folder
};

CompiledPath split_compiled_path(const std::string& source);

// The index of the location whose trailing path components are `folder`'s (an absolute
// `folder` must equal the location), or nullopt when none is.
std::optional<size_t> matching_location(const std::vector<std::string>& locations, const std::string& folder);

// Per location: may compiled revisions belong to it? Not when it exists and holds Alembic's
// .py revisions and no .cpp: `alembic init migrations` makes a `migrations/versions` that is
// not this binary's, however its path ends. Anywhere else the compiled set is its own (a
// missed rebuild is then told apart file by file), including a deploy folder holding only
// the .sql revisions beside a binary that carries the C++ ones.
std::vector<char> claimable_locations(const std::vector<std::string>& locations);

// matching_location among the claimable locations only: where a compiled revision belongs.
std::optional<size_t> claimed_location(const std::vector<std::string>& locations, const std::vector<char>& claimable,
                                       const std::string& folder);

}  // namespace migrate::script
