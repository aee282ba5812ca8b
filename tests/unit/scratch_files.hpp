// Scratch folders and ini files for the unit tests that read the file system (config, where
// compiled revisions belong): each under the temp dir, named by process and a counter.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace unit_test {

// A new empty folder.
inline std::filesystem::path fresh_dir() {
  static int n = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("migrate-unit-" + std::to_string(getpid()) + "-" + std::to_string(++n));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Writes `text` as migrate.ini in a fresh folder and returns its path.
inline std::string ini_file(const std::string& text) {
  auto file = fresh_dir() / "migrate.ini";
  std::ofstream(file) << text;
  return file.string();
}

}  // namespace unit_test
