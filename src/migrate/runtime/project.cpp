// Gathering a project's revisions: compiled ones from this binary that belong to the
// configured folders, SQL ones read from them, and a check that nothing was missed.
#include "migrate/runtime/project.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include <migrate/error.hpp>

#include "migrate/runtime/sql_revision.hpp"

namespace fs = std::filesystem;

namespace migrate::runtime {

namespace {

std::string canonical_or_normal(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return (ec ? p.lexically_normal() : c).string();
}

graph::Revision meta_of(const CompiledRevision& c) {
  return {c.info.id, c.info.down, c.info.branch_labels, c.info.depends_on, c.info.message, c.info.created,
          c.source_file};
}

std::vector<LoadedRevision> load_all(const config::Config& cfg, const std::vector<CompiledRevision>& compiled) {
  std::vector<LoadedRevision> out;
  std::set<std::string> compiled_files;
  for (const auto& folder : cfg.version_locations) {
    std::string dir = canonical_or_normal(folder);
    for (const auto& c : compiled) {
      fs::path file(c.source_file);
      if (canonical_or_normal(file.parent_path()) != dir) continue;
      std::string canonical = canonical_or_normal(file);
      compiled_files.insert(canonical);
      if (!fs::exists(file))
        throw RevisionError(fmt::format(
            "revision {} is compiled into this binary but {} is gone: rebuild (just build)", c.info.id, c.source_file));
      auto factory = c.make;
      out.push_back({meta_of(c), "cpp", [factory](Ops& op, graph::Direction d) {
                       auto m = factory();
                       d == graph::Direction::Up ? m->upgrade(op) : m->downgrade(op);
                     }});
    }
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (file.extension() == ".cpp" && !compiled_files.count(canonical_or_normal(file)))
        throw RevisionError(fmt::format(
            "{} is not compiled into this binary: rebuild (just build) before running revisions", file.string()));
      if (file.extension() != ".sql") continue;
      auto sql = std::make_shared<SqlRevision>(read_sql_revision(file.string()));
      out.push_back({sql->meta, "sql", [sql](Ops& op, graph::Direction d) {
                       auto run = [&] {
                         for (const auto& s : d == graph::Direction::Up ? sql->up : sql->down) op.execute(s);
                       };
                       sql->transactional ? run() : op.autocommit_block(run);
                     }});
    }
  }
  return out;
}

std::vector<graph::Revision> metas(const std::vector<LoadedRevision>& revs) {
  std::vector<graph::Revision> out;
  out.reserve(revs.size());
  for (const auto& r : revs) out.push_back(r.meta);
  return out;
}

}  // namespace

Project::Project(const config::Config& cfg, const std::vector<CompiledRevision>& compiled)
    : cfg_(cfg), map_([&] {
        auto loaded = load_all(cfg, compiled);
        auto m = metas(loaded);
        for (auto& r : loaded) {
          std::string id = r.meta.id;
          if (!revisions_.emplace(id, std::move(r)).second) continue;  // the map reports duplicates
        }
        return graph::RevisionMap(std::move(m));
      }()) {}

const LoadedRevision& Project::revision(const std::string& id) const {
  auto it = revisions_.find(id);
  if (it == revisions_.end()) throw RevisionError(fmt::format("Can't locate revision identified by '{}'", id));
  return it->second;
}

}  // namespace migrate::runtime
