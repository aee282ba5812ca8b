// Alembic's generate_revision rules, then one writer for C++ and SQL revision files.
#include "migrate/script/generate_revision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <migrate/error.hpp>

#include "migrate/graph/revision_map.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/script/cpp_revision.hpp"
#include "migrate/script/python_revisions.hpp"
#include "migrate/script/revision_names.hpp"
#include "migrate/script/sql_revision.hpp"

namespace fs = std::filesystem;

namespace migrate::script {

namespace {

std::vector<std::string> down_revisions(const graph::RevisionMap& map, const RevisionRequest& r) {
  if (r.head == "base") return {};
  auto heads = map.heads();
  if (r.head == "head") {
    if (heads.size() > 1)
      throw RevisionError(
          "Multiple heads are present; please specify the head revision on which the new revision should be "
          "based, or perform a merge.");
    return heads;
  }
  auto named = graph::resolve_target(map, r.head);
  if (named.size() != 1) throw RevisionError(fmt::format("--head {} must name exactly one revision", r.head));
  const auto& rev = map.get(named[0]);
  if (!r.splice && std::find(heads.begin(), heads.end(), rev.id) == heads.end())
    throw RevisionError(fmt::format(
        "Revision {} is not a head revision; please specify --splice to create a new branch from this revision",
        rev.id));
  return {rev.id};
}

// A branch label stays as written, a prefix becomes the full id, and an unknown name fails
// now instead of writing a file that breaks the graph.
std::vector<std::string> resolve_depends_on(const graph::RevisionMap& map, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& name : names) {
    if (map.find_label(name) && !map.find(name)) {
      out.push_back(name);
      continue;
    }
    auto ids = graph::resolve_target(map, name);
    if (ids.size() != 1) throw RevisionError(fmt::format("--depends-on {} must name exactly one revision", name));
    out.push_back(ids[0]);
  }
  return out;
}

// Operations as the statements of a SQL revision section, one per line group.
std::string statements(const std::vector<Operation>& operations) {
  std::string out;
  for (const auto& operation : operations) {
    if (const auto* note = std::get_if<op::Note>(&operation)) {
      out += "-- ";
      for (char c : note->text) out += c == '\n' ? std::string("\n-- ") : std::string(1, c);
      out += "\n";
    }
    for (const auto& sql : ops::render_sql(operation)) out += sql + ";\n";
  }
  return out;
}

// Paths compared as Alembic does: absolute (from the current folder) and normalised.
fs::path normalised(const fs::path& p) {
  fs::path n = fs::absolute(p).lexically_normal();
  return n.has_filename() ? n : n.parent_path();  // "versions/" is "versions"
}

bool is_version_location(const std::vector<std::string>& locations, const fs::path& folder) {
  auto wanted = normalised(folder);
  return std::any_of(locations.begin(), locations.end(),
                     [&](const std::string& l) { return normalised(l) == wanted; });
}

bool has_autocommit(const std::vector<Operation>& operations) {
  return std::any_of(operations.begin(), operations.end(),
                     [](const Operation& o) { return std::holds_alternative<op::BeginAutocommit>(o); });
}

GeneratedRevision write(const Project& project, graph::Revision meta, const RevisionRequest& r) {
  const auto& cfg = project.config();
  if (meta.id.empty()) meta.id = new_revision_id();
  if (meta.id.size() > 32) throw UsageError(fmt::format("revision id '{}' is longer than 32 characters", meta.id));
  if (project.map().contains(meta.id))
    throw RevisionError(fmt::format("Revision {} is present more than once", meta.id));
  if (meta.message.find('\n') != std::string::npos) throw UsageError("the message must be one line");
  // The graph's own rules (characters the target grammar uses, reserved names, labels): a
  // file they refuse would make every later command fail to load the project.
  {
    auto revisions = project.map().revisions();
    revisions.push_back(meta);
    graph::RevisionMap with_new(std::move(revisions));
  }
  auto when = now(cfg.timezone);
  meta.create_date = create_date(when);
  fs::path folder = r.folder.empty() ? fs::path(cfg.version_locations.front()) : fs::path(r.folder);
  // As Alembic: a file outside every version location would be written and never read back.
  if (!r.folder.empty() && !is_version_location(cfg.version_locations, folder))
    throw UsageError(fmt::format("Path {} is not represented in current version locations", r.folder));
  // A new root beside the team's .py revisions would fork the history Alembic knows.
  if (auto python = unported_python({folder.string()}); !python.empty())
    throw RevisionError(fmt::format("refusing to write a revision: {}", unported_notice(python)));
  fs::create_directories(folder);
  fs::path path = folder / (file_name(cfg.file_template, meta.id, slugify(meta.message, cfg.truncate_slug_length), when) +
                            (r.sql ? ".sql" : ".cpp"));
  if (fs::exists(path)) throw UsageError(fmt::format("{} already exists", path.string()));
  meta.path = path.string();
  std::ofstream out(path);
  if (r.sql) {
    // A SQL revision runs in one transaction or none: outside one if any operation must.
    bool transactional = !has_autocommit(r.upgrade) && !has_autocommit(r.downgrade);
    out << sql_revision_text(meta, statements(r.upgrade), statements(r.downgrade), transactional);
  } else {
    out << cpp_revision_text(meta, r.upgrade, r.downgrade);
  }
  out.close();
  if (!out) throw UsageError(fmt::format("cannot write {}", path.string()));
  return {path.string(), std::move(meta)};
}

}  // namespace

GeneratedRevision generate_revision(const Project& project, const RevisionRequest& request) {
  graph::Revision meta;
  meta.id = request.id;
  meta.message = request.message;
  meta.down_revisions = down_revisions(project.map(), request);
  meta.branch_labels = request.branch_labels;
  meta.depends_on = resolve_depends_on(project.map(), request.depends_on);
  return write(project, std::move(meta), request);
}

GeneratedRevision generate_merge(const Project& project, const std::vector<std::string>& revisions,
                                 RevisionRequest request) {
  std::vector<std::string> down;
  for (const auto& r : revisions)
    for (const auto& id : graph::resolve_target(project.map(), r)) down.push_back(id);
  std::sort(down.begin(), down.end());
  down.erase(std::unique(down.begin(), down.end()), down.end());
  if (down.size() < 2)
    throw RevisionError(
        fmt::format("merge needs two or more revisions; '{}' names {}", fmt::join(revisions, " "), down.size()));
  graph::Revision meta;
  meta.id = request.id;
  meta.message = request.message;
  meta.down_revisions = std::move(down);
  meta.branch_labels = request.branch_labels;
  return write(project, std::move(meta), request);
}

}  // namespace migrate::script
