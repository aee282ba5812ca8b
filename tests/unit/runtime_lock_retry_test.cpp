// The pieces of lock-safe DDL that need no server: durations, backoff, the timeouts a
// revision's own return to.
#include <catch2/catch.hpp>

#include "migrate/config/config.hpp"
#include "migrate/runtime/lock_retry.hpp"

using migrate::config::is_duration;

TEST_CASE("a duration is what PostgreSQL's lock_timeout reads", "[unit][config][lock_safe]") {
  for (const char* ok : {"0", "5s", "500ms", "2min", "1h", "1d", "250us", "1500"}) CHECK(is_duration(ok));
  for (const char* bad : {"", "s", "5 s", "5sec", "-1s", "1.5s", "5s;DROP TABLE x", "'5s'", "99999999999999999s"})
    CHECK_FALSE(is_duration(bad));
}

TEST_CASE("retries back off, doubling up to 8 s, with jitter of up to half", "[unit][runtime][lock_safe]") {
  std::mt19937 random(42);
  for (int attempt = 0; attempt < 8; ++attempt) {
    long base = std::min(500L << attempt, 8000L);
    for (int i = 0; i < 50; ++i) {
      auto d = migrate::runtime::retry_delay(attempt, random).count();
      CHECK(d >= base);
      CHECK(d <= base + base / 2);
    }
  }
  // Two pods that collided do not wait alike.
  std::mt19937 a(1), b(2);
  CHECK(migrate::runtime::retry_delay(2, a) != migrate::runtime::retry_delay(2, b));
}

TEST_CASE("a revision's timeouts return to the env hook's, else the ini's, else the default offline",
          "[unit][runtime][lock_safe]") {
  migrate::config::Config cfg;
  cfg.statement_lock_timeout = "2s";
  migrate::EnvironmentContext env;
  auto online = migrate::runtime::run_timeouts(cfg, env, true);
  CHECK(online.lock_timeout == "2s");
  CHECK(online.statement_timeout == "0");
  CHECK(migrate::runtime::run_timeouts(cfg, env, false).lock_timeout.empty());
  env.session_settings.push_back({"lock_timeout", "10s"});
  CHECK(migrate::runtime::run_timeouts(cfg, env, true).lock_timeout == "10s");
  CHECK(migrate::runtime::run_timeouts(cfg, env, false).lock_timeout == "10s");
}
