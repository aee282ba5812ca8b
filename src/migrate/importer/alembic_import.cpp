// Turning what Alembic rendered into SQL revision files, all checked before any is written.
#include "migrate/importer/alembic_import.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include <migrate/error.hpp>

#include "migrate/importer/alembic_reader.hpp"
#include "migrate/script/sql_revision.hpp"

namespace fs = std::filesystem;

namespace migrate::importer {

ImportResult import_alembic(const ImportRequest& request) {
  auto project = read_alembic_project(request.ini, request.section);
  if (project.revisions.empty())
    throw RevisionError(fmt::format("{}: Alembic finds no revisions: nothing to import", request.ini));
  VersionTableName table{project.version_table, project.version_table_schema};

  std::vector<ImportedFile> files;
  std::vector<std::string> texts;
  for (auto& rev : project.revisions) {
    ImportedFile file{rev.meta.id, rev.meta.path,
                      (fs::path(request.folder) / fs::path(rev.meta.path).stem()).string() + ".sql",
                      rev.port_by_hand};
    if (!rev.render_error.empty()) {
      if (file.port_by_hand.empty())
        throw RevisionError(fmt::format("Alembic could not render {} offline: {} (nothing written)", rev.meta.path,
                                        rev.render_error));
      file.port_by_hand.push_back("Alembic could not render it offline: " + rev.render_error);
    }
    auto clean = [&](const std::optional<std::string>& sql) {
      return sql ? without_version_statements(*sql, table, rev.meta.path) : std::string();
    };
    graph::Revision meta = rev.meta;
    meta.path.clear();
    std::string text = script::sql_revision_text(meta, clean(rev.up_sql), clean(rev.down_sql), true, file.port_by_hand);
    // What is written must read back as the same revision, or the import did not happen.
    auto back = script::parse_sql_revision(text, file.path);
    if (back.meta.id != meta.id || back.meta.down_revisions != meta.down_revisions ||
        back.meta.branch_labels != meta.branch_labels || back.meta.depends_on != meta.depends_on ||
        back.meta.message != meta.message)
      throw RevisionError(fmt::format("{}: its identity does not survive as a SQL header (nothing written)",
                                      rev.meta.path));
    file.written = request.force || !fs::exists(file.path);
    files.push_back(std::move(file));
    texts.push_back(std::move(text));
  }

  fs::create_directories(request.folder);
  for (size_t i = 0; i < files.size(); ++i) {
    if (!files[i].written) continue;
    std::ofstream out(files[i].path, std::ios::binary | std::ios::trunc);
    out << texts[i];
    out.close();
    if (!out) throw UsageError(fmt::format("cannot write {}", files[i].path));
  }
  return {std::move(files), table};
}

}  // namespace migrate::importer
