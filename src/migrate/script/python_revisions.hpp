// Alembic's Python revisions left in a version location: migrate runs none of them, so
// every command says so (`migrate import alembic` turns them into SQL revisions).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace migrate::script {

// A file Alembic would load as a revision: `*.py`, not `__init__.py`, not an editor lock file
// `.#x.py` (Alembic's _only_source_rev_file).
bool is_python_revision(const std::filesystem::path& file);

// The `*.py` files in `locations` that Alembic would load as revisions (not `__init__.py`,
// not editor lock files `.#x.py`) and that no `.sql` of the same stem in any of `locations`
// ports; sorted. A missing location holds none.
std::vector<std::string> unported_python(const std::vector<std::string>& locations);

// "2 Alembic revisions (.py) in alembic/versions are not run by migrate: convert them with
// `migrate import alembic`": the one sentence every warning and refusal uses.
std::string unported_notice(const std::vector<std::string>& files);

// Which of `files` assigns `id` as its revision (`revision = 'id'`), if any: an unknown
// version row is then most likely that unported revision.
std::optional<std::string> python_defining(const std::vector<std::string>& files, const std::string& id);

}  // namespace migrate::script
