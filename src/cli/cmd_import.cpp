// `migrate import alembic [DIR]`: an Alembic project's Python revisions as SQL revisions.
#include <fmt/format.h>

#include <filesystem>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "migrate/config/lookup.hpp"
#include "migrate/importer/alembic_import.hpp"

namespace fs = std::filesystem;

namespace migrate::cli {

namespace {

struct ImportOptions {
  std::string source;  // a folder holding alembic.ini, or the ini itself
  std::string to;      // where the .sql files go
  bool force = false;
};

// Without DIR: the config in use when it is Alembic's own ini, else ./alembic.ini.
std::string alembic_ini(Context& ctx, const std::string& source) {
  if (!source.empty()) return fs::is_directory(source) ? (fs::path(source) / "alembic.ini").string() : source;
  // -c, or the ini found upward from here (migrate.ini, else alembic.ini), as every command.
  if (!ctx.options().config_file.empty() || config::find_config_file(".")) {
    const auto& cfg = ctx.config();
    if (cfg.section == "alembic") return cfg.file;
  }
  return "alembic.ini";
}

int import_alembic(Context& ctx, const ImportOptions& o) {
  importer::ImportRequest request;
  request.ini = alembic_ini(ctx, o.source);
  if (!fs::is_regular_file(request.ini))
    throw ConfigError(fmt::format("{} not found: name the Alembic project, e.g. migrate import alembic ./", request.ini));
  request.folder = o.to.empty() ? ctx.config().version_locations.front() : fs::absolute(o.to).string();
  request.force = o.force;
  auto result = importer::import_alembic(request);
  const auto& files = result.files;

  nlohmann::json list = nlohmann::json::array();
  size_t by_hand = 0, written = 0;
  for (const auto& f : files) {
    // A kept file may have been ported since: only a file written now is reported as to port.
    by_hand += f.written && !f.port_by_hand.empty();
    written += f.written;
    list.push_back({{"id", f.id}, {"source", f.source}, {"path", f.path}, {"written", f.written},
                    {"port_by_hand", f.port_by_hand}});
    if (ctx.json()) continue;
    ctx.print(f.written ? fmt::format("wrote {} ({})", f.path, f.id)
                        : fmt::format("kept {} ({}): it exists; --force overwrites it", f.path, f.id));
    if (f.written && !f.port_by_hand.empty())
      ctx.print(fmt::format("  port by hand: {}", fmt::join(f.port_by_hand, "; ")));
  }
  ctx.info(fmt::format("{} of {} revisions written to {}", written, files.size(), request.folder) +
           (by_hand ? fmt::format("; {} marked `-- migrate:port-by-hand`: they refuse to run until ported", by_hand)
                    : std::string()));
  // Alembic names its version table in env.py, which migrate does not read.
  const auto& table = result.version_table;
  if (o.to.empty() && (table.name != ctx.config().version_table || table.schema != ctx.config().version_table_schema))
    ctx.info(fmt::format("Alembic's env.py keeps its versions in {}: set version_table (and version_table_schema) "
                         "to match in {}, or migrate reads another table",
                         table.schema.empty() ? table.name : table.schema + "." + table.name, ctx.config().file));
  if (ctx.json()) ctx.document() = {{"command", "import alembic"}, {"revisions", list}};
  return 0;
}

}  // namespace

void add_import_commands(CLI::App& app, Action& chosen) {
  auto* group = app.add_subcommand("import", "Take over another tool's revisions");
  group->require_subcommand(1);
  auto o = std::make_shared<ImportOptions>();
  auto* a = group->add_subcommand("alembic", "Convert an Alembic project's .py revisions into SQL revisions");
  a->add_option("directory", o->source, "the Alembic project: a folder holding alembic.ini, or the ini (default: the config in use, else ./alembic.ini)");
  a->add_option("--to", o->to, "folder for the .sql files (default: the first version location)");
  a->add_flag("--force", o->force, "overwrite .sql files that exist");
  on_run(a, chosen, [o](Context& ctx) { return import_alembic(ctx, *o); });
}

}  // namespace migrate::cli
