// Rendering Operation values to PostgreSQL statements; one renderer for online and offline.
#pragma once
#include <string>
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/ops/quote.hpp"

namespace migrate::ops {

// Statements without trailing semicolons; markers (autocommit) render to nothing.
std::vector<std::string> render_sql(const Operation& operation);

// A bulk_insert value as a SQL literal (text() values verbatim).
std::string value_literal(const Value& value);

// One column definition as CREATE TABLE and ADD COLUMN write it (comments excluded: they
// are separate COMMENT ON statements).
std::string column_definition(const Column& column, bool inline_primary_key = true);

// One table constraint: CONSTRAINT name UNIQUE (a, b) ...
std::string constraint_definition(const Constraint& constraint, bool with_not_valid);

}  // namespace migrate::ops
