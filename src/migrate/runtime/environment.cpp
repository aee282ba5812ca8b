// The environment hook's registry and its application to a run.
#include "migrate/runtime/environment.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <migrate/compiled_project.hpp>
#include <migrate/error.hpp>

#include "migrate/config/secrets.hpp"
#include "migrate/config/url_origin.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/ops/quote.hpp"
#include "migrate/script/compiled_location.hpp"

namespace migrate {

namespace {
EnvironmentHook& hook_slot() {
  static EnvironmentHook hook = nullptr;
  return hook;
}
}  // namespace

void set_environment_hook(EnvironmentHook hook) { hook_slot() = hook; }
EnvironmentHook environment_hook() { return hook_slot(); }

}  // namespace migrate

namespace migrate::runtime {

bool hook_applies(const config::Config& cfg) {
  const auto& projects = compiled_projects();
  if (projects.empty()) return true;  // built without migrate_add_revisions: no project to tell apart
  const auto claimable = script::claimable_locations(cfg.version_locations);
  return std::any_of(projects.begin(), projects.end(), [&](const CompiledProject& p) {
    return script::claimed_location(cfg.version_locations, claimable, p.version_folder).has_value();
  });
}

EnvironmentContext prepare_environment(const config::Config& cfg, bool offline) {
  EnvironmentContext env;
  env.x_arguments = cfg.x_arguments;
  env.offline = offline;
  env.url = cfg.url;
  env.include_schemas = cfg.include_schemas;
  auto hook = environment_hook();
  if (hook && hook_applies(cfg)) {
    try {
      hook(env);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw ConfigError(std::string("migrations/env.cpp: the environment hook threw: ") + e.what());
    }
    if (env.url != cfg.url) {
      config::remember_secret(config::password_of(env.url));
      env.url = config::libpq_url(env.url);
    }
  }
  if (!offline) {
    // Refused before libpq reads it, and named when it does not answer.
    const bool from_hook = env.url != cfg.url;
    const config::UrlOrigin origin = from_hook ? config::UrlOrigin{config::UrlOrigin::Kind::Hook} : cfg.url_origin;
    config::check_url(env.url, origin);
    const bool ini_url = origin.kind == config::UrlOrigin::Kind::Ini;
    db::set_url_origin(env.url, config::describe(origin), ini_url ? cfg.connect_hint : "");
  }
  return env;
}

void apply_session_settings(const EnvironmentContext& env, ops::Sink& sink) {
  try {
    for (const auto& [name, value] : env.session_settings)
      sink.execute(fmt::format("SELECT pg_catalog.set_config({}, {}, false)", ops::quote_literal(name),
                               ops::quote_literal(value)));
  } catch (const DatabaseError& e) {
    throw DatabaseError("applying the session settings of migrations/env.cpp: " + std::string(e.what()), e.reason(),
                        e.statement());
  }
}

}  // namespace migrate::runtime
