// The check benchmark's environment hook: only the bench schema is compared.
#include <migrate/environment.hpp>

MIGRATE_ENVIRONMENT(ctx) { ctx.include_schemas = {"bench"}; }
