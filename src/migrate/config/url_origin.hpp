// Where the database URL came from, and the URLs that cannot be PostgreSQL's: for messages
// that say what to fix and where.
#pragma once
#include <string>

namespace migrate::config {

// Every member has a default, so {Kind::Flag} leaves the rest out without a warning.
struct UrlOrigin {
  enum class Kind { None, Flag, Environment, Ini, Hook };
  Kind kind = Kind::None;
  std::string file{};     // Ini: the config file
  std::string section{};  // Ini: its section
  std::string key{};      // Ini: url or sqlalchemy.url
};

// "--url", "DATABASE_URL", "url in /p/migrate.ini [migrate]", "migrations/env.cpp", "no URL".
std::string describe(const UrlOrigin& origin);

// Throws ConfigError when `url` cannot be a PostgreSQL URL: Alembic's placeholder
// (`driver://user:pass@localhost/dbname`, what `alembic init` writes) or another scheme
// than postgresql:// or postgres:// (a driver suffix, +psycopg2, is fine). A key=value
// conninfo has no scheme and is left to libpq.
void check_url(const std::string& url, const UrlOrigin& origin);

}  // namespace migrate::config
