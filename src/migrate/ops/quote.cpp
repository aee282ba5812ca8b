// Quoting of identifiers and literals: the only way names and values reach SQL text.
#include <fmt/format.h>

#include "migrate/ops/keywords.hpp"
#include "migrate/ops/quote.hpp"

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

// Mirrors PostgreSQL's quote_identifier(): bare only when the name is lower-case ASCII letters,
// digits and underscores, does not start with a digit and is not a keyword that would parse
// as something else. Anything else (upper case, unicode, spaces, quotes) is double-quoted.
std::string quote_ident(const std::string& name) {
  bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) safe = false;
  }
  if (safe && !needs_quoting_as_keyword(name)) return name;
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

std::string quote_name(const QualifiedName& name) {
  if (name.schema.empty()) return quote_ident(name.name);
  return quote_ident(name.schema) + "." + quote_ident(name.name);
}

}  // namespace migrate::ops
