// Gathering a project's revisions: the compiled ones that belong to a configured version
// location, the SQL ones read from those that exist (or, where one does not, embedded in the
// binary), and a check that nothing was missed.
#include "migrate/script/project.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <migrate/compiled_checksums.hpp>
#include <migrate/compiled_project.hpp>
#include <migrate/embedded_sql.hpp>
#include <migrate/error.hpp>

#include "migrate/script/compiled_location.hpp"
#include "migrate/script/python_revisions.hpp"
#include "migrate/script/source_checksum.hpp"
#include "migrate/script/sql_revision.hpp"
#include "migrate/script/text_file.hpp"

namespace fs = std::filesystem;

namespace migrate::script {

namespace {

// The missed rebuilds a carried revision (compiled or embedded) can show, worded once for both.
RevisionError gone(const std::string& id, const fs::path& file) {
  return RevisionError(
      fmt::format("revision {} is compiled into this binary but {} is gone: {}", id, file.string(), rebuild_advice()));
}
RevisionError changed_since_build(const fs::path& file) {
  return RevisionError(fmt::format("{} changed since this binary was built: {} before running revisions",
                                   file.string(), rebuild_advice()));
}

// A C++ revision's bytes as they are on disk, for comparing with what the binary was built from.
std::string file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

LoadedRevision compiled_revision(const CompiledRevision& c, std::string path) {
  graph::Revision meta{c.info.id, c.info.down, c.info.branch_labels, c.info.depends_on, c.info.message,
                       c.info.created, std::move(path)};
  for (const auto* value : {&c.info.lock_timeout, &c.info.statement_timeout})
    if (!value->empty() && !config::is_duration(*value))
      throw RevisionError(fmt::format("{}: lock_timeout and statement_timeout must be durations such as 5s, got '{}'",
                                      meta.path, *value));
  auto factory = c.make;
  const auto& checksums = compiled_checksums();
  auto checksum = checksums.find(c.source_file);
  return {std::move(meta),
          [factory](Ops& op, graph::Direction d) {
            auto m = factory();
            d == graph::Direction::Up ? m->upgrade(op) : m->downgrade(op);
          },
          {c.info.lock_timeout, c.info.statement_timeout},
          checksum == checksums.end() ? std::string() : checksum->second};
}

// A SQL revision from its text: a file as read, or what the binary embedded (`path` names it).
LoadedRevision sql_revision(const std::string& text, const std::string& path) {
  auto sql = std::make_shared<SqlRevision>(parse_sql_revision(text, path));
  return {sql->meta,
          [sql](Ops& op, graph::Direction d) {
            // Bodies are recorded before anything is sent, so this refuses the whole run.
            if (!sql->port_by_hand.empty())
              throw RevisionError(fmt::format("{} is marked `-- migrate:port-by-hand: {}`: port it by hand, then "
                                              "delete its port-by-hand lines",
                                              sql->meta.path, sql->port_by_hand.front()));
            auto run = [&] {
              for (const auto& s : d == graph::Direction::Up ? sql->up : sql->down) op.execute(s);
            };
            sql->transactional ? run() : op.autocommit_block(run);
          },
          {sql->lock_timeout, sql->statement_timeout},
          source_checksum(text)};
}

// Read once: the checksum is of exactly the text that runs.
LoadedRevision sql_revision(const fs::path& file) { return sql_revision(read_text_file(file.string()), file.string()); }

// Per location: does this binary carry its .sql revisions (a project built with EMBED_SQL)?
// Then a .sql there that it does not carry is a missed rebuild, as a .cpp is.
std::vector<char> embedding_locations(const std::vector<std::string>& locations, const std::vector<char>& claimable) {
  std::vector<char> embeds(locations.size());
  for (const auto& p : compiled_projects())
    if (auto i = claimed_location(locations, claimable, p.version_folder); i && p.embeds_sql) embeds[*i] = 1;
  return embeds;
}

std::vector<LoadedRevision> load_all(const config::Config& cfg, const std::vector<CompiledRevision>& compiled,
                                     bool may_be_new, Project::Use use, std::vector<std::string>& unbuilt) {
  const auto& locations = cfg.version_locations;
  std::vector<char> present(locations.size());
  for (size_t i = 0; i < locations.size(); ++i) present[i] = fs::is_directory(locations[i]);

  // The compiled set is authoritative; the folder, where it exists, must agree with it.
  std::vector<LoadedRevision> out;
  std::vector<std::set<std::string>> compiled_files(locations.size());
  const auto claimable = claimable_locations(locations);
  for (const auto& c : compiled) {
    auto where = split_compiled_path(c.source_file);
    auto i = claimed_location(locations, claimable, where.folder);
    if (!i) continue;  // a revision of another project (linked into the same binary, or an Alembic folder)
    compiled_files[*i].insert(where.file);
    fs::path file = fs::path(locations[*i]) / where.file;
    if (present[*i] && !fs::exists(file)) throw gone(c.info.id, file);
    auto loaded = compiled_revision(c, present[*i] ? file.string() : c.source_file + " (compiled in)");
    // Edited but not rebuilt: the binary would run the old body and record the new file's checksum.
    if (present[*i] && !loaded.checksum.empty() && source_checksum(file_bytes(file)) != loaded.checksum)
      throw changed_since_build(file);
    out.push_back(std::move(loaded));
  }

  // Embedded SQL revisions, by the same rule: from the binary where the location is not on
  // disk; where it is, each must be there as built (the files are read below).
  const auto embeds = embedding_locations(locations, claimable);
  std::vector<std::map<std::string, std::string>> embedded_checksums(locations.size());  // file -> checksum
  for (const auto& e : embedded_sql()) {
    auto where = split_compiled_path(e.source_file);
    auto i = claimed_location(locations, claimable, where.folder);
    if (!i) continue;
    if (!present[*i]) {
      out.push_back(sql_revision(e.text, e.source_file + " (embedded)"));
      continue;
    }
    fs::path file = fs::path(locations[*i]) / where.file;
    if (!fs::exists(file)) throw gone(parse_sql_revision(e.text, e.source_file).meta.id, file);
    embedded_checksums[*i][where.file] = source_checksum(e.text);
  }

  for (size_t i = 0; i < locations.size(); ++i) {
    if (!present[i]) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(locations[i]))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string name = file.filename().string();
      const bool cpp = file.extension() == ".cpp", sql = file.extension() == ".sql";
      if ((cpp && !compiled_files[i].count(name)) || (sql && embeds[i] && !embedded_checksums[i].count(name))) {
        // A missed rebuild: running would apply a partial graph. Reading may go on without it.
        if (use == Project::Use::Write)
          throw RevisionError(fmt::format(
              "{} is not compiled into this binary: {} before running revisions", file.string(), rebuild_advice()));
        unbuilt.push_back(file.string());
        continue;
      }
      if (!sql) continue;
      auto loaded = sql_revision(file);
      // Edited but not rebuilt: the binary carries other text than the file that is shown.
      if (embeds[i] && loaded.checksum != embedded_checksums[i][name]) throw changed_since_build(file);
      out.push_back(std::move(loaded));
    }
  }

