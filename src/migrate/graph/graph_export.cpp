// to_dot() and to_mermaid(): one walk of the graph, two syntaxes.
#include "migrate/graph/graph_export.hpp"

#include <fmt/format.h>

#include "migrate/graph/queries.hpp"
#include "migrate/graph/topo_order.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

// What both formats say about each revision, newest first.
struct Node {
  Index index;
  std::string title;    // "id (labels)"
  std::string message;
  bool head, current;
};

std::vector<Node> nodes(const RevisionMap& map, const std::set<std::string>& current) {
  auto labels = effective_branch_labels(map);
  std::vector<Node> out;
  for (auto i : newest_first(map, std::vector<char>(map.size(), 1))) {
    std::string title = map.id(i);
    if (!labels[i].empty()) title += fmt::format(" ({})", fmt::join(labels[i], ", "));
    out.push_back({i, title, map.at(i).message, map.is_down_head(i), current.count(map.id(i)) > 0});
  }
  return out;
}

// The edges into revision i: its down revisions, then what it only depends on.
template <class Emit>
void edges_into(const RevisionMap& map, Index i, Emit emit) {
  auto parents = map.parents(i);
  for (std::size_t k = 0; k < parents.size(); ++k) emit(parents[k], k >= map.down(i).size());
}

std::string escaped(const std::string& text, bool mermaid) {
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += ' ';
    else if (!mermaid && (c == '"' || c == '\\')) out += std::string("\\") + c;
    else if (mermaid && c == '"') out += "#quot;";
    else if (mermaid && c == '#') out += "#35;";
    else if (mermaid && c == '<') out += "#lt;";
    else if (mermaid && c == '>') out += "#gt;";
    else if (mermaid && c == '&') out += "#amp;";
    else out += c;
  }
  return out;
}

std::string dot_id(const RevisionMap& map, Index i) { return '"' + escaped(map.id(i), false) + '"'; }
std::string mermaid_id(Index i) { return fmt::format("r{}", i); }

}  // namespace

std::string to_dot(const RevisionMap& map, const std::set<std::string>& current) {
  std::string out = "digraph revisions {\n  rankdir=BT;\n  node [shape=box];\n";
  auto all = nodes(map, current);
  for (const auto& n : all) {
    std::string style;
    if (n.head) style += ", penwidth=2";
    if (n.current) style += ", style=filled, fillcolor=\"#cfe8ff\"";
    out += fmt::format("  {} [label=\"{}\\n{}\"{}];\n", dot_id(map, n.index), escaped(n.title, false),
                       escaped(n.message, false), style);
  }
  for (const auto& n : all) {
    edges_into(map, n.index, [&](Index from, bool dependency) {
      out += fmt::format("  {} -> {}{};\n", dot_id(map, from), dot_id(map, n.index),
                         dependency ? " [style=dashed]" : "");
    });
  }
  return out + "}\n";
}

std::string to_mermaid(const RevisionMap& map, const std::set<std::string>& current) {
  std::string out = "flowchart BT\n";
  auto all = nodes(map, current);
  std::vector<std::string> heads, currents;
  for (const auto& n : all) {
    out += fmt::format("  {}[\"{}<br/>{}\"]\n", mermaid_id(n.index), escaped(n.title, true), escaped(n.message, true));
    if (n.head) heads.push_back(mermaid_id(n.index));
    if (n.current) currents.push_back(mermaid_id(n.index));
  }
  for (const auto& n : all) {
    edges_into(map, n.index, [&](Index from, bool dependency) {
      out += fmt::format("  {} {} {}\n", mermaid_id(from), dependency ? "-.->" : "-->", mermaid_id(n.index));
    });
  }
  out += "  classDef head stroke-width:3px\n  classDef current fill:#cfe8ff\n";
  if (!heads.empty()) out += fmt::format("  class {} head\n", fmt::join(heads, ","));
  if (!currents.empty()) out += fmt::format("  class {} current\n", fmt::join(currents, ","));
  return out;
}

}  // namespace migrate::graph
