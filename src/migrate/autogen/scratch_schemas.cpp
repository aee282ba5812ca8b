// Scratch schema names, their creation and reading them back.
#include "migrate/autogen/scratch_schemas.hpp"

#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/db/session.hpp"
#include "migrate/ops/quote.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/schema/create_operations.hpp"

namespace migrate::autogen {

ScratchSchemas::ScratchSchemas(const std::string& prefix, const std::set<std::string>& schemas) {
  for (const auto& s : schemas) {
    std::string scratch = prefix + s;
    if (scratch.size() > 63)
      throw ConfigError(fmt::format("schema name '{}' is too long to compare (at most {} bytes)", s, 63 - prefix.size()));
    to_scratch_[s] = scratch;
    back_[scratch] = s;
    scratch_.push_back(scratch);
  }
}

void ScratchSchemas::create(db::Session& session) const {
  for (const auto& s : scratch_) session.sink().execute("CREATE SCHEMA " + ops::quote_ident(s));
}

std::optional<FailedStatement> ScratchSchemas::build(db::Session& session, const schema::Catalog& catalog) const {
  std::vector<std::string> statements;
  for (const auto& operation : schema::create_operations(rename_schemas(catalog, to_scratch_)))
    for (auto& sql : ops::render_sql(operation)) statements.push_back(std::move(sql));
  // All in one round trip: a schema of 200 tables is some 800 statements, and sent one by one
  // their round trips were most of check's time.
  auto failed = session.execute_batch(statements);
  if (!failed) return std::nullopt;
  const std::string sql = failed->index < statements.size() ? statements[failed->index] : "";
  return FailedStatement{rename_in_sql(sql, back_), rename_in_sql(failed->message, back_)};
}

schema::Catalog ScratchSchemas::read(db::Session& session) const {
  return rename_schemas(session.introspect(db::IntrospectOptions{.schemas = scratch_}), back_);
}

}  // namespace migrate::autogen
