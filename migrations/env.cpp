// The e-commerce platform's environment hook (Alembic's env.py): connection settings and
// the schemas autogenerate compares.
#include <migrate/environment.hpp>

MIGRATE_ENVIRONMENT(ctx) {
  // DDL waits for locks held by the application; fail fast instead of queueing every
  // query behind an ALTER TABLE. `-x lock_timeout=60s` overrides it for a long window.
  auto it = ctx.x_arguments.find("lock_timeout");
  ctx.session_settings.emplace_back("lock_timeout", it != ctx.x_arguments.end() ? it->second : "10s");
  if (ctx.include_schemas.empty()) ctx.include_schemas = {"ecommerce", "audit", "archive"};
}
