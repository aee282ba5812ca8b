// Literal and identifier quoting: the only way values and names reach SQL text.
#include <catch2/catch.hpp>

#include "migrate/ops/render_sql.hpp"

using migrate::ops::quote_literal;

TEST_CASE("literals double single quotes and use E'' for backslashes", "[ops][quote]") {
  CHECK(quote_literal(std::string("plain")) == "'plain'");
  CHECK(quote_literal(std::string("it's")) == "'it''s'");
  CHECK(quote_literal(std::string("a\\b")) == "E'a\\\\b'");
  CHECK(quote_literal(std::nullopt) == "NULL");
}
