// `graph`: the whole revision graph for documentation, as DOT, Mermaid, SVG (through
// Graphviz's dot) or JSON nodes and edges.
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/graph_text.hpp"
#include "cli/revision_text.hpp"
#include "migrate/graph/graph_export.hpp"
#include "migrate/graph/topo_order.hpp"
#include "migrate/runtime/run.hpp"

extern char** environ;

namespace migrate::cli {

namespace {

struct GraphOptions {
  std::string format = "dot";
  bool indicate_current = false;
};

// Graphviz renders the DOT text; its SVG goes straight to our stdout, its errors to stderr.
void print_svg(const std::string& dot_source) {
  int fds[2];
  if (pipe(fds) != 0) throw ConfigError(fmt::format("cannot start Graphviz's dot: {}", std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  char dot[] = "dot", tsvg[] = "-Tsvg";
  char* argv[] = {dot, tsvg, nullptr};
  std::cout.flush();
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (spawned != 0) {
    close(fds[1]);
    if (spawned == ENOENT)
      throw ConfigError("--format svg needs Graphviz's `dot` on PATH (apt-get install graphviz); --format dot prints its input");
    throw ConfigError(fmt::format("cannot start Graphviz's dot: {}", std::strerror(spawned)));
  }
  // A dot that stops reading must fail the command, not kill it with SIGPIPE.
  struct sigaction ignore {}, previous {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &previous);
  bool written = true;
  for (std::size_t done = 0; done < dot_source.size();) {
    ssize_t n = write(fds[1], dot_source.data() + done, dot_source.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      written = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  close(fds[1]);
  sigaction(SIGPIPE, &previous, nullptr);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!written || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw ConfigError(fmt::format("Graphviz's `dot -Tsvg` failed ({}): its message is above",
                                  WIFEXITED(status) ? fmt::format("exit {}", WEXITSTATUS(status)) : "killed"));
}

nlohmann::json nodes_and_edges(const graph::RevisionMap& map, const RevisionText& text) {
  nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
  for (auto i : graph::newest_first(map, std::vector<char>(map.size(), 1))) {
    nodes.push_back(text.json(map.at(i)));
    auto parents = map.parents(i);
    for (std::size_t k = 0; k < parents.size(); ++k)
      edges.push_back({{"from", map.id(parents[k])},
                       {"to", map.id(i)},
                       {"kind", k < map.down(i).size() ? "down" : "depends_on"}});
  }
  return {{"command", "graph"}, {"revisions", nodes}, {"edges", edges}};
}

int graph_command(Context& ctx, const GraphOptions& o) {
  const auto& map = ctx.project_to_read().map();
  auto current = o.indicate_current ? runtime::read_current_heads(ctx.project_to_read()) : current_if_reachable(ctx);
  std::set<std::string> marked(current.begin(), current.end());
  if (ctx.json() || o.format == "json") {
    auto document = nodes_and_edges(map, RevisionText(map, marked));
    if (ctx.json()) ctx.document() = std::move(document);
    else std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (o.format == "svg") {
    print_svg(graph::to_dot(map, marked));
  } else {
    std::string text = o.format == "mermaid" ? graph::to_mermaid(map, marked) : graph::to_dot(map, marked);
    text.pop_back();  // print() ends the line
    ctx.print(text);
  }
  return 0;
}

}  // namespace

void add_graph_command(CLI::App& app, Action& chosen) {
  auto o = std::make_shared<GraphOptions>();
  auto* g = app.add_subcommand("graph", "Print the whole revision graph for documentation (DOT, Mermaid, SVG, JSON)");
  g->add_option("--format", o->format, "dot (default), mermaid, svg (through Graphviz's dot) or json")
      ->check(CLI::IsMember({"dot", "mermaid", "svg", "json"}));
  g->add_flag("-i,--indicate-current", o->indicate_current,
              "mark the database's current revisions, failing if it cannot be read (default: when it answers)");
  on_run(g, chosen, [o](Context& ctx) { return graph_command(ctx, *o); });
}

}  // namespace migrate::cli
