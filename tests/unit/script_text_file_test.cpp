// What counts as a text revision source: UTF-8 as the server holds it, no NUL bytes.
#include <catch2/catch.hpp>

#include <migrate/error.hpp>

#include "migrate/script/sql_revision.hpp"
#include "migrate/script/text_file.hpp"

using migrate::script::text_problem;

namespace {
std::string problem_at(std::string_view bytes) {
  auto p = text_problem(bytes);
  return p ? std::to_string(p->offset) + " " + p->what : "none";
}
}  // namespace

TEST_CASE("UTF-8 text without NUL bytes has no problem", "[unit][script][text]") {
  CHECK(problem_at("") == "none");
  CHECK(problem_at("CREATE TABLE t (id int);\n-- tab\tand CR\r\n") == "none");
  CHECK(problem_at("caf\xc3\xa9 \xe2\x98\x95 \xf0\x9f\x90\x98 \xf4\x8f\xbf\xbf") == "none");  // é ☕ 🐘 U+10FFFF
}

TEST_CASE("a NUL byte or bytes that are not UTF-8 are found at their offset", "[unit][script][text]") {
  CHECK(problem_at(std::string("ab\0cd", 5)) == "2 a NUL byte");
  CHECK(problem_at("caf\xe9") == "3 invalid UTF-8");                 // Latin-1
  CHECK(problem_at("x\xc3") == "1 invalid UTF-8");                   // cut short at the end
  CHECK(problem_at("\xc0\xaf") == "0 invalid UTF-8");                // overlong '/'
  CHECK(problem_at("ok \xe0\x80\xaf") == "3 invalid UTF-8");         // overlong, three bytes
  CHECK(problem_at("\xed\xa0\x80") == "0 invalid UTF-8");            // a surrogate
  CHECK(problem_at("\xf4\x90\x80\x80") == "0 invalid UTF-8");        // past U+10FFFF
  CHECK(problem_at("\xe2\x98x") == "0 invalid UTF-8");               // bad continuation
  CHECK(problem_at("\x80") == "0 invalid UTF-8");                    // a lone continuation
}

TEST_CASE("a SQL revision that is not text is refused naming the file and byte", "[unit][script][text]") {
  std::string text = "-- revision: a1\n-- down_revision:\n-- migrate:up\nSELECT 1;";
  text += '\0';
  text += "SELECT 2;\n";
  try {
    migrate::script::parse_sql_revision(text, "versions/a1.sql");
    FAIL("accepted a NUL byte");
  } catch (const migrate::RevisionError& e) {
    CHECK(std::string(e.what()) == "versions/a1.sql: byte 57: a NUL byte: not a text file");
  }
}
