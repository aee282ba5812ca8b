// Reading and writing plain SQL revision files; statements are split by libpg_query, never by hand.
#include "migrate/script/sql_revision.hpp"

#include <fmt/format.h>
#include <pg_query.h>

#include <sstream>
#include <string_view>

#include <migrate/error.hpp>

#include "migrate/config/config.hpp"
#include "migrate/script/text_file.hpp"

namespace migrate::script {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string> split_list(const std::string& v) {
  std::vector<std::string> out;
  std::stringstream in(v);
  for (std::string item; std::getline(in, item, ',');)
    if (auto t = trim(item); !t.empty()) out.push_back(t);
  return out;
}

// The header grammar, read and written here only.
constexpr const char* up_marker = "-- migrate:up";
constexpr const char* down_marker = "-- migrate:down";
// An imported revision a person must port before it may run: one line per reason.
constexpr std::string_view port_marker = "-- migrate:port-by-hand:";

int line_at(const std::string& text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

}  // namespace

std::vector<std::string> split_statements(const std::string& sql, const std::string& file, int first_line) {
  PgQuerySplitResult result = pg_query_split_with_parser(sql.c_str());
  std::vector<std::string> statements;
  if (result.error) {
    // cursorpos is 1-based, in bytes.
    int line = first_line + line_at(sql, result.error->cursorpos > 0 ? result.error->cursorpos - 1 : 0) - 1;
    std::string message = result.error->message;
    pg_query_free_split_result(result);
    throw RevisionError(fmt::format("{}:{}: {}", file, line, message));
  }
  for (int i = 0; i < result.n_stmts; ++i) {
    auto* s = result.stmts[i];
    std::string text = trim(sql.substr(static_cast<size_t>(s->stmt_location), static_cast<size_t>(s->stmt_len)));
    // A leading comment is part of the next statement's span; a span of only comments
    // would be an empty statement for the server.
    if (!text.empty()) statements.push_back(text);
  }
  pg_query_free_split_result(result);
  return statements;
}

SqlRevision read_sql_revision(const std::string& path) { return parse_sql_revision(read_text_file(path), path); }

SqlRevision parse_sql_revision(const std::string& text, const std::string& path) {
  require_text(text, path);
  std::istringstream in(text);
  SqlRevision rev;
  rev.meta.path = path;
  enum class Section { Header, Up, Down } section = Section::Header;
  std::string up, down, line;
  int up_line = 0, down_line = 0;
  bool seen_revision = false, seen_down = false;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string t = trim(line);
    if (t == up_marker) {
      if (section != Section::Header) throw RevisionError(fmt::format("{}:{}: second '-- migrate:up'", path, n));
      section = Section::Up;
      up_line = n + 1;
      continue;
    }
    if (t == down_marker) {
      if (section != Section::Up)
        throw RevisionError(fmt::format("{}:{}: '-- migrate:down' must follow '-- migrate:up'", path, n));
      section = Section::Down;
      down_line = n + 1;
      continue;
    }
    if (section == Section::Up) { up += line + "\n"; continue; }
    if (section == Section::Down) { down += line + "\n"; continue; }
    if (t.empty()) continue;
    if (t.rfind("--", 0) != 0)
      throw RevisionError(fmt::format("{}:{}: SQL before '-- migrate:up'", path, n));
    if (t.rfind(port_marker, 0) == 0) {
      rev.port_by_hand.push_back(trim(t.substr(port_marker.size())));
      continue;
    }
    auto colon = t.find(':');
    if (colon == std::string::npos) continue;  // a plain comment in the header
    std::string key = trim(t.substr(2, colon - 2));
    std::string value = trim(t.substr(colon + 1));
    if (key == "revision") { rev.meta.id = value; seen_revision = true; }
    else if (key == "down_revision" || key == "revises") { rev.meta.down_revisions = split_list(value); seen_down = true; }
    else if (key == "branch_labels") rev.meta.branch_labels = split_list(value);
    else if (key == "depends_on") rev.meta.depends_on = split_list(value);
    else if (key == "message") rev.meta.message = value;
    else if (key == "create_date") rev.meta.create_date = value;
    else if (key == "transactional") {
      if (value != "true" && value != "false")
        throw RevisionError(fmt::format("{}:{}: transactional must be true or false", path, n));
      rev.transactional = value == "true";
    }
    else if (key == "lock_timeout" || key == "statement_timeout") {
      if (!config::is_duration(value))
        throw RevisionError(fmt::format("{}:{}: {} must be a duration such as 5s, 500ms or 2min, got '{}'", path, n,
                                        key, value));
      (key == "lock_timeout" ? rev.lock_timeout : rev.statement_timeout) = value;
    }
    else throw RevisionError(fmt::format("{}:{}: unknown header key '{}'", path, n, key));
  }
  if (!seen_revision || rev.meta.id.empty()) throw RevisionError(fmt::format("{}: no '-- revision:' header", path));
  if (rev.meta.id.size() > 32)
    throw RevisionError(fmt::format("{}: revision id '{}' is longer than 32 characters", path, rev.meta.id));
  if (!seen_down) throw RevisionError(fmt::format("{}: no '-- down_revision:' header (leave it empty for a base)", path));
  if (section == Section::Header) throw RevisionError(fmt::format("{}: no '-- migrate:up' section", path));
  rev.up = split_statements(up, path, up_line);
  rev.down = split_statements(down, path, down_line);
  return rev;
}

std::string sql_revision_text(const graph::Revision& meta, const std::string& up_sql, const std::string& down_sql,
                              bool transactional, const std::vector<std::string>& port_by_hand) {
  auto list = [](const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ", ")); };
  std::string out;
  for (const auto& reason : port_by_hand) out += fmt::format("{} {}\n", port_marker, reason);
  out += fmt::format("-- revision: {}\n-- down_revision: {}\n", meta.id, list(meta.down_revisions));
  if (!meta.branch_labels.empty()) out += fmt::format("-- branch_labels: {}\n", list(meta.branch_labels));
  if (!meta.depends_on.empty()) out += fmt::format("-- depends_on: {}\n", list(meta.depends_on));
  out += fmt::format("-- message: {}\n-- create_date: {}\n", meta.message, meta.create_date);
  if (!transactional) out += "-- transactional: false\n";
  return out + fmt::format("{}\n{}\n{}\n{}\n", up_marker, up_sql, down_marker, down_sql);
}

}  // namespace migrate::script
