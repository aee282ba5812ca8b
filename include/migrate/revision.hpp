// The public API a C++ revision file is written in: its metadata and its two bodies.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <migrate/ops.hpp>

namespace migrate {

// What Alembic keeps at the top of a revision file.
struct RevisionInfo {
  // Every member has a default: designated initialisers may leave any out without
  // -Wmissing-field-initializers.
  std::string id{};
  std::vector<std::string> down{};         // none: a base; several: a merge point
  std::string message{};
  std::string created{};                   // "YYYY-MM-DD HH:MM:SS"
  std::vector<std::string> branch_labels{};
  std::vector<std::string> depends_on{};   // revision ids or branch labels
  // This revision's own PostgreSQL lock_timeout / statement_timeout ("30s"), for a step
  // that must wait longer or shorter than the run's statement_lock_timeout.
  std::string lock_timeout{};
  std::string statement_timeout{};
};

class Migration {
 public:
  virtual ~Migration() = default;
  virtual void upgrade(Ops& op) = 0;
  virtual void downgrade(Ops& op) = 0;
};

using MigrationFactory = std::unique_ptr<Migration> (*)();

struct CompiledRevision {
  RevisionInfo info;
  // __FILE__ of the revision: relative to its project's root when built with
  // migrate_add_revisions (cmake/MigrateRevisions.cmake), e.g. migrations/versions/x.cpp.
  std::string source_file;
  MigrationFactory make;
};

// Every revision compiled into this binary, in static-initialisation order.
std::vector<CompiledRevision>& compiled_revisions();

template <class T>
std::unique_ptr<Migration> make_migration() { return std::make_unique<T>(); }

struct RevisionRegistrar {
  RevisionRegistrar(RevisionInfo info, const char* file, MigrationFactory make) {
    compiled_revisions().push_back({std::move(info), file, make});
  }
};

}  // namespace migrate

// One revision per file. Each file gets its own tag type in its anonymous namespace, so the
// body (an explicit specialisation on that tag) has internal linkage: the same macro in a
// hundred files never clashes, and the registrar runs at static initialisation.
namespace migrate {
template <class Tag>
struct RevisionBody;
}

#define MIGRATE_REVISION(...)                                                            \
  namespace {                                                                            \
  struct MigrateRevisionTag;                                                             \
  const ::migrate::RevisionRegistrar migrate_revision_registrar{                         \
      ::migrate::RevisionInfo{__VA_ARGS__}, __FILE__,                                    \
      &::migrate::make_migration<::migrate::RevisionBody<MigrateRevisionTag>>};          \
  }                                                                                      \
  template <>                                                                            \
  struct migrate::RevisionBody<MigrateRevisionTag> final : ::migrate::Migration
