// PostgreSQL rendering of every Operation.
#include "migrate/ops/render_sql.hpp"

#include <fmt/format.h>

#include <migrate/error.hpp>

namespace migrate::ops {

std::string quote_literal(const std::optional<std::string>& value) {
  if (!value) return "NULL";
  std::string out;
  bool backslash = value->find('\\') != std::string::npos;
  out += backslash ? "E'" : "'";
  for (char c : *value) {
    if (c == '\'') out += "''";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  out += '\'';
  return out;
}

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

namespace {

// Substitutes $1..$n with literals so the same text serves online and offline runs.
std::string bind_params(const op::Execute& e) {
  if (e.params.empty()) return e.sql;
  std::string out;
  for (size_t i = 0; i < e.sql.size(); ++i) {
    if (e.sql[i] == '$' && i + 1 < e.sql.size() && std::isdigit(static_cast<unsigned char>(e.sql[i + 1]))) {
      size_t j = i + 1;
      size_t n = 0;
      while (j < e.sql.size() && std::isdigit(static_cast<unsigned char>(e.sql[j]))) n = n * 10 + (e.sql[j++] - '0');
      if (n == 0 || n > e.params.size())
        throw RevisionError(fmt::format("execute(): parameter ${} has no bound value", n));
      out += quote_literal(e.params[n - 1]);
      i = j - 1;
    } else {
      out += e.sql[i];
    }
  }
  return out;
}

struct Renderer {
  std::vector<std::string> operator()(const op::Execute& e) const { return {bind_params(e)}; }
  std::vector<std::string> operator()(const op::BeginAutocommit&) const { return {}; }
  std::vector<std::string> operator()(const op::EndAutocommit&) const { return {}; }
};

}  // namespace

std::vector<std::string> render_sql(const Operation& operation) {
  return std::visit(Renderer{}, operation);
}

}  // namespace migrate::ops