  if (out.empty() && !may_be_new && std::none_of(present.begin(), present.end(), [](char p) { return p; }))
    throw ConfigError(fmt::format(
        "no revisions: version location {} does not exist and this binary holds no compiled revisions for it "
        "(check version_locations in {})",
        fmt::join(locations, ", "), cfg.file.empty() ? "the config" : cfg.file));
  return out;
}

}  // namespace

Project::Project(const config::Config& cfg, const std::vector<CompiledRevision>& compiled, bool may_be_new, Use use)
    : cfg_(cfg),
      version_table_{cfg.version_table, cfg.version_table_schema},
      history_table_(ops::HistoryTable::beside(version_table_)),
      map_([&] {
        auto loaded = load_all(cfg, compiled, may_be_new, use, unbuilt_);
        std::vector<graph::Revision> metas;
        metas.reserve(loaded.size());
        for (auto& r : loaded) {
          metas.push_back(r.meta);
          std::string id = r.meta.id;
          revisions_.emplace(id, std::move(r));  // a duplicate id is reported by the map
        }
        try {
          return graph::RevisionMap(std::move(metas));
        } catch (const RevisionError& e) {
          // A revision left out may be what the others name: say so beside the graph's error.
          if (unbuilt_.empty()) throw;
          throw RevisionError(fmt::format("{} ({} not compiled into this binary: {})", e.what(),
                                          fmt::join(unbuilt_, ", "), rebuild_advice()));
        }
      }()),
      unported_python_(script::unported_python(cfg.version_locations)) {}

const LoadedRevision& Project::revision(const std::string& id) const {
  auto it = revisions_.find(id);
  if (it == revisions_.end()) throw RevisionError(fmt::format("Can't locate revision identified by '{}'", id));
  return it->second;
}

}  // namespace migrate::script
