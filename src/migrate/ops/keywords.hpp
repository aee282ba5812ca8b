// Which words PostgreSQL reserves in identifier position.
#pragma once
#include <string_view>

namespace migrate::ops {

// True for PostgreSQL 15 keywords that are not "unreserved": as a bare identifier they are
// a syntax error or mean something else, so quote_ident() must quote them.
bool needs_quoting_as_keyword(std::string_view lower_case_word);

}  // namespace migrate::ops
