// Literal and identifier quoting: the only way values and names reach SQL text.
#include <catch2/catch.hpp>

#include "migrate/ops/render_sql.hpp"

using migrate::ops::quote_ident;
using migrate::ops::quote_literal;
using migrate::ops::quote_name;

TEST_CASE("literals double single quotes and use E'' for backslashes", "[ops][quote]") {
  CHECK(quote_literal(std::string("plain")) == "'plain'");
  CHECK(quote_literal(std::string("it's")) == "'it''s'");
  CHECK(quote_literal(std::string("a\\b")) == "E'a\\\\b'");
  CHECK(quote_literal(std::nullopt) == "NULL");
  CHECK(quote_literal(std::string("")) == "''");
  CHECK(quote_literal(std::string("naïve ✓")) == "'naïve ✓'");
}

TEST_CASE("identifiers stay bare only when PostgreSQL would read them back unchanged", "[ops][quote]") {
  CHECK(quote_ident("products") == "products");
  CHECK(quote_ident("_private2") == "_private2");
  CHECK(quote_ident("created_at") == "created_at");
  // Upper case folds to lower case unless quoted.
  CHECK(quote_ident("Products") == "\"Products\"");
  CHECK(quote_ident("ID") == "\"ID\"");
  // A leading digit, spaces, punctuation and non-ASCII letters need quotes.
  CHECK(quote_ident("2fa") == "\"2fa\"");
  CHECK(quote_ident("order items") == "\"order items\"");
  CHECK(quote_ident("a-b") == "\"a-b\"");
  CHECK(quote_ident("price$") == "\"price$\"");
  CHECK(quote_ident("größe") == "\"größe\"");
  CHECK(quote_ident("名前") == "\"名前\"");
  // Embedded double quotes are doubled.
  CHECK(quote_ident("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(quote_ident("\"") == "\"\"\"\"");
}

TEST_CASE("reserved, column-name and type-function keywords are quoted, unreserved ones are not", "[ops][quote]") {
  // reserved
  CHECK(quote_ident("select") == "\"select\"");
  CHECK(quote_ident("user") == "\"user\"");
  CHECK(quote_ident("order") == "\"order\"");
  CHECK(quote_ident("table") == "\"table\"");
  CHECK(quote_ident("check") == "\"check\"");
  // column-name keywords
  CHECK(quote_ident("timestamp") == "\"timestamp\"");
  CHECK(quote_ident("position") == "\"position\"");
  CHECK(quote_ident("values") == "\"values\"");
  // type/function-name keywords
  CHECK(quote_ident("left") == "\"left\"");
  CHECK(quote_ident("collation") == "\"collation\"");
  CHECK(quote_ident("verbose") == "\"verbose\"");
  // unreserved keywords are fine as bare names
  CHECK(quote_ident("name") == "name");
  CHECK(quote_ident("type") == "type");
  CHECK(quote_ident("data") == "data");
  CHECK(quote_ident("comment") == "comment");
  CHECK(quote_ident("version") == "version");
  CHECK(quote_ident("key") == "key");
}

TEST_CASE("qualified names quote each part on its own", "[ops][quote]") {
  CHECK(quote_name({"ecommerce", "products"}) == "ecommerce.products");
  CHECK(quote_name({"Sales", "order"}) == "\"Sales\".\"order\"");
  CHECK(quote_name("products") == "products");
  CHECK(quote_name({"a.b", "c"}) == "\"a.b\".c");
}
