// Lock-safe DDL around the runner: the timeouts a run's statements get, and how long to
// wait before running a step (or the whole run) again after it met lock_timeout.
#pragma once
#include <chrono>
#include <random>

#include <migrate/environment.hpp>

#include "migrate/config/config.hpp"
#include "migrate/runtime/runner.hpp"

namespace migrate::runtime {

// The timeouts a revision's own ones return to. Online: the env hook's session setting,
// else the config's (which the session set). Offline no SET of the config's is written
// (the script is Alembic's), so they return to the server's default.
RunTimeouts run_timeouts(const config::Config& cfg, const EnvironmentContext& env, bool online);

// The pause before retry `attempt` (0 for the first): 500 ms doubled each time up to 8 s,
// plus up to half of it again at random, so pods that collided do not collide again.
std::chrono::milliseconds retry_delay(int attempt, std::mt19937& random);

// Sleeps `delay` in short slices, throwing InterruptedError as soon as a signal arrives.
void interruptible_sleep(std::chrono::milliseconds delay);

}  // namespace migrate::runtime
