// Names of new revisions: Alembic's slug, file_template and ids, on hostile input too.
#include <catch2/catch.hpp>

#include <migrate/error.hpp>

#include "migrate/script/revision_names.hpp"

using namespace migrate::script;

TEST_CASE("slugify keeps words, lower-cased, joined by underscores", "[script][names]") {
  CHECK(slugify("Add email index to customers", 40) == "add_email_index_to_customers");
  CHECK(slugify("  add: email-index (customers)!  ", 40) == "add_email_index_customers");
  CHECK(slugify("keep_snake_case and 42 numbers", 40) == "keep_snake_case_and_42_numbers");
  CHECK(slugify("ünïcödé only", 40) == "n_c_d_only");  // as Python's [A-Za-z0-9_] pattern in Alembic
  CHECK(slugify("", 40).empty());
}

TEST_CASE("slugify truncates at a word boundary as Alembic does", "[script][names]") {
  // slug[:n].rsplit("_", 1)[0] + "_"
  CHECK(slugify("aaa bbb ccc", 6) == "aaa_");
  CHECK(slugify("abcdefghij", 4) == "abcd_");
  CHECK(slugify("aaa bbb", 7) == "aaa_bbb");
  CHECK(slugify("aaa bbb", 0) == "aaa_bbb");  // 0: no limit
}

TEST_CASE("a message of absurd length is slugged without recursion", "[script][names]") {
  std::string message;
  for (int i = 0; i < 200000; ++i) message += "word ";
  auto slug = slugify(message, 40);
  CHECK(slug.size() <= 41);
  CHECK(slug.rfind("word_word", 0) == 0);
  CHECK(slugify(message, 0).size() == 200000 * 5 - 1);
}

TEST_CASE("file_template expands Alembic's keys", "[script][names]") {
  Timestamp t;
  t.epoch = 1767225600;
  t.tm.tm_year = 126;
  t.tm.tm_mon = 0;
  t.tm.tm_mday = 2;
  t.tm.tm_hour = 3;
  t.tm.tm_min = 4;
  t.tm.tm_sec = 5;
  CHECK(file_name("%(rev)s_%(slug)s", "ab12", "add_x", t) == "ab12_add_x");
  CHECK(file_name("%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d%(second).2d_%(rev)s", "ab12", "s", t) ==
        "2026_01_02_030405_ab12");
  CHECK(file_name("%(epoch)s-%(rev)s", "ab12", "s", t) == "1767225600-ab12");
  CHECK(file_name("100%%_%(rev)s", "ab12", "s", t) == "100%_ab12");
  CHECK_THROWS_AS(file_name("%(nope)s", "ab12", "s", t), migrate::ConfigError);
  CHECK_THROWS_WITH(file_name("%(rev", "ab12", "s", t), Catch::Contains("unterminated"));
  CHECK_THROWS_WITH(file_name("%(rev)x", "ab12", "s", t), Catch::Contains("needs a conversion"));
}

TEST_CASE("create dates and ids have Alembic's shapes", "[script][names]") {
  Timestamp t;
  t.tm.tm_year = 126;
  t.tm.tm_mon = 10;
  t.tm.tm_mday = 26;
  t.tm.tm_hour = 10;
  t.tm.tm_min = 14;
  t.tm.tm_sec = 3;
  t.micros = 42;
  CHECK(create_date(t) == "2026-11-26 10:14:03.000042");
  auto a = new_revision_id(), b = new_revision_id();
  CHECK(a.size() == 12);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a != b);
}
