// check: the models against the database, one line per difference (Alembic's `check`).
#include <fmt/format.h>

#include <memory>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "migrate/autogen/compare_database.hpp"
#include "migrate/ops/describe.hpp"

namespace migrate::cli {

namespace {

int check(Context& ctx, const autogen::CompareRequest& request) {
  auto operations = autogen::compare_database(ctx.project(), autogen::registered_models(), request);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& operation : operations) {
    // Markers of autocommit blocks are how an operation runs, not a difference.
    if (std::holds_alternative<op::BeginAutocommit>(operation) || std::holds_alternative<op::EndAutocommit>(operation))
      continue;
    // A note is advice on the differences (a likely rename), not one of them.
    if (const auto* note = std::get_if<op::Note>(&operation)) {
      ctx.info("note: " + note->text);
      continue;
    }
    auto line = ops::describe(operation);
    list.push_back(line);
    if (!ctx.json()) ctx.print(line);
  }
  if (ctx.json()) ctx.document() = {{"command", "check"}, {"differences", list}, {"drift", !list.empty()}};
  if (list.empty()) {
    ctx.info("No new upgrade operations detected.");
    return 0;
  }
  ctx.info(fmt::format("New upgrade operations detected: {} (write them with `migrate revision --autogenerate -m ...`)",
                       list.size()));
  return exit_code(ErrorKind::Drift);
}

}  // namespace

void add_check_command(CLI::App& app, Action& chosen) {
  auto* c = app.add_subcommand("check", "Compare the models with the database; exit 1 when a new revision is needed");
  auto request = std::make_shared<autogen::CompareRequest>();
  c->add_flag("--from-revisions", request->from_revisions,
              "compare with a scratch database the revisions bring to the heads, not the configured one");
  on_run(c, chosen, [request](Context& ctx) { return check(ctx, *request); });
}

}  // namespace migrate::cli
