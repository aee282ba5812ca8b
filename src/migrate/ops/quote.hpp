// Quoting identifiers and literals: the only way names and values reach SQL text.
#pragma once
#include <optional>
#include <string>

#include <migrate/types.hpp>

namespace migrate::ops {

// A SQL literal: 'it''s', with E'' form when backslashes appear; NULL for nullopt.
std::string quote_literal(const std::optional<std::string>& value);

// An identifier, quoted only where PostgreSQL needs it.
std::string quote_ident(const std::string& name);

// schema.name, each part quoted only where needed; just the name when the schema is empty.
std::string quote_name(const QualifiedName& name);

}  // namespace migrate::ops
