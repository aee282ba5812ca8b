// Plain SQL revisions, both ways: a header of `-- key: value` lines, then `-- migrate:up`
// and `-- migrate:down` sections split into statements by PostgreSQL's own parser.
#pragma once
#include <string>
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::script {

struct SqlRevision {
  graph::Revision meta;
  std::vector<std::string> up;    // statements, in order
  std::vector<std::string> down;
  bool transactional = true;      // false with `-- transactional: false` (CONCURRENTLY ...)
  std::string lock_timeout;       // `-- lock_timeout: 30s`: this revision's own
  std::string statement_timeout;  // `-- statement_timeout: 10min`
  // `-- migrate:port-by-hand: <reason>` lines (`migrate import alembic` writes them): such a
  // revision is listed but refuses to run until a person has ported it and removed them.
  std::vector<std::string> port_by_hand;
};

// Reads and validates `path`; throws RevisionError "<file>:<line>: <problem>", or
// "<file>: byte <offset>: ..." for a file that is not UTF-8 text without NUL bytes.
SqlRevision read_sql_revision(const std::string& path);

// The same, from the file's text; `path` only names it in errors.
SqlRevision parse_sql_revision(const std::string& text, const std::string& path);

// The text of a SQL revision file: the header read_sql_revision() accepts (the
// port-by-hand lines first), then the two sections holding `up_sql` and `down_sql` as given.
std::string sql_revision_text(const graph::Revision& meta, const std::string& up_sql = "",
                              const std::string& down_sql = "", bool transactional = true,
                              const std::vector<std::string>& port_by_hand = {});

// Splits SQL text with libpg_query; throws RevisionError naming `file` and the line.
std::vector<std::string> split_statements(const std::string& sql, const std::string& file, int first_line);

}  // namespace migrate::script
