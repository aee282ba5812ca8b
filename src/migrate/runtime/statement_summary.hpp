// A statement shortened for a one-line message: its first line, cut to a readable length.
#pragma once
#include <string>

namespace migrate::runtime {

// The first non-blank line of `sql`, blanks around it trimmed, at most `width` characters
// with " ..." when anything is left out (the rest of the line, further lines, or
// everything from the word PASSWORD on). Never cuts a UTF-8 character in two.
std::string statement_summary(const std::string& sql, std::size_t width = 60);

// What a failed statement adds to its one-line error: " (statement: CREATE TABLE t (id int))",
// or, when the summary leaves something out, " (statement: CREATE TABLE t ...; --raiseerr
// shows it whole)". Empty for an empty statement.
std::string statement_in_error(const std::string& sql);

}  // namespace migrate::runtime
