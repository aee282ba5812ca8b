// pg_catalog's codes and access-method names read into FkAction, FkMatch and IndexMethod.
#include <catch2/catch.hpp>

#include <migrate/error.hpp>

#include "migrate/schema/catalog_codes.hpp"

using namespace migrate;
using namespace migrate::schema;

TEST_CASE("pg_constraint's action and match codes become enumerators", "[schema][catalog]") {
  CHECK(fk_action_from_catalog("a", "fk") == FkAction::NoAction);
  CHECK(fk_action_from_catalog("r", "fk") == FkAction::Restrict);
  CHECK(fk_action_from_catalog("c", "fk") == FkAction::Cascade);
  CHECK(fk_action_from_catalog("n", "fk") == FkAction::SetNull);
  CHECK(fk_action_from_catalog("d", "fk") == FkAction::SetDefault);
  CHECK(fk_match_from_catalog("s", "fk") == FkMatch::Simple);
  CHECK(fk_match_from_catalog("f", "fk") == FkMatch::Full);
}

TEST_CASE("every index method PostgreSQL ships becomes an enumerator", "[schema][catalog]") {
  CHECK(index_method_from_catalog("btree", "ix") == IndexMethod::BTree);
  CHECK(index_method_from_catalog("hash", "ix") == IndexMethod::Hash);
  CHECK(index_method_from_catalog("gist", "ix") == IndexMethod::Gist);
  CHECK(index_method_from_catalog("spgist", "ix") == IndexMethod::SpGist);
  CHECK(index_method_from_catalog("gin", "ix") == IndexMethod::Gin);
  CHECK(index_method_from_catalog("brin", "ix") == IndexMethod::Brin);
}

TEST_CASE("a catalog value without an enumerator is a database error naming the object", "[schema][catalog]") {
  CHECK_THROWS_AS(fk_action_from_catalog("x", "foreign key fk_a on shop.a"), DatabaseError);
  CHECK_THROWS_WITH(fk_action_from_catalog("x", "foreign key fk_a on shop.a"),
                    Catch::Contains("foreign key fk_a on shop.a") && Catch::Contains("'x'"));
  CHECK_THROWS_WITH(fk_match_from_catalog("p", "foreign key fk_a on shop.a"),
                    Catch::Contains("foreign key fk_a on shop.a") && Catch::Contains("MATCH code 'p'"));
  CHECK_THROWS_AS(index_method_from_catalog("bloom", "index ix_a on shop.a"), DatabaseError);
  CHECK_THROWS_WITH(index_method_from_catalog("bloom", "index ix_a on shop.a"),
                    Catch::Contains("index ix_a on shop.a") && Catch::Contains("'bloom'"));
}
