// current and heads: where the database is, and where the graph ends.
#include <fmt/format.h>

#include <algorithm>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/revision_text.hpp"
#include "migrate/config/secrets.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

namespace {

int current(Context& ctx, bool verbose, bool check_heads) {
  const auto& project = ctx.project();
  auto heads = runtime::read_current_heads(project);
  if (verbose) ctx.info("Current revision(s) for " + config::redact(project.config().url) + ":");
  nlohmann::json list = nlohmann::json::array();
  auto graph_heads = project.map().heads();
  for (const auto& id : heads) {
    if (!project.map().contains(id)) {
      ctx.warn(fmt::format("the database is at {}, which no revision of this project defines", id));
      list.push_back({{"revision", id}, {"known", false}});
      if (!ctx.json()) ctx.print(id);
      continue;
    }
    const auto& rev = project.map().get(id);
    list.push_back(revision_json(project.map(), rev));
    if (!ctx.json()) ctx.print(verbose ? log_entry(project.map(), rev) : short_line(project.map(), rev));
  }
  if (ctx.json()) ctx.document() = {{"command", "current"}, {"current", list}};
  if (check_heads) {
    std::vector<std::string> sorted_heads = graph_heads;
    std::sort(sorted_heads.begin(), sorted_heads.end());
    if (heads != sorted_heads) throw RevisionError("Database is not on the head revision(s)");
  }
  return 0;
}

int heads(Context& ctx, bool verbose) {
  const auto& map = ctx.project().map();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& id : map.heads()) {
    const auto& rev = map.get(id);
    list.push_back(revision_json(map, rev));
    if (!ctx.json()) ctx.print(verbose ? log_entry(map, rev) : short_line(map, rev));
  }
  if (ctx.json()) ctx.document() = {{"command", "heads"}, {"heads", list}};
  return 0;
}

}  // namespace

void add_inspect_commands(CLI::App& app, Action& chosen) {
  auto cur = std::make_shared<std::pair<bool, bool>>();
  auto* c = app.add_subcommand("current", "Display the current revision(s) of the database");
  c->add_flag("-v,--verbose", cur->first, "full detail of each revision");
  c->add_flag("--check-heads", cur->second, "fail unless the database is at the head revision(s)");
  on_run(c, chosen, [cur](Context& ctx) { return current(ctx, cur->first, cur->second); });

  auto hv = std::make_shared<bool>(false);
  auto* h = app.add_subcommand("heads", "Show the head revisions of the graph");
  h->add_flag("-v,--verbose", *hv, "full detail of each revision");
  on_run(h, chosen, [hv](Context& ctx) { return heads(ctx, *hv); });
}

}  // namespace migrate::cli
