// Matching compiled revisions to version locations by trailing path components.
#include "migrate/script/compiled_location.hpp"

#include <filesystem>

#include "migrate/script/python_revisions.hpp"

namespace fs = std::filesystem;

namespace migrate::script {

CompiledPath split_compiled_path(const std::string& source) {
  fs::path p = fs::path(source).lexically_normal();
  return {p.parent_path().string(), p.filename().string()};
}

std::optional<size_t> matching_location(const std::vector<std::string>& locations, const std::string& folder) {
  fs::path key = fs::path(folder).lexically_normal();
  for (size_t i = 0; i < locations.size(); ++i) {
    fs::path location = fs::path(locations[i]).lexically_normal();
    if (location.filename().empty()) location = location.parent_path();  // "dir/" as "dir"
    if (key.is_absolute()) {
      if (location == key) return i;
      continue;
    }
    // Compare from the end: every component of the key must match.
    std::vector<fs::path> want(key.begin(), key.end());
    std::vector<fs::path> have(location.begin(), location.end());
    if (want.empty() || want.size() > have.size()) continue;
    if (std::equal(want.rbegin(), want.rend(), have.rbegin())) return i;
  }
  return std::nullopt;
}

std::vector<char> claimable_locations(const std::vector<std::string>& locations) {
  std::vector<char> claimable(locations.size(), 1);
  for (size_t i = 0; i < locations.size(); ++i) {
    std::error_code ec;
    if (!fs::is_directory(locations[i], ec)) continue;
    bool cpp = false, python = false;
    for (const auto& entry : fs::directory_iterator(locations[i], ec)) {
      if (!entry.is_regular_file(ec)) continue;
      cpp = cpp || entry.path().extension() == ".cpp";
      python = python || is_python_revision(entry.path());
    }
    claimable[i] = cpp || !python;
  }
  return claimable;
}

std::optional<size_t> claimed_location(const std::vector<std::string>& locations, const std::vector<char>& claimable,
                                       const std::string& folder) {
  auto i = matching_location(locations, folder);
  if (i && !claimable[*i]) return std::nullopt;
  return i;
}

}  // namespace migrate::script
