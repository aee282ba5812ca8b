// No config file (a binary that carries its revisions, alone in a folder): the defaults, the
// binary's own version folder under here, and the URL from the environment or the flag.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "migrate/config/config.hpp"

TEST_CASE("without a file the config is the defaults, with the version folder under here", "[unit][config]") {
  ::unsetenv("DATABASE_URL");
  auto cfg = migrate::config::defaults("/deploy/", "db/versions", {.url = "postgresql://u@h/d"});
  CHECK(cfg.file.empty());
  CHECK(cfg.here == "/deploy");
  CHECK(cfg.version_locations == std::vector<std::string>{"/deploy/db/versions"});
  CHECK(cfg.url == "postgresql://u@h/d");
  CHECK(cfg.version_table == "alembic_version");
  CHECK(cfg.statement_lock_timeout == migrate::config::Config{}.statement_lock_timeout);

  ::setenv("DATABASE_URL", "postgresql://env@h/d", 1);
  CHECK(migrate::config::defaults("/deploy", "db/versions").url == "postgresql://env@h/d");
  ::unsetenv("DATABASE_URL");
  CHECK(migrate::config::defaults("/deploy", "db/versions").url.empty());
}
