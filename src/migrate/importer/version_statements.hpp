// Alembic's offline SQL for one step without what migrate's runner writes itself.
#pragma once
#include <string>

namespace migrate::importer {

struct VersionTableName {
  std::string name = "alembic_version";
  std::string schema;  // empty: Alembic wrote it unqualified
};

// The statements of `sql` (split by libpg_query) as `statement;` paragraphs, without
// exactly these: a leading BEGIN and a trailing COMMIT (the runner's transaction), and
// CREATE TABLE, DROP TABLE, INSERT, UPDATE and DELETE whose target is `table` (the runner
// keeps the version table). `file` names the source in a RevisionError for SQL that does not parse.
std::string without_version_statements(const std::string& sql, const VersionTableName& table, const std::string& file);

}  // namespace migrate::importer
