// Where the database URL came from, and URLs that cannot be PostgreSQL's.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <migrate/error.hpp>

#include "migrate/config/config.hpp"
#include "migrate/config/url_origin.hpp"
#include "scratch_files.hpp"

namespace fs = std::filesystem;
using unit_test::ini_file;
using migrate::ConfigError;
using migrate::config::check_url;
using migrate::config::describe;
using migrate::config::UrlOrigin;

namespace {

// DATABASE_URL unset for the test's length, restored after.
struct NoDatabaseUrl {
  std::string saved;
  bool had = false;
  NoDatabaseUrl() {
    if (const char* v = std::getenv("DATABASE_URL")) had = true, saved = v;
    unsetenv("DATABASE_URL");
  }
  ~NoDatabaseUrl() {
    if (had) setenv("DATABASE_URL", saved.c_str(), 1);
  }
};
}  // namespace

TEST_CASE("the config records where its URL came from, and the ini's connect hint", "[unit][config]") {
  NoDatabaseUrl no_env;
  auto path = ini_file("[migrate]\nurl = postgresql://localhost/app\nconnect_hint = start it: just db-up\n");
  auto cfg = migrate::config::load(path);
  CHECK(cfg.url_origin.kind == UrlOrigin::Kind::Ini);
  CHECK(describe(cfg.url_origin) == "url in " + path + " [migrate]");
  CHECK(cfg.connect_hint == "start it: just db-up");

  auto alembic = ini_file("[alembic]\nsqlalchemy.url = postgresql+psycopg2://localhost/app\n");
  CHECK(describe(migrate::config::load(alembic).url_origin) == "sqlalchemy.url in " + alembic + " [alembic]");

  CHECK(describe(migrate::config::load(path, {.url = "postgresql://x/y"}).url_origin) == "--url");
  setenv("DATABASE_URL", "postgresql://env/db", 1);
  CHECK(describe(migrate::config::load(path).url_origin) == "DATABASE_URL");
}

TEST_CASE("PostgreSQL URLs and conninfo strings pass, a driver suffix too", "[unit][config]") {
  const UrlOrigin flag{UrlOrigin::Kind::Flag};
  for (const char* url : {"postgresql://u@h/db", "postgres://h", "POSTGRESQL://h/db", "postgresql+psycopg2://h/db",
                          "postgresql:///db?host=/tmp", "host=/tmp dbname=x", ""})
    CHECK_NOTHROW(check_url(url, flag));
}

TEST_CASE("Alembic's placeholder is a config error saying what to set", "[unit][config]") {
  const UrlOrigin ini{UrlOrigin::Kind::Ini, "/p/alembic.ini", "alembic", "sqlalchemy.url"};
  CHECK_THROWS_AS(check_url("driver://user:pass@localhost/dbname", ini), ConfigError);
  CHECK_THROWS_WITH(check_url("driver://user:pass@localhost/dbname", ini),
                    "sqlalchemy.url in /p/alembic.ini [alembic] is still Alembic's placeholder driver://...; set it to "
                    "a postgresql:// URL, or set DATABASE_URL");
}

TEST_CASE("another database's URL is a config error naming its scheme", "[unit][config]") {
  const UrlOrigin env{UrlOrigin::Kind::Environment};
  CHECK_THROWS_WITH(check_url("mysql://u@h/db", env),
                    "the database URL (DATABASE_URL) has scheme 'mysql': migrate speaks PostgreSQL only "
                    "(postgresql://, postgres://, or postgresql+driver://)");
  CHECK_THROWS_AS(check_url("sqlite:///app.db", env), ConfigError);
  // A hostile scheme is cut in the message.
  CHECK_THROWS_WITH(check_url(std::string(5000, 'a') + "://h", env), Catch::Contains(std::string(40, 'a') + "'"));
}
