// Read-only commands: current, heads, branches, history, show.
#include <fmt/format.h>

#include <algorithm>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/graph_text.hpp"
#include "cli/revision_text.hpp"
#include "migrate/config/secrets.hpp"
#include "migrate/graph/history.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/graph/topo_order.hpp"
#include "migrate/runtime/environment.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

namespace {

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

int current(Context& ctx, bool verbose, bool check_heads) {
  const auto& project = ctx.project_to_read();
  auto heads = runtime::read_current_heads(project);
  // The URL the run used: the environment hook may have changed the ini's.
  if (verbose)
    ctx.info("Current revision(s) for " + config::redact(runtime::prepare_environment(project.config(), false).url) +
             ":");
  // Alembic fails here too; saying which row is unknown is more use to the reader.
  runtime::check_known(project, heads);
  RevisionText text(project.map());
  nlohmann::json list = nlohmann::json::array();
  // As Alembic's `current`: the rows and the heads of the lines below them, so a dependency
  // another branch's row covers is listed as applied (is_current: whether it is a row).
  const auto& map = project.map();
  std::vector<graph::RevisionMap::Index> rows;
  for (const auto& id : heads) rows.push_back(map.index_of(id));
  for (auto i : graph::all_current_tips(map, rows)) {
    const auto& rev = map.at(i);
    list.push_back(text.json(rev));
    list.back()["is_current"] = std::find(heads.begin(), heads.end(), rev.id) != heads.end();
    if (!ctx.json()) ctx.print(verbose ? text.log_entry(rev) : text.short_line(rev));
  }
  // Alembic prints nothing at base; a word is plainer to a person (JSON: an empty list).
  if (heads.empty() && !ctx.json()) ctx.print("<base>");
  if (ctx.json()) ctx.document() = {{"command", "current"}, {"current", list}};
  if (check_heads) {
    auto graph_heads = project.map().heads();
    std::sort(graph_heads.begin(), graph_heads.end());
    if (heads != graph_heads) throw RevisionError("Database is not on the head revision(s)");
  }
  return 0;
}

int heads(Context& ctx, bool verbose, bool resolve_dependencies) {
  const auto& map = ctx.project_to_read().map();
  RevisionText text(map);
  nlohmann::json list = nlohmann::json::array();
  // As Alembic's command: by default the heads over down edges only (get_heads()), so a
  // revision that another branch merely depends on still shows, as an "effective head";
  // --resolve-dependencies treats dependencies as down revisions, which hides it.
  for (const auto& id : resolve_dependencies ? map.heads() : map.down_heads()) {
    const auto& rev = map.get(id);
    list.push_back(text.json(rev));
    if (!ctx.json()) ctx.print(verbose ? text.log_entry(rev) : text.head_line(rev));
  }
  if (ctx.json()) ctx.document() = {{"command", "heads"}, {"heads", list}};
  return 0;
}

int branches(Context& ctx, bool verbose) {
  const auto& map = ctx.project_to_read().map();
  RevisionText text(map);
  nlohmann::json list = nlohmann::json::array();
  std::vector<char> all(map.size(), 1);
  for (auto i : graph::newest_first(map, all)) {
    if (!map.is_branch_point(i)) continue;
    const auto& rev = map.at(i);
    nlohmann::json children = nlohmann::json::array();
    std::string out = (verbose ? text.log_entry(rev) : text.short_line(rev)) + "\n";
    for (auto c : map.down_children(i)) {
      const auto& child = map.at(c);
      children.push_back(child.id);
      out += fmt::format("{} -> {}{}\n", std::string(rev.id.size(), ' '), text.head_line(child),
                         verbose ? ", " + child.message : "");
    }
    list.push_back({{"revision", rev.id}, {"branches_into", children}});
    if (!ctx.json()) ctx.print(out);
  }
  if (ctx.json()) ctx.document() = {{"command", "branches"}, {"branch_points", list}};
  return 0;
}

struct HistoryOptions {
  std::string range;
  bool verbose = false;
  bool indicate_current = false;
  bool graph = false;  // drawn in lanes; current revisions marked when the database answers
};

bool names_current(const std::string& side) {
  return !side.empty() && graph::parse_target(side).kind == graph::Target::Kind::Current;
}

int history(Context& ctx, const HistoryOptions& o) {
  const auto& project = ctx.project_to_read();
  const auto& map = project.map();
  graph::Range range;
  if (!o.range.empty()) {
    auto parsed = graph::parse_range(o.range);
    if (!parsed)
      throw UsageError(fmt::format("History range requires [start]:[end], [start]:, or :[end]; got '{}'", o.range));
    range = *parsed;
  }
  const bool with_current = names_current(range.start) || names_current(range.end);
  std::vector<std::string> current;
  if (o.indicate_current || with_current) current = runtime::read_current_heads(project);
  else if (o.graph) current = current_if_reachable(ctx);
  std::vector<std::string> ids;
  if (with_current) {
    // `current` may be several revisions: resolve both sides to lists.
    auto side = [&](const std::string& s) {
      return s.empty() ? std::vector<std::string>{} : graph::resolve_target(map, s, current);
    };
    ids = graph::history_between(map, side(range.start), side(range.end));
  } else {
    ids = graph::history(map, range.start, range.end, current);
  }
  // Alembic marks "(current)" only when asked (-i), even for a range naming current.
  RevisionText text(map, o.indicate_current || o.graph ? as_set(current) : std::set<std::string>{});
  nlohmann::json list = nlohmann::json::array();
  for (const auto& id : ids) {
    const auto& rev = map.get(id);
    list.push_back(text.json(rev));
    if (!ctx.json() && !o.graph) ctx.print(o.verbose ? text.log_entry(rev) : text.history_line(rev));
  }
  if (ctx.json()) ctx.document() = {{"command", "history"}, {"revisions", list}};
  if (o.graph) {
    auto lines = history_graph(map, ids, text);
    if (ctx.json()) ctx.document()["graph"] = lines;
    else for (const auto& line : lines) ctx.print(line);
  }
  return 0;
}

int show(Context& ctx, const std::string& target) {
  const auto& project = ctx.project_to_read();
  const auto& map = project.map();
  std::vector<std::string> current;
  if (names_current(target)) current = runtime::read_current_heads(project);
  auto ids = graph::resolve_target(map, target, current);
  if (ids.empty()) throw RevisionError(fmt::format("'{}' names no revision", target));
  RevisionText text(map, as_set(current));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& id : ids) {
    list.push_back(text.json(map.get(id)));
    if (!ctx.json()) ctx.print(text.log_entry(map.get(id)));
  }
  if (ctx.json()) ctx.document() = {{"command", "show"}, {"revisions", list}};
  return 0;
}

}  // namespace

