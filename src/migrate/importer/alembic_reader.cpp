// Running the reader script with Alembic's interpreter and turning its JSON into revisions.
#include "migrate/importer/alembic_reader.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include <migrate/error.hpp>

#include "migrate/importer/child_process.hpp"
#include "migrate/importer/reader_script.hpp"

namespace fs = std::filesystem;

namespace migrate::importer {

namespace {

std::vector<std::string> strings(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (value.is_array())
    for (const auto& v : value) out.push_back(v.get<std::string>());
  return out;
}

std::string text(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : ""; }

std::optional<std::string> optional_text(const nlohmann::json& value) {
  if (!value.is_string()) return std::nullopt;
  return value.get<std::string>();
}

// The last non-empty line of a program's stderr: Python's exception line.
std::string last_line(const std::string& text) {
  auto end = text.find_last_not_of(" \n\r\t");
  if (end == std::string::npos) return "";
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// Taken by value: operator[] then gives null for a missing field instead of undefined behaviour;
// a field of another type is a json::exception, for which the caller reports the run's stderr.
AlembicProject project_from(nlohmann::json doc, const std::string& ini) {
  if (doc.contains("fatal")) throw RevisionError(fmt::format("Alembic cannot read {}: {}", ini, text(doc["fatal"])));
  AlembicProject project;
  project.version_table = text(doc["version_table"]);
  project.version_table_schema = text(doc["version_table_schema"]);
  for (auto& r : doc["revisions"]) {
    AlembicRevision rev;
    rev.meta.id = text(r["id"]);
    rev.meta.path = text(r["path"]);
    rev.meta.down_revisions = strings(r["down_revisions"]);
    rev.meta.branch_labels = strings(r["branch_labels"]);
    rev.meta.depends_on = strings(r["depends_on"]);
    rev.meta.message = text(r["message"]);
    rev.meta.create_date = text(r["create_date"]);
    rev.port_by_hand = strings(r["port_by_hand"]);
    rev.up_sql = optional_text(r["up"]);
    rev.down_sql = optional_text(r["down"]);
    rev.render_error = text(r["error"]);
    project.revisions.push_back(std::move(rev));
  }
  return project;
}

}  // namespace

std::string alembic_python(const std::string& alembic_path) {
  std::ifstream in(alembic_path);
  std::string first;
  std::getline(in, first);
  if (first.rfind("#!", 0) == 0) {
    std::string interpreter = first.substr(2, first.find_first_of(" \t\r", 2) - 2);
    if (!interpreter.empty() && interpreter.front() == '/' && fs::path(interpreter).filename() != "env") return interpreter;
  }
  return "python3";
}

AlembicProject read_alembic_project(const std::string& ini, const std::string& section) {
  std::string alembic = find_on_path("alembic");
  if (alembic.empty())
    throw ConfigError("`alembic` is not on PATH: migrate import alembic renders revisions with Alembic itself "
                      "(apt-get install alembic)");
  std::string python = alembic_python(alembic);
  if (python.front() == '/' ? !fs::exists(python) : find_on_path(python).empty())
    throw ConfigError(fmt::format("{} (the Python that runs {}) is not installed", python, alembic));
  fs::path ini_path = fs::absolute(ini);
  auto run = run_process({python, "-c", reader_script, ini_path.string(), section}, ini_path.parent_path().string());
  try {
    return project_from(nlohmann::json::parse(run.out), ini_path.string());
  } catch (const nlohmann::json::exception&) {
    throw RevisionError(fmt::format("reading {} with {} failed (exit {}): {}", ini_path.string(), python,
                                    run.exit_code, last_line(run.err)));
  }
}

}  // namespace migrate::importer
