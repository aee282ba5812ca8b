// `migrate import alembic`: each Python revision of an Alembic project as a SQL revision
// with the same identity, its SQL rendered by Alembic, the version-table statements left out.
#pragma once
#include <string>
#include <vector>

#include "migrate/importer/version_statements.hpp"

namespace migrate::importer {

struct ImportRequest {
  std::string ini;                  // the Alembic project's alembic.ini
  std::string section = "alembic";  // its section
  std::string folder;               // where the .sql files go
  bool force = false;               // overwrite existing files
};

struct ImportedFile {
  std::string id;
  std::string source;                     // the .py file
  std::string path;                       // the .sql file
  std::vector<std::string> port_by_hand;  // why a person must finish it (empty: ready to run)
  bool written = false;                   // false: the file existed and was kept
};

struct ImportResult {
  std::vector<ImportedFile> files;
  VersionTableName version_table;  // the one Alembic's env.py configures
};

// Renders every revision before writing any file: a revision Alembic cannot render offline
// that nothing flags for porting is a RevisionError and nothing is written. A flagged one is
// written with its reasons as `-- migrate:port-by-hand:` lines (and what Alembic rendered).
// Files are named after the .py (`ab12_x.py` -> `ab12_x.sql`), which is also how migrate
// knows a .py is ported.
ImportResult import_alembic(const ImportRequest& request);

}  // namespace migrate::importer
