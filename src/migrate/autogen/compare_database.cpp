// Scratch schemas in a rolled-back transaction: the server spells the models' side.
#include "migrate/autogen/compare_database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include <migrate/error.hpp>

#include "migrate/autogen/object_filter.hpp"
#include "migrate/autogen/prove_plan.hpp"
#include "migrate/autogen/scratch_database.hpp"
#include "migrate/autogen/schema_names.hpp"
#include "migrate/autogen/scratch_schemas.hpp"
#include "migrate/db/session.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/runtime/environment.hpp"
#include "migrate/schema/compare.hpp"
#include "migrate/schema/create_operations.hpp"
#include "migrate/schema/from_models.hpp"
#include "migrate/schema/renames.hpp"

namespace migrate::autogen {

namespace {

// A prefix no application schema uses, short enough for PostgreSQL's 63 bytes.
constexpr const char* wanted_prefix = "migrate_wanted_";

// The models as the server spells them: created under scratch names, read back, renamed.
schema::Catalog as_the_server_spells_it(db::Session& session, const schema::Catalog& models) {
  ScratchSchemas scratch(wanted_prefix, schemas_of(models));
  scratch.create(session);
  if (auto failed = scratch.build(session, models)) {
    ConfigError error("the models cannot be created as declared: " + failed->message);
    error.set_detail("failing statement:\n" + failed->sql);
    throw error;
  }
  return scratch.read(session);
}

}  // namespace

schema::Catalog registered_models() { return schema::catalog_from_models(schema::describe_registered_models()); }

std::vector<Operation> compare_database(const script::Project& project, const schema::Catalog& models,
                                        const CompareRequest& request) {
  const auto& cfg = project.config();
  auto env = runtime::prepare_environment(cfg, false);
  std::vector<std::string> schemas = env.include_schemas.empty() ? std::vector<std::string>{"public"} : env.include_schemas;
  const ObjectFilter filter{.exclude_tables = cfg.exclude_tables, .include_object = env.include_object};
  // Declared before the session, so that it is dropped after the session closes.
  std::optional<ScratchDatabase> scratch;
  if (request.from_revisions) {
    scratch.emplace(project, env);
    env = scratch->environment();
  }
  db::Session session(env.url);
  auto& sink = session.sink();
  sink.begin();
  runtime::apply_session_settings(env, sink);
  // Both sides printed under one search_path, so a name is qualified the same way on each.
  sink.execute("SET LOCAL search_path TO public");
  // The index query's per-key subquery is estimated at 1000 rows an index, so on 200 tables its
  // cost passes jit_above_cost and the server spends 0.35-0.6 s compiling it, twice a run, for a
  // query that takes 3 ms without. Catalog reads never gain from JIT.
  sink.execute("SET LOCAL jit = off");

  auto current = session.versions(project.version_table()).value_or(std::vector<std::string>{});
  auto heads = project.map().heads();
  std::sort(heads.begin(), heads.end());
  if (current != heads) throw RevisionError("Target database is not up to date.");

  // The version, history and lease (lock_mode = table) tables are the tool's own:
  // introspection leaves them out (in any schema read when the config names none, as it
  // then follows the search_path).
  const auto& table = project.version_table();
  const auto& history = project.history_table();
  auto found = filtered(session.introspect({.schemas = schemas,
                                            .exclude_tables = {QualifiedName(table.schema, table.name),
                                                               QualifiedName(history.schema, history.name),
                                                               QualifiedName(table.schema, table.name + "_lock")}}),
                        filter, true);
  auto wanted = filtered(as_the_server_spells_it(session, models), filter, false);
  schema::keep_declared_renames(wanted, models);

  // Only the schemas compared: a model in a schema the hook does not name is not drift here.
  auto elsewhere = [&](const QualifiedName& n) {
    return std::find(schemas.begin(), schemas.end(), n.schema) == schemas.end();
  };
  std::erase_if(wanted.tables, [&](const schema::Table& t) { return elsewhere(t.name); });
  std::erase_if(wanted.enums, [&](const schema::Enum& e) { return elsewhere(e.name); });
  std::erase_if(wanted.sequences, [&](const Sequence& q) { return elsewhere(q.name); });
  auto plan = schema::compare(wanted, found);
  prove_plan(session, found, wanted, plan);
  session.rollback();
  return plan;
}

}  // namespace migrate::autogen
