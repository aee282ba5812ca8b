// The corpus's environment hook: autogenerate and check compare the corpus schemas, one of
// them (corpus_extra) created by step 2's revision.
#include <migrate/environment.hpp>

MIGRATE_ENVIRONMENT(ctx) {
  if (ctx.include_schemas.empty()) ctx.include_schemas = {"corpus", "corpus_ref", "corpus_extra"};
}
