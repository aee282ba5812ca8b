// What introspection leaves out: objects an extension owns, and the tool's own version table.
#include <algorithm>

#include <catch2/catch.hpp>

#include "support/test_db.hpp"

using migrate::QualifiedName;
using test_support::TestDatabase;

namespace {

template <class T>
std::vector<std::string> names(const std::vector<T>& objects) {
  std::vector<std::string> out;
  for (const auto& o : objects) out.push_back(o.name.schema + "." + o.name.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("introspection never reports what an extension owns", "[db][introspect]") {
  TestDatabase db;
  // hstore's own members (its type, functions, operators) land in s. No contrib extension
  // creates tables, sequences or enums, so some are made members with ALTER EXTENSION ADD,
  // the same pg_depend 'e' rows an extension script's CREATE TABLE leaves.
  db.exec(R"(CREATE SCHEMA s;
    CREATE EXTENSION hstore SCHEMA s;
    CREATE TABLE s.ext_table (id serial PRIMARY KEY, kind text);
    CREATE INDEX ext_table_kind ON s.ext_table (kind);
    CREATE SEQUENCE s.ext_seq;
    CREATE TYPE s.ext_enum AS ENUM ('a', 'b');
    ALTER EXTENSION hstore ADD TABLE s.ext_table;
    ALTER EXTENSION hstore ADD SEQUENCE s.ext_table_id_seq;
    ALTER EXTENSION hstore ADD SEQUENCE s.ext_seq;
    ALTER EXTENSION hstore ADD TYPE s.ext_enum;
    CREATE TYPE s.mood AS ENUM ('ok');
    CREATE SEQUENCE s.ticket_seq;
    CREATE TABLE s.mine (id integer PRIMARY KEY, attrs s.hstore, mood s.mood))");
  REQUIRE(db.scalar("SELECT count(*) FROM pg_depend WHERE deptype = 'e' AND refobjid = "
                    "(SELECT oid FROM pg_extension WHERE extname = 'hstore')") != "0");

  const auto catalog = db.introspect({"s"});
  CHECK(names(catalog.tables) == std::vector<std::string>{"s.mine"});
  CHECK(names(catalog.enums) == std::vector<std::string>{"s.mood"});
  CHECK(names(catalog.sequences) == std::vector<std::string>{"s.ticket_seq"});
  // A column of an extension's type is the application's: it stays, with the type's name.
  const migrate::schema::Table* mine = catalog.table({"s", "mine"});
  REQUIRE(mine);
  REQUIRE(mine->column("attrs"));
  CHECK(mine->column("attrs")->type.format_type() == "s.hstore");
}

TEST_CASE("introspection never reports the version table it is told to leave out", "[db][introspect]") {
  TestDatabase db;
  db.exec(R"(CREATE SCHEMA s; CREATE SCHEMA t;
    CREATE TABLE s.alembic_version (version_num varchar(32) NOT NULL,
                                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
    CREATE TABLE t.alembic_version (version_num varchar(32) NOT NULL);
    CREATE TABLE s.orders (id integer PRIMARY KEY))");

  SECTION("a name without a schema is left out of every schema read") {
    const auto catalog = db.introspect({.schemas = {"s", "t"}, .exclude_tables = {QualifiedName("alembic_version")}});
    CHECK(names(catalog.tables) == std::vector<std::string>{"s.orders"});
  }
  SECTION("a qualified name only from its own schema") {
    const auto catalog =
        db.introspect({.schemas = {"s", "t"}, .exclude_tables = {QualifiedName("s", "alembic_version")}});
    CHECK(names(catalog.tables) == std::vector<std::string>{"s.orders", "t.alembic_version"});
  }
  SECTION("without the option it is an ordinary table") {
    const auto catalog = db.introspect({"s"});
    CHECK(names(catalog.tables) == std::vector<std::string>{"s.alembic_version", "s.orders"});
  }
}
