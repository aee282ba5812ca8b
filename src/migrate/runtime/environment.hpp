// Preparing a run's environment: the config's view, then the project's hook on top.
#pragma once
#include <migrate/environment.hpp>

#include "migrate/config/config.hpp"
#include "migrate/ops/sink.hpp"

namespace migrate::runtime {

// The context the hook sees, filled from the config; the hook (if any) has run on it.
EnvironmentContext prepare_environment(const config::Config& cfg, bool offline);

// Sends the session settings through the sink: `SELECT pg_catalog.set_config(...)`.
void apply_session_settings(const EnvironmentContext& env, ops::Sink& sink);

}  // namespace migrate::runtime
