// Summarising what a binary carries: counts, heads, and the id of that content.
#include "migrate/script/carried.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <migrate/error.hpp>
#include <migrate/version.hpp>

#include "migrate/script/sha256.hpp"
#include "migrate/script/source_checksum.hpp"
#include "migrate/script/sql_revision.hpp"

namespace migrate::script {

Carried carried(const std::vector<CompiledRevision>& compiled, const std::map<std::string, std::string>& checksums,
                const std::vector<EmbeddedSql>& embedded) {
  Carried out{compiled.size(), embedded.size(), {}, {}, {}};
  std::vector<graph::Revision> metas;
  std::vector<std::string> lines;  // "<path> <checksum>", sorted for the build id
  for (const auto& c : compiled) {
    metas.push_back({c.info.id, c.info.down, c.info.branch_labels, c.info.depends_on, c.info.message, c.info.created,
                     c.source_file});
    auto checksum = checksums.find(c.source_file);
    lines.push_back(c.source_file + ' ' + (checksum == checksums.end() ? "id:" + c.info.id : checksum->second));
  }
  for (const auto& e : embedded) {
    lines.push_back(e.source_file + ' ' + source_checksum(e.text));
    try {
      metas.push_back(parse_sql_revision(e.text, e.source_file + " (embedded)").meta);
    } catch (const Error& error) {
      out.graph_error = error.what();  // refused at build time already; say so rather than fail
    }
  }
  std::sort(lines.begin(), lines.end());
  out.build_id = sha256_hex(fmt::format("migrate {}\n{}\n", tool_version(), fmt::join(lines, "\n"))).substr(0, 12);

  if (out.graph_error.empty()) {
    try {
      graph::RevisionMap map(metas);
      for (const auto& id : map.heads()) out.heads.push_back(map.get(id));
    } catch (const Error& error) {
      out.graph_error = error.what();
    }
  }
  return out;
}

}  // namespace migrate::script
