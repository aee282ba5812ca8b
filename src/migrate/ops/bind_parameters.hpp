// op.execute(sql, params): the `$n` placeholders PostgreSQL's own scanner finds, replaced by
// literals, so the one rendered text serves online and offline runs.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace migrate::ops {

// `sql` with each parameter token `$n` replaced by quote_literal(values[n - 1]); `$1` inside
// a string ('', E'', $tag$ bodies), a quoted identifier or a comment is text and stays.
// No values: `sql` unchanged (unscanned), since `PREPARE p AS ... $1` and a SQL-standard
// function body (`RETURN $1 + 1`) use parameters of their own. Throws RevisionError for a
// `$n` with no value, or SQL the scanner cannot read (an unterminated string).
std::string bind_parameters(const std::string& sql, const std::vector<std::optional<std::string>>& values);

}  // namespace migrate::ops
