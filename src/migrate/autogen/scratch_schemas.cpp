// Scratch schema names, their creation and reading them back.
#include "migrate/autogen/scratch_schemas.hpp"

#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/db/session.hpp"
#include "migrate/ops/quote.hpp"

namespace migrate::autogen {

std::set<std::string> schemas_of(const schema::Catalog& c) {
  std::set<std::string> out;
  for (const auto& t : c.tables) out.insert(t.name.schema);
  for (const auto& e : c.enums) out.insert(e.name.schema);
  for (const auto& s : c.sequences) out.insert(s.name.schema);
  out.erase("");
  return out;
}

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

schema::Catalog ScratchSchemas::read(db::Session& session) const {
  return rename_schemas(session.introspect(db::IntrospectOptions{.schemas = scratch_}), back_);
}

}  // namespace migrate::autogen
