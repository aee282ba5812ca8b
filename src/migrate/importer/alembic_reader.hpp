// An Alembic project as Alembic itself reads it: each revision's identity and its upgrade
// and downgrade rendered offline for PostgreSQL, by Debian's `alembic` and its Python.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "migrate/graph/revision_map.hpp"

namespace migrate::importer {

struct AlembicRevision {
  graph::Revision meta;                   // path: the .py file
  std::vector<std::string> port_by_hand;  // why a person must port it (reads the database, ...)
  std::optional<std::string> up_sql, down_sql;  // as Alembic rendered them, version-table statements included
  std::string render_error;               // why Alembic could not render it offline (then no SQL)
};

struct AlembicProject {
  std::string version_table = "alembic_version";
  std::string version_table_schema;  // empty: unqualified
  std::vector<AlembicRevision> revisions;  // bases first
};

// Reads the project of `ini` (section `section`), running Alembic's Python in the ini's
// folder as the `alembic` command would. Throws ConfigError when `alembic` or its Python is
// missing, RevisionError when Alembic cannot load the project.
AlembicProject read_alembic_project(const std::string& ini, const std::string& section);

// The Python that runs `alembic`: its `#!` interpreter when that is an absolute path (Debian's
// /usr/bin/python3, whatever python3 comes first on PATH), else python3.
std::string alembic_python(const std::string& alembic_path);

}  // namespace migrate::importer
