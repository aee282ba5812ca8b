// Each command group registers its subcommands; the chosen one runs after parsing.
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace migrate::cli {

// Returns the exit code; errors are thrown as migrate::Error.
using Action = std::function<int(Context&)>;

// Registers `sub` so that `action` runs when it is the command given.
void on_run(CLI::App* sub, Action& chosen, Action action);

void add_migrate_commands(CLI::App& app, Action& chosen);    // upgrade, downgrade, to, stamp, ensure_version
void add_inspect_commands(CLI::App& app, Action& chosen);    // current, heads, branches, history, show
void add_pending_command(CLI::App& app, Action& chosen);     // pending
void add_revision_commands(CLI::App& app, Action& chosen);   // revision, merge, edit
void add_project_commands(CLI::App& app, Action& chosen);    // init, list_templates
void add_check_command(CLI::App& app, Action& chosen);       // check
void add_history_commands(CLI::App& app, Action& chosen);    // log, verify, repair
void add_import_commands(CLI::App& app, Action& chosen);     // import alembic
void add_graph_command(CLI::App& app, Action& chosen);       // graph
void add_completion_commands(CLI::App& app, Action& chosen); // completion, __complete (hidden)

}  // namespace migrate::cli
