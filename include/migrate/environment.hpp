// The environment hook: what Alembic's env.py does, as one optional C++ function a
// project defines in migrations/env.cpp with MIGRATE_ENVIRONMENT. It runs before every
// command that touches revisions, and may adjust the connection and what autogenerate sees.
// It belongs to the project whose revisions the binary compiles (migrate_add_revisions):
// the same binary run on another project's migrate.ini runs without it.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace migrate {

// An object autogenerate and check are about to compare: Alembic's include_object arguments.
struct SchemaObject {
  enum class Kind { Table, Column, Index, Constraint, Enum, Sequence };
  Kind kind = Kind::Table;
  std::string schema{};
  std::string table{};  // the table of a column, index or constraint; empty for the others
  std::string name{};   // the object's own name
  bool reflected = false;  // true: read from the database; false: declared by the models

  // "ecommerce.orders", "ecommerce.orders.status": schema, table if any, name.
  std::string qualified() const { return schema + "." + (table.empty() ? name : table + "." + name); }
};

constexpr const char* kind_name(SchemaObject::Kind kind) {
  switch (kind) {
    case SchemaObject::Kind::Table: return "table";
    case SchemaObject::Kind::Column: return "column";
    case SchemaObject::Kind::Index: return "index";
    case SchemaObject::Kind::Constraint: return "constraint";
    case SchemaObject::Kind::Enum: return "enum";
    case SchemaObject::Kind::Sequence: return "sequence";
  }
  return "";
}

struct EnvironmentContext {
  // Read-only facts about the run.
  std::map<std::string, std::string> x_arguments;  // -x key=value
  bool offline = false;                             // --sql

  // May be changed by the hook.
  std::string url;  // the database URL (e.g. built from a secrets file)
  // Session settings applied at the start of every run, online and offline, in order,
  // through set_config(): {"search_path", "ecommerce, public"}, {"lock_timeout", "10s"}.
  std::vector<std::pair<std::string, std::string>> session_settings;
  // What autogenerate and check compare: schemas, and a filter on objects. include_object
  // is asked about every object on both sides before they are compared; false leaves it out
  // (a table with its columns, indexes and constraints). The ini's exclude_tables patterns
  // apply first.
  std::vector<std::string> include_schemas;
  std::function<bool(const SchemaObject& object)> include_object;
  // Called with the text of each generated revision file before it is written.
  std::function<void(std::string& source)> process_revision_source;
};

using EnvironmentHook = void (*)(EnvironmentContext&);

// Installs the project's hook; MIGRATE_ENVIRONMENT calls it at static initialisation.
void set_environment_hook(EnvironmentHook hook);
EnvironmentHook environment_hook();

}  // namespace migrate

#define MIGRATE_ENVIRONMENT(ctx)                                                        \
  static void migrate_environment_hook(::migrate::EnvironmentContext&);                 \
  [[maybe_unused]] static const bool migrate_environment_registered =                   \
      (::migrate::set_environment_hook(&migrate_environment_hook), true);              \
  static void migrate_environment_hook(::migrate::EnvironmentContext& ctx)
