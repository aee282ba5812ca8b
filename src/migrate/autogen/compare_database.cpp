// Scratch schemas in a rolled-back transaction: the server spells the models' side.
#include "migrate/autogen/compare_database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include <migrate/error.hpp>

#include "migrate/autogen/schema_names.hpp"
#include "migrate/db/session.hpp"
#include "migrate/ops/quote.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/runtime/environment.hpp"
#include "migrate/schema/compare.hpp"
#include "migrate/schema/create_operations.hpp"
#include "migrate/schema/from_models.hpp"

namespace migrate::autogen {

namespace {

// A prefix no application schema uses, short enough for PostgreSQL's 63 bytes.
constexpr const char* scratch_prefix = "migrate_wanted_";

std::set<std::string> schemas_of(const schema::Catalog& c) {
  std::set<std::string> out;
  for (const auto& t : c.tables) out.insert(t.name.schema);
  for (const auto& e : c.enums) out.insert(e.name.schema);
  for (const auto& s : c.sequences) out.insert(s.name.schema);
  out.erase("");
  return out;
}

// The models as the server spells them: created under scratch names, read back, renamed.
schema::Catalog as_the_server_spells_it(db::Session& session, const schema::Catalog& models) {
  SchemaNames to_scratch, back;
  std::vector<std::string> scratch_schemas;
  for (const auto& s : schemas_of(models)) {
    std::string scratch = scratch_prefix + s;
    if (scratch.size() > 63)
      throw ConfigError(fmt::format("schema name '{}' is too long to compare (at most {} bytes)", s,
                                    63 - std::string(scratch_prefix).size()));
    to_scratch[s] = scratch;
    back[scratch] = s;
    scratch_schemas.push_back(scratch);
  }
  auto& sink = session.sink();
  for (const auto& s : scratch_schemas) sink.execute("CREATE SCHEMA " + ops::quote_ident(s));
  for (const auto& operation : schema::create_operations(rename_schemas(models, to_scratch))) {
    for (const auto& sql : ops::render_sql(operation)) {
      try {
        sink.execute(sql);
      } catch (const DatabaseError& e) {
        if (e.reason() != DatabaseError::Reason::Statement) throw;
        ConfigError error(fmt::format("the models cannot be created as declared: {}", rename_in_sql(e.what(), back)));
        error.set_detail("failing statement:\n" + rename_in_sql(sql, back));
        throw error;
      }
    }
  }
  return rename_schemas(session.introspect(scratch_schemas), back);
}

}  // namespace

schema::Catalog registered_models() { return schema::catalog_from_models(schema::describe_registered_models()); }

std::vector<Operation> compare_database(const script::Project& project, const schema::Catalog& models) {
  const auto& cfg = project.config();
  auto env = runtime::prepare_environment(cfg, false);
  std::vector<std::string> schemas = env.include_schemas.empty() ? std::vector<std::string>{"public"} : env.include_schemas;
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

  auto found = session.introspect(schemas);
  auto wanted = as_the_server_spells_it(session, models);
  session.rollback();

  schema::CompareOptions options;
  const auto& table = project.version_table();
  options.ignore_tables.push_back({table.schema.empty() ? "public" : table.schema, table.name});
  // Only the schemas compared: a model in a schema the hook does not name is not drift here.
  wanted.tables.erase(std::remove_if(wanted.tables.begin(), wanted.tables.end(),
                                     [&](const schema::Table& t) {
                                       return std::find(schemas.begin(), schemas.end(), t.name.schema) == schemas.end();
                                     }),
                      wanted.tables.end());
  return schema::compare(wanted, found, options);
}

}  // namespace migrate::autogen
