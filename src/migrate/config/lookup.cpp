// The upward search for migrate.ini / alembic.ini.
#include "migrate/config/lookup.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace migrate::config {

std::optional<std::string> find_config_file(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (ec) return std::nullopt;
  while (true) {
    for (const char* name : {"migrate.ini", "alembic.ini"})
      if (fs::is_regular_file(dir / name, ec)) return (dir / name).string();
    if (!dir.has_relative_path()) return std::nullopt;  // the root
    dir = dir.parent_path();
  }
}

}  // namespace migrate::config
