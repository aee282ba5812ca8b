// Password masking: the patterns every printed line passes through.
#include <catch2/catch.hpp>

#include "migrate/config/secrets.hpp"

using migrate::config::libpq_url;
using migrate::config::password_of;
using migrate::config::redact;
using migrate::config::redact_secrets;
using migrate::config::remember_secret;

TEST_CASE("URL passwords are masked, even with '@' or '/' unescaped in them", "[config][secrets]") {
  CHECK(redact("postgresql://app:s3cret@db:5432/x") == "postgresql://app:***@db:5432/x");
  CHECK(redact("postgresql://app:pa@ss1234@db/x") == "postgresql://app:***@db/x");
  CHECK(redact("postgresql://app:pa/ss1234@db/x") == "postgresql://app:***@db/x");
  CHECK(redact("failed: postgresql://app:pw@h/d and more") == "failed: postgresql://app:***@h/d and more");
  CHECK(redact("postgresql://app@db/x") == "postgresql://app@db/x");  // no password: nothing to mask
}

TEST_CASE("conninfo passwords are masked", "[config][secrets]") {
  CHECK(redact("host=h password=s3cret dbname=x") == "host=h password=*** dbname=x");
  CHECK(redact("host=h password='a b' dbname=x") == "host=h password=*** dbname=x");
}

TEST_CASE("remembered secrets are removed from libpq's text only", "[config][secrets]") {
  remember_secret("Hunter2-Secret");
  CHECK(redact_secrets("invalid value Hunter2-Secret near x") == "invalid value *** near x");
  CHECK(redact_secrets("encoded Hunter2-Secret%21") == "encoded ***%21");
  // Our own text is not scanned for bare secrets: a common-word password must not mangle it.
  remember_secret("migrate");
  CHECK(redact("another migrate run holds the lock") == "another migrate run holds the lock");
}

TEST_CASE("the password of a URL and SQLAlchemy driver names", "[config][secrets]") {
  CHECK(password_of("postgresql://u:p%40ss@h/d") == "p@ss");
  CHECK(password_of("host=h password=x1") == "x1");
  CHECK(libpq_url("postgresql+psycopg2://u:p@h/d") == "postgresql://u:p@h/d");
  CHECK(libpq_url("postgres://u@h/d") == "postgres://u@h/d");
}
