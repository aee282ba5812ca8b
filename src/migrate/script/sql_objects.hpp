// What a statement touches, read by PostgreSQL's own parser (libpg_query): the tables a lock
// timeout may have waited for, and the index a CREATE INDEX CONCURRENTLY builds, which a
// failure leaves behind INVALID.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace migrate::script {

// The relations `sql` names ("schema.table", or "table" as written), each once, in order;
// empty when it does not parse.
std::vector<std::string> relations_in(const std::string& sql);

struct ConcurrentIndex {
  std::string name;   // the index, unqualified (it is created in its table's schema)
  std::string table;  // "schema.table" or "table" as written
};

// The index `sql` builds when it is one CREATE INDEX CONCURRENTLY with a name.
std::optional<ConcurrentIndex> concurrent_index_in(const std::string& sql);

}  // namespace migrate::script
