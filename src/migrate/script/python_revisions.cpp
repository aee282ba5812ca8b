// Finding Alembic's .py revisions that have no SQL counterpart yet, and saying so.
#include "migrate/script/python_revisions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace migrate::script {

bool is_python_revision(const fs::path& file) {
  const std::string name = file.filename().string();
  return file.extension() == ".py" && name.rfind("__init__", 0) != 0 && name.rfind(".#", 0) != 0;
}

std::vector<std::string> unported_python(const std::vector<std::string>& locations) {
  std::set<std::string> sql_stems;
  std::vector<fs::path> python;
  for (const auto& location : locations) {
    std::error_code ec;
    if (!fs::is_directory(location, ec)) continue;
    for (const auto& entry : fs::directory_iterator(location, ec)) {
      if (!entry.is_regular_file(ec)) continue;
      const auto& file = entry.path();
      if (file.extension() == ".sql") sql_stems.insert(file.stem().string());
      if (is_python_revision(file)) python.push_back(file);
    }
  }
  std::vector<std::string> out;
  for (const auto& file : python)
    if (!sql_stems.count(file.stem().string())) out.push_back(file.string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string unported_notice(const std::vector<std::string>& files) {
  std::set<std::string> folders;
  for (const auto& f : files) folders.insert(fs::path(f).parent_path().string());
  bool one = files.size() == 1;
  return fmt::format("{} Alembic revision{} (.py) in {} {} not run by migrate: convert {} with `migrate import alembic`",
                     files.size(), one ? "" : "s", fmt::join(folders, ", "), one ? "is" : "are", one ? "it" : "them");
}

std::optional<std::string> python_defining(const std::vector<std::string>& files, const std::string& id) {
  if (id.empty()) return std::nullopt;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    // Alembic's template writes `revision = 'id'` (or with a type annotation, or "id").
    for (const std::string& quoted : {"'" + id + "'", "\"" + id + "\""})
      for (auto at = s.find(quoted); at != std::string::npos; at = s.find(quoted, at + 1)) {
        auto line_start = s.rfind('\n', at);
        std::string head = s.substr(line_start == std::string::npos ? 0 : line_start + 1,
                                    at - (line_start == std::string::npos ? 0 : line_start + 1));
        bool assigns = head.rfind("revision", 0) == 0 && head.size() > 8 && (head[8] == ' ' || head[8] == ':' ||
                                                                          head[8] == '=');
        if (assigns && head.find('=') != std::string::npos) return file;
      }
  }
  return std::nullopt;
}

}  // namespace migrate::script
