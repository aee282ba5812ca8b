// Backoff and timeouts for lock-safe DDL; the retry loop itself is run_online's.
#include "migrate/runtime/lock_retry.hpp"

#include <algorithm>
#include <thread>

#include "migrate/db/interrupt.hpp"

namespace migrate::runtime {

RunTimeouts run_timeouts(const config::Config& cfg, const EnvironmentContext& env, bool online) {
  RunTimeouts t;
  if (online) t = {cfg.statement_lock_timeout, cfg.statement_timeout};
  for (const auto& [name, value] : env.session_settings) {
    if (name == "lock_timeout") t.lock_timeout = value;
    if (name == "statement_timeout") t.statement_timeout = value;
  }
  return t;
}

std::chrono::milliseconds retry_delay(int attempt, std::mt19937& random) {
  long base = 500L << std::clamp(attempt, 0, 4);  // 0.5, 1, 2, 4, 8 s
  std::uniform_int_distribution<long> jitter(0, base / 2);
  return std::chrono::milliseconds(base + jitter(random));
}

void interruptible_sleep(std::chrono::milliseconds delay) {
  auto until = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < until) {
    db::throw_if_interrupted("while waiting to retry; nothing more was changed");
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(std::chrono::milliseconds(100),
                                                                               until - std::chrono::steady_clock::now()));
  }
}

}  // namespace migrate::runtime
