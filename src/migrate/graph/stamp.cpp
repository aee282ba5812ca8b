// Which rows a stamp leaves (Alembic's ScriptDirectory._stamp_revs and StampStep), and the one
// step that gets there.
#include "migrate/graph/stamp.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "migrate/error.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/graph/traversal.hpp"
#include "migrate/graph/version_rows.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

struct StampMove {
  std::vector<Index> from;
  std::optional<Index> to;  // none: base
  bool is_upgrade;
  bool branch_move;
};

// Marks the revisions sharing a line with any of `revs` over all edges (Alembic's
// _shares_lineage with include_dependencies): their ancestors, descendants and themselves.
std::vector<char> lineage_all(const RevisionMap& map, std::span<const Index> revs) {
  auto marks = ancestor_marks(map, revs, Edges::All);
  auto up = descendant_marks(map, revs, Edges::All);
  for (std::size_t i = 0; i < marks.size(); ++i) marks[i] |= up[i];
  return marks;
}

bool any_marked(const std::vector<char>& marks, const std::vector<Index>& revs) {
  return std::any_of(revs.begin(), revs.end(), [&](Index i) { return marks[i] != 0; });
}

}  // namespace

std::vector<Step> plan_stamp(const RevisionMap& map, const std::vector<std::string>& current,
                             const std::vector<std::string>& targets, bool purge) {
  // --purge empties the table first and stamps from no rows at all.
  const std::vector<Index> heads = purge ? std::vector<Index>{} : current_indices(map, current);
  std::vector<std::string> head_ids;
  for (auto h : heads) head_ids.push_back(map.id(h));

  // The rows each target concerns: those sharing a line with what it names (its label's
  // revision and the revisions it resolves to); a target naming nothing (base) concerns all.
  std::vector<Index> filtered;
  std::vector<Index> dests;
  for (const auto& text : targets) {
    Target t = parse_target(text);
    std::vector<Index> shares;
    for (const auto& id : resolve_target(map, t, head_ids)) {
      shares.push_back(map.index_of(id));
      dests.push_back(shares.back());
    }
    if (!t.branch.empty()) shares.push_back(resolve_branch(map, t.branch));
    std::vector<char> lineage;
    if (!shares.empty()) lineage = lineage_all(map, shares);
    for (auto h : heads) {
      if ((shares.empty() || lineage[h]) && std::find(filtered.begin(), filtered.end(), h) == filtered.end()) {
        filtered.push_back(h);
      }
    }
  }

  // One move per destination, all decided from the rows before the stamp, as Alembic does.
  std::vector<StampMove> moves;
  if (dests.empty()) {
    for (auto h : filtered) moves.push_back({{h}, std::nullopt, false, true});
  }
  for (auto d : dests) {
    if (std::find(filtered.begin(), filtered.end(), d) != filtered.end()) continue;  // already a row
    const Index seed[] = {d};
    if (any_marked(descendant_marks(map, seed, Edges::All), filtered)) {
      if (any_marked(ancestor_marks(map, seed, Edges::All), filtered)) {
        // Alembic asserts the rows concerned are not on both sides of the destination.
        throw RevisionError("Can't stamp " + map.id(d) + ": the version table holds revisions both above and below it (" +
                            fmt::format("{}", fmt::join(head_ids, ", ")) +
                            "); Alembic fails at the same step. Stamp with --purge to replace every row");
      }
      moves.push_back({filtered, d, false, false});  // rows above: down to d in one step
    } else if (any_marked(ancestor_marks(map, seed, Edges::All), filtered)) {
      moves.push_back({filtered, d, true, false});  // rows below: up to d in one step
    } else {
      moves.push_back({{}, d, true, true});  // a line with no row: a new branch
    }
  }
  VersionRows rows(map, heads);
  for (const auto& m : moves) rows.stamp(m.from, m.to, m.is_upgrade, m.branch_move);

  Step step;
  step.direction = Direction::Up;
  step.stamp = true;
  auto after = rows.rows();
  for (const auto& v : current) {
    auto i = map.find(v);
    if (!i || !rows.has(*i)) step.remove_versions.push_back(v);
  }
  for (auto i : after) {
    if (std::find(current.begin(), current.end(), map.id(i)) == current.end()) step.add_versions.push_back(map.id(i));
  }
  if (step.remove_versions.empty() && step.add_versions.empty()) return {};
  step.from = step.remove_versions;
  step.to = step.add_versions;
  step.revision = step.to.empty() ? "" : step.to.front();
  return {step};
}

}  // namespace migrate::graph
