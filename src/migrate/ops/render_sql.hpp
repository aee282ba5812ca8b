// Rendering Operation values to PostgreSQL statements; one renderer for online and offline.
#pragma once
#include <string>
#include <vector>

#include <migrate/operation.hpp>

namespace migrate::ops {

// Statements without trailing semicolons; markers (autocommit) render to nothing.
std::vector<std::string> render_sql(const Operation& operation);

// A SQL literal: 'it''s', with E'' form when backslashes appear; NULL for nullopt.
std::string quote_literal(const std::optional<std::string>& value);

// An identifier, quoted only where PostgreSQL needs it.
std::string quote_ident(const std::string& name);

}  // namespace migrate::ops
