// Shell-style patterns for the ini's lists of names (exclude_tables = audit.*, ecommerce.tmp_*).
#pragma once
#include <string_view>

namespace migrate::config {

// `*` matches any run of characters (also none), `?` one character; everything else itself.
// Linear in practice and never recursive, whatever the input (no std::regex: CONVENTIONS).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace migrate::config
