// Scratch schemas beside the real ones, in the session's open transaction: a Catalog is
// created under other names, so that the server spells it, then read back under the real ones.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "migrate/autogen/schema_names.hpp"
#include "migrate/schema/catalog.hpp"

namespace migrate::db {
class Session;
}

namespace migrate::autogen {

// The schemas a Catalog's tables, enums and sequences live in.
std::set<std::string> schemas_of(const schema::Catalog& catalog);

class ScratchSchemas {
 public:
  // `prefix` + each schema; ConfigError when a name would pass PostgreSQL's 63 bytes.
  ScratchSchemas(const std::string& prefix, const std::set<std::string>& schemas);

  const SchemaNames& to_scratch() const { return to_scratch_; }
  const SchemaNames& back() const { return back_; }

  // CREATE SCHEMA for each scratch name.
  void create(db::Session& session) const;
  // The scratch schemas introspected and renamed back to the real names.
  schema::Catalog read(db::Session& session) const;

 private:
  SchemaNames to_scratch_, back_;
  std::vector<std::string> scratch_;
};

}  // namespace migrate::autogen
