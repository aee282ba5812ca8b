// The environment hook: what Alembic's env.py does, as one optional C++ function a
// project defines in migrations/env.cpp with MIGRATE_ENVIRONMENT. It runs before every
// command that touches revisions, and may adjust the connection and what autogenerate sees.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace migrate {

struct EnvironmentContext {
  // Read-only facts about the run.
  std::map<std::string, std::string> x_arguments;  // -x key=value
  bool offline = false;                             // --sql

  // May be changed by the hook.
  std::string url;  // the database URL (e.g. built from a secrets file)
  // Session settings applied at the start of every run, online and offline, in order,
  // through set_config(): {"search_path", "ecommerce, public"}, {"lock_timeout", "10s"}.
  std::vector<std::pair<std::string, std::string>> session_settings;
  // What autogenerate and check compare: schemas, and a filter on objects.
  std::vector<std::string> include_schemas;
  std::function<bool(const std::string& schema, const std::string& name, const std::string& kind)> include_object;
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
