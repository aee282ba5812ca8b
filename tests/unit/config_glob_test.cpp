// The ini's glob patterns: `*` and `?`, anchored at both ends, and linear on long input.
#include <catch2/catch.hpp>

#include <string>

#include "migrate/config/glob.hpp"

using migrate::config::glob_match;

TEST_CASE("glob patterns match whole names with * and ?", "[config][glob]") {
  CHECK(glob_match("audit.*", "audit.audit_log"));
  CHECK(glob_match("audit.*", "audit."));
  CHECK_FALSE(glob_match("audit.*", "xaudit.t"));
  CHECK(glob_match("ecommerce.tmp_*", "ecommerce.tmp_import"));
  CHECK_FALSE(glob_match("ecommerce.tmp_*", "ecommerce.orders"));
  CHECK_FALSE(glob_match("ecommerce.tmp_*", "ecommerce.tmp"));
  CHECK(glob_match("*_old", "orders_old"));
  CHECK_FALSE(glob_match("*_old", "orders_old_2"));
  CHECK(glob_match("a*b*c", "axxbyyc"));
  CHECK(glob_match("a*b*c", "abbbc"));
  CHECK_FALSE(glob_match("a*b*c", "axxbyy"));
  CHECK(glob_match("t?", "t1"));
  CHECK_FALSE(glob_match("t?", "t"));
  CHECK_FALSE(glob_match("t?", "t12"));
  CHECK(glob_match("*", ""));
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "x"));
  CHECK(glob_match("orders", "orders"));
  CHECK_FALSE(glob_match("orders", "Orders"));
}

TEST_CASE("glob matching does not blow up on long input", "[config][glob]") {
  // A backtracking matcher without the single-star rule takes exponential time here.
  std::string text(100000, 'a');
  CHECK_FALSE(glob_match("*a*a*a*a*a*b", text));
  CHECK(glob_match("*a*a*a*a*a*", text));
}
