// Scratch schemas beside the real ones, in the session's open transaction: a Catalog is
// created under other names, so that the server spells it, then read back under the real ones.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "migrate/autogen/schema_names.hpp"
#include "migrate/schema/catalog.hpp"

namespace migrate::db {
class Session;
}

namespace migrate::autogen {

using schema::schemas_of;

// A statement that failed, and the server's message, both in the real schema names.
struct FailedStatement {
  std::string sql;
  std::string message;
};

class ScratchSchemas {
 public:
  // `prefix` + each schema; ConfigError when a name would pass PostgreSQL's 63 bytes.
  ScratchSchemas(const std::string& prefix, const std::set<std::string>& schemas);

  const SchemaNames& to_scratch() const { return to_scratch_; }
  const SchemaNames& back() const { return back_; }

  // CREATE SCHEMA for each scratch name.
  void create(db::Session& session) const;
  // `catalog` (in the real names) created under the scratch names; the statement that fails,
  // if one does, for the caller to report in its own words.
  std::optional<FailedStatement> build(db::Session& session, const schema::Catalog& catalog) const;
  // The scratch schemas introspected and renamed back to the real names.
  schema::Catalog read(db::Session& session) const;

 private:
  SchemaNames to_scratch_, back_;
  std::vector<std::string> scratch_;
};

}  // namespace migrate::autogen
