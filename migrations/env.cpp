// The e-commerce platform's environment hook (Alembic's env.py): connection settings and
// the schemas autogenerate compares.
#include <migrate/environment.hpp>

MIGRATE_ENVIRONMENT(ctx) {
  // The ini's statement_lock_timeout (10s here) bounds how long DDL queues behind the
  // application's locks; `-x lock_timeout=60s` sets it for one run from the deploy script.
  if (auto it = ctx.x_arguments.find("lock_timeout"); it != ctx.x_arguments.end())
    ctx.session_settings.emplace_back("lock_timeout", it->second);
  if (ctx.include_schemas.empty()) ctx.include_schemas = {"ecommerce", "audit", "archive"};
}
