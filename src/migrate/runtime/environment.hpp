// Preparing a run's environment: the config's view, then the project's hook on top.
#pragma once
#include <migrate/environment.hpp>

#include "migrate/config/config.hpp"
#include "migrate/ops/sink.hpp"

namespace migrate::runtime {

// The hook belongs to the project whose revisions are compiled with it (the binary's
// CompiledProject): it runs only for a config whose version locations include that
// project's folder, by the rule that places compiled revisions. The same binary run as the
// generic tool for another project (`migrate init -t sql`) runs without it.
bool hook_applies(const config::Config& cfg);

// The context the hook sees, filled from the config; the hook (if any) has run on it.
EnvironmentContext prepare_environment(const config::Config& cfg, bool offline);

// Sends the session settings through the sink: `SELECT pg_catalog.set_config(...)`.
void apply_session_settings(const EnvironmentContext& env, ops::Sink& sink);

}  // namespace migrate::runtime
