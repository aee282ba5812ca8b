// init and list_templates: scaffolding a new project that migrate (or its own build) runs.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include <migrate/compiled_project.hpp>
#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "migrate/script/compiled_location.hpp"

namespace fs = std::filesystem;

namespace migrate::cli {

namespace {

struct Template {
  const char* name;
  const char* description;
};

const Template templates[] = {
    {"sql", "plain SQL revisions, run by this migrate binary as it is"},
    {"cpp", "C++ revisions, built into the project's own migrate executable with CMake"},
};

std::string ini_text(const std::string& format) {
  return R"(# migrate's configuration (Alembic's alembic.ini keys work too).
[migrate]
# New revisions: sql (plain SQL files) or cpp (C++, compiled into the project's executable).
revision_format = )" + format + R"(
version_locations = %(here)s/versions
url = ${DATABASE_URL:-postgresql://localhost/mydb}
file_template = %%(rev)s_%%(slug)s
truncate_slug_length = 40
version_table = alembic_version
transaction_per_migration = false
# Seconds to wait for another migrate run's lock.
run_lock_timeout = 0
# Lock-safe DDL: how long a statement may queue for a table lock, and how often a step
# that met that is retried.
statement_lock_timeout = 5s
lock_retries = 3
)";
}

// The C++ template links this project's revisions into an executable of its own (they
// register at static init, so they must be compiled into the binary that runs them) with
// the engine found at configure time, never at a path written here: a migrate build tree
// or an installed migrate through find_package, or a checkout built alongside.
std::string cmake_text(const std::string& project) {
  return fmt::format(R"cmake(# Builds {0}'s migrate executable: the migrate engine plus the C++ revisions in versions/.
#   cmake -S . -B build -Dmigrate_DIR=<a migrate build dir>       links the engine built there
#   cmake -S . -B build -DMIGRATE_SOURCE_DIR=<a migrate checkout>  builds the engine here
#   cmake --build build                                            gives build/migrate
# An installed migrate (cmake --install): -DCMAKE_PREFIX_PATH=<its prefix>. The
# MIGRATE_SOURCE_DIR environment variable works too.
cmake_minimum_required(VERSION 3.25)
project({0}_migrations LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)

set(MIGRATE_SOURCE_DIR "$ENV{{MIGRATE_SOURCE_DIR}}" CACHE PATH "a migrate checkout to build the engine from; empty: find_package(migrate)")
if(MIGRATE_SOURCE_DIR)
  set(MIGRATE_TESTS OFF CACHE BOOL "" FORCE)
  set(MIGRATE_BENCH OFF CACHE BOOL "" FORCE)
  # Not "migrate": that is this project's executable, in the same folder.
  add_subdirectory(${{MIGRATE_SOURCE_DIR}} migrate-engine EXCLUDE_FROM_ALL)
else()
  find_package(migrate CONFIG QUIET)
  if(NOT migrate_FOUND)
    message(FATAL_ERROR "migrate not found: configure with -Dmigrate_DIR=<a migrate build dir> "
                        "or -DMIGRATE_SOURCE_DIR=<a migrate checkout>")
  endif()
endif()

# Each revision is known by its path under this folder (versions/x.cpp), wherever the binary runs.
# -DMIGRATE_EMBED_SQL=ON compiles versions/*.sql in too, so the binary alone deploys them all.
option(MIGRATE_EMBED_SQL "Embed the plain SQL revisions in the binary" OFF)
set(embed_sql)
if(MIGRATE_EMBED_SQL)
  set(embed_sql EMBED_SQL)
endif()
add_executable({0}_migrate)
migrate_add_revisions({0}_migrate ${{CMAKE_CURRENT_SOURCE_DIR}}/versions ${{embed_sql}})
set_target_properties({0}_migrate PROPERTIES OUTPUT_NAME migrate)
target_link_libraries({0}_migrate PRIVATE migrate::cli_main)
)cmake",
                     project);
}

// A project whose versions/ this binary would take for its own compiled revisions' folder
// (`init ./migrations` beside an application built from migrations/versions) would fail
// every command with "compiled into this binary but ... is gone".
void refuse_own_location(const fs::path& versions) {
  std::vector<std::string> location{fs::absolute(versions).lexically_normal().string()};
  for (const auto& p : compiled_projects())
    if (script::matching_location(location, p.version_folder))
      throw UsageError(fmt::format("{} would be read as this binary's own {} (its compiled revisions): choose "
                                   "another folder name",
                                   versions.string(), p.version_folder));
}

int init(Context& ctx, const std::string& dir, const std::string& template_name) {
  auto known = std::find_if(std::begin(templates), std::end(templates),
                            [&](const Template& t) { return template_name == t.name; });
  if (known == std::end(templates))
    throw UsageError(fmt::format("no template '{}' (see migrate list_templates)", template_name));
  fs::path root(dir);
  if (fs::exists(root) && !fs::is_empty(root))
    throw UsageError(fmt::format("Directory {} already exists and is not empty", dir));
  refuse_own_location(root / "versions");
  fs::create_directories(root / "versions");
  std::vector<std::string> written;
  auto write = [&](const fs::path& p, const std::string& text) {
    std::ofstream(p) << text;
    written.push_back(p.string());
  };
  write(root / "migrate.ini", ini_text(template_name));
  if (template_name == std::string("cpp")) {
    std::string name = fs::absolute(root).lexically_normal().filename().string();
    for (auto& c : name)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    write(root / "CMakeLists.txt", cmake_text(name));
  }
  // With --format json, stdout is one JSON document and nothing else.
  if (!ctx.json())
    for (const auto& p : written) ctx.print(fmt::format("  Generating {} ...  done", p));
  ctx.info(fmt::format("Please edit the url in {} before proceeding.", (root / "migrate.ini").string()));
  if (template_name == std::string("cpp"))
    ctx.info(fmt::format("Build its migrate: cmake -S {0} -B {0}/build -Dmigrate_DIR=<a migrate build dir> && cmake "
                         "--build {0}/build (see {0}/CMakeLists.txt)",
                         root.string()));
  if (ctx.json()) ctx.document() = {{"command", "init"}, {"files", written}};
  return 0;
}

int list_templates(Context& ctx) {
  nlohmann::json list = nlohmann::json::array();
  if (!ctx.json()) ctx.print("Available templates:\n");
  for (const auto& t : templates) {
    list.push_back({{"name", t.name}, {"description", t.description}});
    if (!ctx.json()) ctx.print(fmt::format("{} - {}", t.name, t.description));
  }
  if (!ctx.json()) ctx.print("\nTemplates are used via the 'init' command, e.g.:\n\n  migrate init --template sql ./scripts");
  if (ctx.json()) ctx.document() = {{"command", "list_templates"}, {"templates", list}};
  return 0;
}

}  // namespace

void add_project_commands(CLI::App& app, Action& chosen) {
  auto opts = std::make_shared<std::pair<std::string, std::string>>("", "sql");
  auto* i = app.add_subcommand("init", "Create a new migration project in a folder");
  i->add_option("directory", opts->first, "the folder to create")->required();
  i->add_option("-t,--template", opts->second, "sql (default) or cpp; see list_templates");
  on_run(i, chosen, [opts](Context& ctx) { return init(ctx, opts->first, opts->second); });

  auto* l = app.add_subcommand("list_templates", "List the templates init can use");
  on_run(l, chosen, [](Context& ctx) { return list_templates(ctx); });
}

}  // namespace migrate::cli
