// The corpus's environment hook: autogenerate and check compare the two corpus schemas.
#include <migrate/environment.hpp>

MIGRATE_ENVIRONMENT(ctx) {
  if (ctx.include_schemas.empty()) ctx.include_schemas = {"corpus", "corpus_ref"};
}
