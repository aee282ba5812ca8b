// db::introspect as I/O: its failures are DatabaseErrors with the server's message.
#include <catch2/catch.hpp>

#include <migrate/error.hpp>

#include "migrate/db/connection.hpp"
#include "migrate/db/introspect.hpp"
#include "support/test_db.hpp"

using test_support::TestDatabase;

TEST_CASE("introspection on a lost connection is a DatabaseError, not a libpqxx exception", "[db][introspect]") {
  TestDatabase db;
  auto connection = migrate::db::connect(db.conninfo());
  pqxx::work tx(*connection);
  const auto pid = tx.exec("SELECT pg_backend_pid()")[0][0].as<std::string>();
  db.exec("SELECT pg_terminate_backend(" + pid + ", 10000)");  // returns once the backend is gone
  try {
    migrate::db::introspect(tx, {"public"});
    FAIL("introspect read through a terminated connection");
  } catch (const migrate::Error& e) {
    CHECK(e.kind() == migrate::ErrorKind::Database);
    CHECK(std::string(e.what()).rfind("introspection failed: ", 0) == 0);
    CHECK(std::string(e.what()).find('\n') == std::string::npos);
  }
}

TEST_CASE("introspection reads through a db::connect connection", "[db][introspect]") {
  TestDatabase db;
  db.exec("CREATE SCHEMA s; CREATE TABLE s.t (id integer PRIMARY KEY, note text); COMMENT ON TABLE s.t IS 'T.'");
  const auto catalog = db.introspect({"s"});
  REQUIRE(catalog.tables.size() == 1);
  CHECK(catalog.tables[0].name == migrate::QualifiedName("s", "t"));
  CHECK(catalog.tables[0].comment == "T.");
  CHECK(catalog.tables[0].columns.size() == 2);
}