void add_inspect_commands(CLI::App& app, Action& chosen) {
  auto cur = std::make_shared<std::pair<bool, bool>>();
  auto* c = app.add_subcommand("current", "Display the current revision(s) of the database");
  c->add_flag("-v,--verbose", cur->first, "full detail of each revision");
  c->add_flag("--check-heads", cur->second, "fail unless the database is at the head revision(s)");
  on_run(c, chosen, [cur](Context& ctx) { return current(ctx, cur->first, cur->second); });

  auto ho = std::make_shared<std::pair<bool, bool>>();
  auto* h = app.add_subcommand("heads", "Show the head revisions of the graph");
  h->add_flag("-v,--verbose", ho->first, "full detail of each revision");
  h->add_flag("--resolve-dependencies", ho->second, "treat dependencies as down revisions");
  on_run(h, chosen, [ho](Context& ctx) { return heads(ctx, ho->first, ho->second); });

  auto bv = std::make_shared<bool>(false);
  auto* b = app.add_subcommand("branches", "Show the branch points of the graph");
  b->add_flag("-v,--verbose", *bv, "full detail of each revision");
  on_run(b, chosen, [bv](Context& ctx) { return branches(ctx, *bv); });

  auto hist = std::make_shared<HistoryOptions>();
  auto* hi = app.add_subcommand("history", "List revisions in order, newest first");
  hi->add_option("-r,--rev-range", hist->range, "[start]:[end], e.g. base:head, -3:, current:, ae10:");
  hi->add_flag("-v,--verbose", hist->verbose, "full detail of each revision");
  hi->add_flag("-i,--indicate-current", hist->indicate_current, "mark the database's current revisions");
  hi->add_flag("--graph", hist->graph, "draw the lanes of branches and merges, as git log --graph")
      ->excludes(hi->get_option("--verbose"));
  on_run(hi, chosen, [hist](Context& ctx) { return history(ctx, *hist); });

  auto rev = std::make_shared<std::string>();
  auto* s = app.add_subcommand("show", "Show the revision(s) a target names");
  s->add_option("revision", *rev, "an id, prefix, label, head, heads or current")->required();
  on_run(s, chosen, [rev](Context& ctx) { return show(ctx, *rev); });
}

}  // namespace migrate::cli
