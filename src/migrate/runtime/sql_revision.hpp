// Plain SQL revisions: a header of `-- key: value` lines, then `-- migrate:up` and
// `-- migrate:down` sections split into statements by PostgreSQL's own parser.
#pragma once
#include <string>
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::runtime {

struct SqlRevision {
  graph::Revision meta;
  std::vector<std::string> up;    // statements, in order
  std::vector<std::string> down;
  bool transactional = true;      // false with `-- transactional: false` (CONCURRENTLY ...)
};

// Reads and validates `path`; throws RevisionError "<file>:<line>: <problem>".
SqlRevision read_sql_revision(const std::string& path);

// Splits SQL text with libpg_query; throws RevisionError naming `file` and the line.
std::vector<std::string> split_statements(const std::string& sql, const std::string& file, int first_line);

}  // namespace migrate::runtime
