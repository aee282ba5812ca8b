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

TEST_CASE("inputs of absurd length are masked without recursion", "[config][secrets]") {
  // std::regex overflowed the stack on a 100 KB URL (SIGSEGV).
  const std::string password(100'000, 'p');
  const std::string url = "postgresql://app:" + password + "@db/x";
  CHECK(redact(url) == "postgresql://app:***@db/x");
  CHECK(password_of(url) == password);
  const std::string conninfo = "host=h password=" + password;
  CHECK(redact(conninfo) == "host=h password=***");
  // Shapes that a naive scan repeats over the rest of the text each time.
  std::string schemes, quotes;
  for (int i = 0; i < 20'000; ++i) {
    schemes += "a://b:";
    quotes += "password='x ";
  }
  CHECK(redact(schemes) == schemes);
  CHECK(redact(quotes).find("password=***") == 0);
  CHECK(password_of(std::string(200'000, '@')).empty());
}

TEST_CASE("masking edge cases keep the former patterns' meaning", "[config][secrets]") {
  CHECK(redact("x postgresql://u:@h/d") == "x postgresql://u:@h/d");  // an empty password
  CHECK(redact("PASSWORD = 'it\\'s' user=u") == "PASSWORD = *** user=u");
  CHECK(redact("password='unterminated rest") == "password=*** rest");
  CHECK(redact("two postgresql://a:x1@h postgres://b:y2@h") == "two postgresql://a:***@h postgres://b:***@h");
  CHECK(redact("1abc://u:p@h") == "1abc://u:***@h");  // the scheme starts at its first letter
  CHECK(redact("://u:p@h") == "://u:p@h");            // no scheme, no URL
  CHECK(password_of("host=h password='a b'") == "a b");
  CHECK(libpq_url("postgresql+://u@h/d") == "postgresql+://u@h/d");
}

TEST_CASE("masking twice changes nothing", "[config][secrets]") {
  // Found by tests/fuzz/redact (tests/fuzz/regressions/redact/): what sticks to a closing quote
  // was left, and a second pass masked it as an unquoted value.
  const std::string quoted = "host=h password='it s'p:s/asswd dbname=d";
  CHECK(redact(quoted) == "host=h password=*** dbname=d");
  CHECK(redact(redact(quoted)) == redact(quoted));
  CHECK(password_of(quoted) == "it s");
  // A remembered secret holding a space, replaced after the URLs were masked, joined a token
  // into a URL whose password was then left.
  remember_secret("pa ss@w/rd");
  CHECK(redact_secrets("a://b:xpa ss@w/rdy@h") == "a://b:***@h");
  CHECK(redact_secrets(redact_secrets("a://b:xpa ss@w/rdy@h")) == "a://b:***@h");
}
