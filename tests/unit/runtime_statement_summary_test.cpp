// A failed statement in a one-line error: its first line, cut, and never a password.
#include <catch2/catch.hpp>

#include "migrate/runtime/statement_summary.hpp"

using migrate::runtime::statement_in_error;
using migrate::runtime::statement_summary;

TEST_CASE("a statement's summary is its first line, cut where it is long", "[unit][runtime]") {
  CHECK(statement_summary("CREATE TABLE t (id int)") == "CREATE TABLE t (id int)");
  CHECK(statement_summary("\n  CREATE TABLE t (\n  id int\n)") == "CREATE TABLE t ( ...");
  CHECK(statement_summary("SELECT 1\n\n  \n") == "SELECT 1");
  std::string long_line = "INSERT INTO t VALUES (" + std::string(200, '1') + ")";
  auto cut = statement_summary(long_line);
  CHECK(cut.size() <= 60);
  CHECK(cut == long_line.substr(0, 56) + " ...");
  CHECK(statement_summary("   \n\t").empty());
}

TEST_CASE("a summary never cuts a UTF-8 character in two", "[unit][runtime]") {
  std::string text = "COMMENT ON TABLE t IS '" + std::string(40, 'x');
  for (int i = 0; i < 20; ++i) text += "\xC3\xA9";  // é
  auto cut = statement_summary(text);
  CHECK(cut.size() <= 60);
  auto body = cut.substr(0, cut.size() - 4);
  // The last byte kept is an ASCII byte or ends a two-byte é.
  CHECK((static_cast<unsigned char>(body.back()) < 0x80 || static_cast<unsigned char>(body.back()) == 0xA9));
}

TEST_CASE("a summary stops before PASSWORD, in any case", "[unit][runtime]") {
  CHECK(statement_summary("CREATE ROLE app LOGIN PASSWORD 'hunter22'") == "CREATE ROLE app LOGIN ...");
  CHECK(statement_summary("alter user app with encrypted password 'x'") == "alter user app with encrypted ...");
  CHECK(statement_in_error("ALTER ROLE app PASSWORD 'pw1234'").find("pw1234") == std::string::npos);
}

TEST_CASE("the error names the statement, and --raiseerr when it shows only part", "[unit][runtime]") {
  CHECK(statement_in_error("ALTER TABLE t1 ADD COLUMN note text") == " (statement: ALTER TABLE t1 ADD COLUMN note text)");
  CHECK(statement_in_error("  SELECT 1  \n") == " (statement: SELECT 1)");
  CHECK(statement_in_error("INSERT INTO missing (id)\n  VALUES (1)") ==
        " (statement: INSERT INTO missing (id) ...; --raiseerr shows it whole)");
  CHECK(statement_in_error("").empty());
}
