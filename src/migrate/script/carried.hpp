// What a binary carries (`migrate --version -v`): its compiled and embedded revisions, the
// heads they make, and a build id that names that content.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <migrate/embedded_sql.hpp>
#include <migrate/revision.hpp>

#include "migrate/graph/revision_map.hpp"

namespace migrate::script {

struct Carried {
  std::size_t compiled = 0;  // C++ revisions
  std::size_t embedded = 0;  // plain SQL revisions (EMBED_SQL)
  // The newest: the heads of the graph the carried revisions make on their own, by id.
  std::vector<graph::Revision> heads;
  // Why they make none (a compiled revision built on a .sql the binary does not carry);
  // empty when heads holds the answer.
  std::string graph_error;
  // 12 hex digits of SHA-256 over the tool's version and each carried revision's path and
  // checksum, sorted: two binaries carrying the same revisions show the same id, whatever
  // machine, folder or order built them; any revision changed, added or removed changes it.
  std::string build_id;
};

// `checksums`: compiled_checksums() (a compiled revision without one counts by its id).
Carried carried(const std::vector<CompiledRevision>& compiled, const std::map<std::string, std::string>& checksums,
                const std::vector<EmbeddedSql>& embedded);

}  // namespace migrate::script
