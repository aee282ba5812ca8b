// Shared set-up for CLI tests: the repository's own project, or a scratch project of
// plain SQL revisions, each pointed at a fresh test database.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "support/run_binary.hpp"
#include "support/test_db.hpp"
#include "test_config.hpp"

namespace cli_test {

inline std::string repo_ini() { return std::string(test_config::source_dir) + "/migrate.ini"; }

// `migrate -c <repo>/migrate.ini --url <db> args...`
inline test_support::Result run_repo(const test_support::TestDatabase& db, std::vector<std::string> args) {
  std::vector<std::string> full{"-c", repo_ini(), "--url", db.url()};
  full.insert(full.end(), args.begin(), args.end());
  return test_support::run_migrate(full);
}

// A scratch project: migrate.ini + versions/ holding the given SQL revision files.
struct SqlProject {
  test_support::TempDir dir;
  explicit SqlProject(const std::string& extra_ini = "") {
    dir.write("migrate.ini", "[migrate]\nversion_locations = %(here)s/versions\n" + extra_ini);
  }
  void revision(const std::string& file, const std::string& id, const std::string& down, const std::string& up_sql,
                const std::string& down_sql, const std::string& message = "") const {
    dir.write("versions/" + file, "-- revision: " + id + "\n-- down_revision: " + down + "\n-- message: " +
                                      (message.empty() ? id : message) + "\n-- migrate:up\n" + up_sql +
                                      "\n-- migrate:down\n" + down_sql + "\n");
  }
  test_support::Result run(const test_support::TestDatabase& db, std::vector<std::string> args) const {
    std::vector<std::string> full{"-c", dir.path() + "/migrate.ini", "--url", db.url()};
    full.insert(full.end(), args.begin(), args.end());
    return test_support::run_migrate(full);
  }
};

// The built binary copied into `dir`, as a deploy step copies it; returns its path.
inline std::string copy_binary(const test_support::TempDir& dir) {
  std::string bin = dir.path() + "/migrate";
  std::filesystem::copy_file(test_config::migrate_bin, bin);
  return bin;
}

// The repository's migrate.ini and migrations/ (revisions and env.cpp) copied into `dir`:
// a moved checkout, where the copied binary may write and read revision files.
inline void copy_checkout(const test_support::TempDir& dir) {
  namespace fs = std::filesystem;
  fs::copy_file(repo_ini(), dir.path() + "/migrate.ini");
  fs::copy(std::string(test_config::source_dir) + "/migrations", dir.path() + "/migrations",
           fs::copy_options::recursive);
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline int lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace cli_test
